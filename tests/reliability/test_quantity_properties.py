"""Properties of the quantity parser over report-like text: its offsets slice the input to the
quantity's text, the value is the number written, and value times scale is the base value,
exactly (computed here from the unit and magnitude tables, not by the parser's own code)."""

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
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")

quantity_texts = st.lists(quantities | pieces, max_size=10).map("".join)
offsets = st.integers(min_value=0, max_value=10**6)


def split_unit(unit: str) -> tuple[Decimal, str, str]:
    """Magnitude factor, bare unit and per-unit of a unit as written (万元/月 -> 10000, 元, /月)."""
    head, slash, per = unit.partition("/")
    for magnitude in sorted(MAGNITUDES, key=len, reverse=True):
        if head.startswith(magnitude) and head[len(magnitude) :] in UNITS:
            return MAGNITUDES[magnitude], head[len(magnitude) :], slash + per
    assert head in UNITS, unit
    return Decimal(1), head, slash + per


@fuzz_settings(400)
@given(text=quantity_texts, offset=offsets)
def test_quantities_slice_the_text_and_scale_exactly(text: str, offset: int) -> None:
    TRIED["quantities (property)"] += 1
    for quantity in find_quantities(text, offset):
        assert offset <= quantity.start < quantity.end <= offset + len(text)
        assert text[quantity.start - offset : quantity.end - offset] == quantity.text
        if not quantity.chinese_numerals:
            numbers = _ARABIC.findall(quantity.text)
            assert Decimal(numbers[0].replace(",", "")) == quantity.value
            if quantity.value_max is not None:
                assert Decimal(numbers[-1].replace(",", "")) == quantity.value_max
        magnitude, unit, per = split_unit(quantity.unit)
        base_unit, factor = UNITS[unit]
        assert quantity.base_unit == base_unit + per
        with localcontext(prec=200):  # exact: the check must not round
            assert quantity.base_value == quantity.value * magnitude * factor
        if quantity.unit == "年" and not quantity.chinese_numerals:
            assert not re.fullmatch(r"(1[89]|20)\d\d", str(quantity.value)), "a year as a duration"
