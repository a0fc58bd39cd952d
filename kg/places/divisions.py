"""China's administrative divisions: the one table of their names, codes and towns.

Read from ``kg/data``, each file once and each index built on first use: ``places_china.tsv``
(every form a province, city or county is written in, with its full name and level),
``divisions.tsv`` (GB/T 2260 codes, full and short names, levels, parents, points) and
``towns.tsv`` (towns, townships and subdistricts with their county). Every lookup over the
divisions reads through here: a name's key and the division a chain of names ends with
(``kg.extract.entities``), a report's region (``kg.text.metadata``, ``kg.nlp.sources.region``)
and the code of each place (``kg.places.linking``).

A name may stand for several divisions (朝阳区 is in Beijing and in Changchun; 朝阳 is also a
city and a county in Liaoning): ``DivisionTable.lookup`` gives every division a written name may
be, and ``kg.places.linking`` chooses among them by the report.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from kg.data import data_table

# Level endings a county's or city's short form drops (安居区 -> 安居), and the words ending in
# them that are part of the name (滨海新区 is not 滨海新, 麻阳苗族自治县 not 麻阳苗族自治).
LEVEL_ENDINGS = ("区", "县", "市", "旗")
_KEEP_ENDINGS = ("新区", "矿区", "城区", "郊区", "林区", "特区", "自治县", "自治旗")


# Names: the forms each division is written in (places_china.tsv), and towns (towns.tsv), which
# may end a chain of names but never stand for a county or city.


@cache
def division_full_names() -> dict[str, str]:
    """Surface -> official name of China's divisions (湖南 -> 湖南省): the first the table
    gives it."""
    official: dict[str, str] = {}
    for surface, full, _level in data_table("places_china.tsv"):
        official.setdefault(surface, full)
    return official


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
def division_forms() -> dict[str, frozenset[str]]:
    """Official name -> every form the division is written in, itself included (湖南省 ->
    湖南省, 湖南)."""
    forms: dict[str, set[str]] = {}
    for surface, full, _level in data_table("places_china.tsv"):
        forms.setdefault(full, {full}).add(surface)
    return {full: frozenset(found) for full, found in forms.items()}


@cache
def region_full_names() -> dict[str, tuple[str, ...]]:
    """Every name a report's region may be written with (湖南省, 湖南) -> the official names
    it stands for, in the table's order.

    Counties are known by their full names only: their short forms are often words of their
    own (大关, 滨城, 龙江 for 黑龙江).
    """
    names: dict[str, list[str]] = {}
    for surface, full, level in data_table("places_china.tsv"):
        if surface != full and level == "county":
            continue
        fulls = names.setdefault(surface, [])
        if full not in fulls:
            fulls.append(full)
    return {surface: tuple(fulls) for surface, fulls in names.items()}


@cache
def division_names() -> frozenset[str]:
    """Every written form of a division, towns included (they may end a chain)."""
    return frozenset(division_full_names()) | frozenset(town_counties())


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


@cache
def town_counties() -> dict[str, tuple[str, ...]]:
    """Town, township or subdistrict name -> the codes of the counties that have one so named."""
    counties: dict[str, list[str]] = defaultdict(list)
    for town, county in data_table("towns.tsv"):
        counties[town].append(county)
    return {town: tuple(codes) for town, codes in counties.items()}


# Codes: the divisions of divisions.tsv, and the short names places_china.tsv accepts.

LEVELS = ("province", "city", "county")
MIN_NAME = 2  # a one-character "name" (县) is never a division


@dataclass(frozen=True, slots=True)
class Division:
    """One division: its six-digit GB/T 2260 code, full name, level and the division it is in."""

    code: str
    name: str
    level: str  # province, city or county
    parent: str | None
    latitude: Decimal | None = None  # WGS84 degrees
    longitude: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Lookup:
    """The divisions a written name may be (codes), and which of them the name means when
    nothing else tells (``preferred``: the one the rest of the extractor takes it for, 朝阳 ->
    朝阳市)."""

    codes: tuple[str, ...] = ()
    preferred: frozenset[str] = frozenset()


class DivisionTable:
    """Divisions by code, and the codes each full name and each accepted short name stand for."""

    def __init__(
        self, divisions: list[Division], shorts: dict[str, list[str]], accepted: dict[str, str]
    ) -> None:
        self.by_code = {d.code: d for d in divisions}
        by_name: dict[str, list[str]] = defaultdict(list)
        for division in divisions:
            by_name[division.name].append(division.code)
        self._by_name = {name: tuple(codes) for name, codes in by_name.items()}
        # A short name counts only where places_china.tsv accepts it as a place name: short
        # forms that are everyday words (和平 for 和平区) would code plain words.
        self._by_short = {
            short: tuple(codes) for short, codes in shorts.items() if short in accepted
        }
        self._accepted = accepted  # surface -> the full name places_china.tsv gives it

    def chain(self, code: str) -> tuple[Division, ...]:
        """The division and those it is in, up to its province."""
        return _chain(self, code)

    def lookup(self, surface: str) -> Lookup:
        """The divisions ``surface`` may be: by full name only when it is one (朝阳市 is the
        city), else by short name (朝阳: four divisions), else a division written after the
        one it is in (十堰市张湾区, 云浮罗定)."""
        name = "".join(unicodedata.normalize("NFKC", surface).split())
        if len(name) < MIN_NAME:
            return Lookup()
        exact = self._by_name.get(name)
        if exact:
            return Lookup(exact, frozenset(exact))
        found = self._by_short_name(name)
        if found.codes:
            return found
        return self._within(name)

    def _by_short_name(self, name: str) -> Lookup:
        full = self._accepted.get(name)
        preferred = self._by_name.get(full, ()) if full else ()
        codes = tuple(dict.fromkeys((*preferred, *self._by_short.get(name, ()))))
        return Lookup(codes, frozenset(preferred))

    def _within(self, name: str) -> Lookup:
        for split in range(MIN_NAME, len(name) - MIN_NAME + 1):
            outer, inner = name[:split], name[split:]
            outers = self._by_name.get(outer) or self._by_short_name(outer).codes
            if not outers:
                continue
            inners = self._by_name.get(inner) or self._by_short_name(inner).codes
            inside = tuple(
                code
                for code in inners
                if any(o in (d.code for d in self.chain(code)[1:]) for o in outers)
            )
            if inside:
                return Lookup(inside, frozenset(inside))
        return Lookup()


@cache
def _chain(table: DivisionTable, code: str) -> tuple[Division, ...]:
    chain: list[Division] = []
    current: str | None = code
    while current is not None and current in table.by_code and len(chain) < len(LEVELS):
        division = table.by_code[current]
        chain.append(division)
        current = division.parent
    return tuple(chain)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


@cache
def division_table() -> DivisionTable:
    divisions = []
    shorts: dict[str, list[str]] = defaultdict(list)
    for row in data_table("divisions.tsv"):
        # Empty cells at a line's end are stripped with it: a province with no point is 4 cells.
        code, name, short, level, parent, latitude, longitude = (*row, "", "", "")[:7]
        divisions.append(
            Division(code, name, level, parent or None, _decimal(latitude), _decimal(longitude))
        )
        for form in filter(None, short.split(",")):
            shorts[form].append(code)
    return DivisionTable(divisions, shorts, division_full_names())
