"""Give a report's places their identity: the division each one is, or the one it is in.

A name that may be several divisions (朝阳区: Beijing's 110105 or Changchun's 220104) is the one
that fits the report: inside (or around) the report's region first, then near the places the
report names without doubt (the districts of the same city, the towns of the county), then the
meaning the name has on its own. Two that fit as well leave the name without a code, never a
guess. The report's region is resolved the same way, from the places its text names.

What is not a division keeps the parent the report implies: a town its county (``towns.tsv``),
a place written after a division (长沙经开区) that division, any other place the report's region.
Countries and the world regions and national areas of ``places.txt`` are in no region.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from kg.data import data_lines, data_table
from kg.places.divisions import (
    Division,
    DivisionTable,
    Lookup,
    division_table,
    own_short_form,
    town_counties,
)
from kg.records import Entity, EntityType

# Related to the region; places named without doubt in it, in its city, in its province; and
# whether the name means it on its own. Compared in that order.
Score = tuple[bool, int, int, int, bool]


@dataclass(frozen=True)
class PlaceLinks:
    """What a report's places are: the region's code, each coded place's code and each other
    place's parent division, by entity key (Place entities only)."""

    region: str | None = None
    codes: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)


@cache
def _outside_any_region() -> frozenset[str]:
    """Places that no region contains: countries, continents, China's economic regions."""
    names = {
        line.split("\t")[0] for file in ("places.txt", "countries.tsv") for line in data_lines(file)
    }
    return frozenset(names)


def link_places(region: str | None, entities: Iterable[Entity]) -> PlaceLinks:
    """The divisions of a report's ``region`` and of its Place ``entities``."""
    table = division_table()
    places = [e for e in entities if e.type is EntityType.PLACE]
    lookups = {e.key: _entity_lookup(table, e) for e in places}
    towns = {e.key: _town_lookup(table, e) for e in places if not lookups[e.key].codes}
    # What the report names without doubt: divisions with one code, towns with one county.
    context = [
        found.codes[0] for found in (*lookups.values(), *towns.values()) if len(found.codes) == 1
    ]
    region_code = _choose(table, table.lookup(region) if region else Lookup(), None, context)

    codes: dict[str, str] = {}
    parents: dict[str, str] = {}
    short = own_short_form(table.by_code[region_code].name) if region_code else None
    for entity in places:
        own = _own_province(table, entity, region_code) or _own_region(entity, region_code, short)
        if own is not None:
            codes[entity.key] = own
            continue
        found = lookups[entity.key]
        code = _choose(table, found, region_code, context) if found.codes else None
        if code is not None and not _trusted(table, entity, code, region_code):
            found, code = Lookup(), None
        if code is not None:
            codes[entity.key] = code
            continue
        if found.codes:
            parent = _common_parent(table, _best(table, found, region_code, context))
        elif entity.key in towns and towns[entity.key].codes:
            # A report names the towns of its own region: one elsewhere is a name mistaken.
            town = towns[entity.key]
            parent = _choose(table, town, region_code, context)
            if region_code is not None and not _related(table, parent or "", region_code):
                in_region = any(_related(table, c, region_code) for c in town.codes)
                parent = region_code if in_region else None
        else:
            parent = _parent_by_prefix(table, entity, region_code, context)
            if parent is None and not _is_outside_regions(entity):
                parent = region_code
        if parent is not None:
            parents[entity.key] = parent
    return PlaceLinks(region_code, codes, parents)


def _trusted(table: DivisionTable, entity: Entity, code: str, region: str | None) -> bool:
    """Whether a short name means the division: a county's, or a city's that is also a word
    (``division_words.tsv``), only in or around the report's region. Elsewhere it is a
    mountain, a river or a lab named like one (钟山 in Jiangsu's report is Nanjing's mountain,
    not Guangxi's 钟山县; 清河 in Beijing's a river, not Hebei's 清河县; 大庆 in Tibet's the
    region's anniversary)."""
    division = table.by_code[code]
    surfaces = _surfaces(entity)
    if division.name in surfaces:
        return True
    rules = {_division_words().get(s) for s in surfaces}
    if "never" in rules:
        return False
    if division.level == "county" or "region" in rules:
        return _related(table, code, region)
    return True


def _own_region(entity: Entity, region: str | None, short: str | None) -> str | None:
    """The report's region, when the entity is its ``short`` form however common a word that is
    (德安 of 德安县, 交城 of 交城县: the table knows neither short form, being words)."""
    return region if short is not None and short in _surfaces(entity) else None


