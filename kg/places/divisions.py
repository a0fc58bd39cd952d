"""China's administrative divisions (``kg/data/divisions.tsv``): codes, names, parents, points.

A name may stand for several divisions (朝阳区 is in Beijing and in Changchun; 朝阳 is also a
city and a county in Liaoning): ``candidates`` gives every division a written name may be, and
``kg.places.linking`` chooses among them by the report. Loaded once, on first use.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from kg.data import data_table

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
    accepted: dict[str, str] = {}
    for surface, full, _level in data_table("places_china.tsv"):
        accepted.setdefault(surface, full)
    return DivisionTable(divisions, shorts, accepted)


@cache
def town_counties() -> dict[str, tuple[str, ...]]:
    """Town, township or subdistrict name -> the codes of the counties that have one so named."""
    counties: dict[str, list[str]] = defaultdict(list)
    for town, county in data_table("towns.tsv"):
        counties[town].append(county)
    return {town: tuple(codes) for town, codes in counties.items()}
