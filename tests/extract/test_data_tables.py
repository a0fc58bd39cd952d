"""The data files of the quantity, metric and action extractors load and have the right shape."""

import re
from decimal import Decimal

import pytest

from kg.data import data_lines, data_table
from kg.records import Status

TABLES = {
    "qualifiers.tsv": (3, lambda row: row[1] in {"before", "after_number", "after_unit"}),
    "non_metrics.tsv": (2, lambda row: re.compile(row[0]) is not None),
    "directions.tsv": (2, lambda row: row[1] in {"increase", "decrease"}),
    "target_cues.tsv": (2, lambda row: row[1] in {"sentence", "clause"}),
    "unit_exceptions.tsv": (2, lambda row: re.compile(f"(?!{row[1]})") is not None),
    "units.tsv": (4, lambda row: Decimal(row[2]) > 0),
    "magnitudes.tsv": (2, lambda row: Decimal(row[1]) >= 100),
    "action_verbs.tsv": (2, lambda row: Status(row[1]) is not None),
}
WORD_LISTS = [
    "per_units.txt",
    "metric_bases.txt",
    "measure_trims.txt",
    "count_stops.txt",
    "modal_words.txt",
    "non_status_verbs.txt",
    "partial_stages.txt",
]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_rows_are_well_formed(name: str) -> None:
    width, check = TABLES[name]
    rows = data_table(name)
    assert rows
    for row in rows:
        assert len(row) == width, row
        assert check(row), row


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_keys_are_unique(name: str) -> None:
    rows = data_table(name)
    keys = [row[:2] if name == "qualifiers.tsv" else row[0] for row in rows]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_have_no_duplicates(name: str) -> None:
    lines = data_lines(name)
    assert lines and len(lines) == len(set(lines))


def test_unit_exceptions_name_known_units() -> None:
    units = {row[0] for row in data_table("units.tsv")}
    assert {row[0] for row in data_table("unit_exceptions.tsv")} <= units


def test_magnitudes_are_their_characters_multiplied() -> None:
    single = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
    for magnitude, factor in data_table("magnitudes.tsv"):
        product = 1
        for char in magnitude:
            product *= single[char]
        assert Decimal(factor) == product, magnitude


def test_stage_verbs_and_no_stage_verbs_do_not_overlap() -> None:
    verbs = {row[0] for row in data_table("action_verbs.tsv")}
    assert not verbs & set(data_lines("non_status_verbs.txt"))