def _own_province(table: DivisionTable, entity: Entity, region: str | None) -> str | None:
    """The report's province, when the entity is written with its short name ("own" in
    ``division_words.tsv``: 龙江 in Heilongjiang's reports)."""
    if region is None:
        return None
    chain = table.chain(region)
    province = chain[-1] if chain else None
    for surface in _surfaces(entity):
        if _division_words().get(surface) == "own" and province and surface in province.name:
            return province.code
    return None


@cache
def _division_words() -> dict[str, str]:
    return {word: rule for word, rule in data_table("division_words.tsv")}


def _surfaces(entity: Entity) -> tuple[str, ...]:
    return (entity.label, *entity.alt_labels, entity.key)


def _entity_lookup(table: DivisionTable, entity: Entity) -> Lookup:
    """The divisions an entity may be, from every way the report writes it: a full name, where
    one is written, decides alone (朝阳市 and 朝阳 in one report are the city)."""
    found = [table.lookup(surface) for surface in _surfaces(entity)]
    exact = [f for f in found if f.codes and f.preferred == frozenset(f.codes)]
    chosen = exact or [f for f in found if f.codes]
    codes = tuple(dict.fromkeys(code for f in chosen for code in f.codes))
    return Lookup(codes, frozenset().union(*(f.preferred for f in chosen)))


def _town_lookup(table: DivisionTable, entity: Entity) -> Lookup:
    """The counties a town may be in (the nearest division the table has: a county, else its
    city or province, as for a development zone's towns)."""
    counties = town_counties()
    found: list[str] = []
    for surface in _surfaces(entity):
        for code in counties.get(surface, ()):
            nearest = next(
                (c for c in (code, code[:4] + "00", code[:2] + "0000") if c in table.by_code), None
            )
            if nearest is not None and nearest not in found:
                found.append(nearest)
    return Lookup(tuple(found))


def _score(
    table: DivisionTable, code: str, found: Lookup, region: str | None, context: Sequence[str]
) -> Score:
    """How well a division fits the report: related to its region, then how many of the places
    it names without doubt are in it, in its city, in its province; then whether the name means
    it on its own."""
    chain = table.chain(code)
    city, province = _city(chain), chain[-1].code if chain else code
    inside = city_count = province_count = 0
    for other in context:
        other_chain = table.chain(other)
        inside += any(d.code == code for d in other_chain)
        city_count += _city(other_chain) == city
        province_count += bool(other_chain) and other_chain[-1].code == province
    preferred = code in found.preferred
    return (_related(table, code, region), inside, city_count, province_count, preferred)


def _city(chain: tuple[Division, ...]) -> str | None:
    """The city of a division's chain, or its province where there is no city (Beijing's
    districts), so that districts of one municipality count as one city."""
    for division in chain:
        if division.level == "city":
            return division.code
    return chain[-1].code if chain else None


def _related(table: DivisionTable, code: str, region: str | None) -> bool:
    """Whether ``code`` is the region, in it, or around it."""
    if region is None:
        return False
    return any(d.code == region for d in table.chain(code)) or any(
        d.code == code for d in table.chain(region)
    )


def _best(
    table: DivisionTable, found: Lookup, region: str | None, context: Sequence[str]
) -> list[str]:
    """The codes that fit the report best (one, or several that fit as well)."""
    scores = {code: _score(table, code, found, region, context) for code in found.codes}
    if not scores:
        return []
    top = max(scores.values())
    return [code for code, score in scores.items() if score == top]


def _choose(
    table: DivisionTable, found: Lookup, region: str | None, context: Sequence[str]
) -> str | None:
    best = _best(table, found, region, context)
    return best[0] if len(best) == 1 else None


def _common_parent(table: DivisionTable, codes: Sequence[str]) -> str | None:
    """The smallest division that contains all ``codes`` (鼓楼区 of Nanjing or Xuzhou: Jiangsu)."""
    if not codes:
        return None
    chains = [[d.code for d in table.chain(code)] for code in codes]
    shared = set(chains[0]).intersection(*chains[1:])
    return next((code for code in chains[0] if code in shared), None)


def _parent_by_prefix(
    table: DivisionTable, entity: Entity, region: str | None, context: Sequence[str]
) -> str | None:
    """The division a place's name starts with (长沙经开区 -> 长沙市), the longest one, if it is
    the report's region or in or around it: 中山路 and 延安路 are streets, not in 中山 or 延安."""
    name = entity.label
    for end in range(len(name) - 1, 1, -1):
        found = table.lookup(name[:end])
        if found.codes:
            code = _choose(table, found, region, context)
            return code if code is not None and _related(table, code, region) else None
    return None


def _is_outside_regions(entity: Entity) -> bool:
    outside = _outside_any_region()
    return any(surface in outside for surface in _surfaces(entity))
