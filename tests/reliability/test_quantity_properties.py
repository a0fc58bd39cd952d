"""Properties of the quantity parser over report-like text and over any text: it never raises,
its offsets slice the input to the quantity's text, and value times scale is the base value."""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from kg.data import data_table
from kg.extract.quantities import find_quantities
from tests.reliability.counts import TRIED
from tests.reliability.strategies import fuzz_settings, pieces, quantities

UNITS = {row[0]: (row[1], Decimal(row[2])) for row in data_table("units.tsv")}
MAGNITUDES = {row[0]: Decimal(row[1]) for row in data_table("magnitudes.tsv")}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

quantity_texts = st.lists(quantities | pieces, max_size=10).map("".join)
offsets = st.integers(min_value=0, max_value=10**6)


def _split_unit(unit: str) -> tuple[Decimal, str]:
    """The magnitude factor and the bare unit of a unit as written (万平方米 -> 10000, 平方米)."""
    for magnitude in sorted(MAGNITUDES, key=len, reverse=True):
        if unit.startswith(magnitude) and unit[len(magnitude) :] in UNITS:
            return MAGNITUDES[magnitude], unit[len(magnitude) :]
    assert unit in UNITS, unit
    return Decimal(1), unit


@fuzz_settings(400)
@given(text=quantity_texts, offset=offsets)
def test_quantities_slice_the_text_and_scale_exactly(text: str, offset: int) -> None:
    TRIED["quantities (property)"] += 1
    for quantity in find_quantities(text, offset):
        assert offset <= quantity.start < quantity.end <= offset + len(text)
        assert text[quantity.start - offset : quantity.end - offset] == quantity.text
        numbers = _NUMBER.findall(quantity.text)
        if quantity.chinese_numerals:  # 超千万人次: the number is written in Chinese (千)
            assert numbers == []
        else:
            assert len(numbers) == 1 and Decimal(numbers[0]) == quantity.value
        magnitude, unit = _split_unit(quantity.unit)
        base_unit, factor = UNITS[unit]
        assert quantity.base_unit == base_unit
        with localcontext(prec=200):  # exact: the check must not round
            assert quantity.base_value == quantity.value * magnitude * factor
        if unit == "年" and magnitude == 1 and numbers:
            assert not re.fullmatch(r"(19|20)\d\d", numbers[0]), "a year read as a duration"
