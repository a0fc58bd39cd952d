"""China's administrative divisions by name: the forms a division is written with, and the
division a chain of names ends with (上海市黄浦区 -> 黄浦区).

From ``places_china.tsv`` (provinces, cities, counties with their short forms) and
``towns.tsv`` (towns, which may end a chain but never stand for a county or city).
"""

from __future__ import annotations

from functools import cache

from kg.data import data_table

# Level endings a county's or city's short form drops (安居区 -> 安居), and the words ending in
# them that are part of the name (滨海新区 is not 滨海新, 麻阳苗族自治县 not 麻阳苗族自治).
LEVEL_ENDINGS = ("区", "县", "市", "旗")
_KEEP_ENDINGS = ("新区", "矿区", "城区", "郊区", "林区", "特区", "自治县", "自治旗")


@cache
def division_keys() -> dict[str, str]:
    """Surface -> key of China's divisions: the shortest surface that means that division
    alone (湖南省 -> 湖南, 麻阳苗族自治县 -> 麻阳; 长沙县 stays 长沙县, as 长沙 is the city)."""
    official = division_full_names()
    shortest: dict[str, str] = {}
    for surface, full in official.items():
        if len(surface) < len(shortest.get(full, full + "_")):
            shortest[full] = surface
    return {surface: shortest.get(full, surface) for surface, full in official.items()}


@cache
def division_full_names() -> dict[str, str]:
    """Surface -> official name of China's divisions (湖南 -> 湖南省)."""
    official: dict[str, str] = {}
    for surface, full, _level in data_table("places_china.tsv"):
        official.setdefault(surface, full)
    return official


@cache
def division_names() -> frozenset[str]:
    """Every written form of a division, towns included (they may end a chain)."""
    towns = {town for town, _county in data_table("towns.tsv")}
    return frozenset(division_full_names()) | towns


@cache
def last_division(name: str) -> str | None:
    """The last division of a name written as divisions only, one after another
    (上海市黄浦区 -> 黄浦区, 湖南 -> 湖南), or None."""
    if name in division_names():
        return name
    for size in range(min(len(name) - 2, 12), 1, -1):  # the longest parent first
        if name[:size] in division_full_names():
            rest = last_division(name[size:])
            if rest is not None:
                return rest
    return None


def own_short_form(full: str) -> str | None:
    """A county's or city's name without its level (安居区 -> 安居), which the gazetteer leaves
    out when it is an everyday word but which, in that division's own report, is the division."""
    if full.endswith(_KEEP_ENDINGS):
        return None
    for ending in LEVEL_ENDINGS:
        short = full[: -len(ending)]
        if full.endswith(ending) and len(short) >= 2:
            # 长沙 is the city, not 长沙县
            return short if division_full_names().get(short, full) == full else None
    return None
