"""Find quantities in text: a number, an optional magnitude, a unit, and qualifiers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from kg.data import data_table
from kg.records import Quantity

_BEFORE = ("超过", "超", "达到", "达", "近", "约", "突破", "力争")
_AFTER_NUMBER = ("余", "多")
_AFTER_UNIT = ("以上", "左右", "多")


@cache
def _units() -> dict[str, tuple[str, Decimal]]:
    return {unit: (base, Decimal(factor)) for unit, base, factor, _kind in data_table("units.tsv")}


@cache
def _magnitudes() -> dict[str, Decimal]:
    return {mag: Decimal(factor) for mag, factor in data_table("magnitudes.tsv")}


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<before>{_alternation(_BEFORE)})?"
        r"(?<![\d.A-Za-z])(?P<number>\d+(?:\.\d+)?)"
        rf"(?P<after_number>{_alternation(_AFTER_NUMBER)})?"
        rf"(?P<magnitude>{_alternation(_magnitudes())})?"
        rf"(?P<unit>{_alternation(_units())})"
        rf"(?P<after_unit>{_alternation(_AFTER_UNIT)})?"
    )


def find_quantities(text: str, offset: int = 0) -> Iterator[Quantity]:
    """Quantities in ``text``; offsets are shifted by ``offset``."""
    for match in _pattern().finditer(text):
        number, unit = match["number"], match["unit"]
        magnitude = match["magnitude"] or ""
        if unit == "年" and not magnitude and re.fullmatch(r"(19|20)\d\d", number):
            continue  # a year, not a duration
        base_unit, factor = _units()[unit]
        value = Decimal(number)
        scale = _magnitudes().get(magnitude, Decimal(1)) * factor
        qualifier = match["before"] or match["after_number"] or match["after_unit"] or ""
        yield Quantity(
            text=match.group(),
            start=offset + match.start(),
            end=offset + match.end(),
            value=value,
            unit=magnitude + unit,
            base_value=(value * scale).normalize(),
            base_unit=base_unit,
            qualifier=qualifier,
        )


def to_base_unit(value: Decimal, unit: str) -> tuple[Decimal, str] | None:
    """The value of ``value unit`` in the unit's base unit (3.6 万平方米 -> 36000 平方米)."""
    for magnitude, scale in (*_magnitudes().items(), ("", Decimal(1))):
        if unit.startswith(magnitude) and unit[len(magnitude) :] in _units():
            base_unit, factor = _units()[unit[len(magnitude) :]]
            return (value * scale * factor).normalize(), base_unit
    return None
