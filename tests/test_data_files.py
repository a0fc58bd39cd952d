"""Every data file loads, and its rows have the shape their loader expects."""

import re

import pytest

from kg.data import data_lines, data_table
from kg.records import EntityType, SectionKind, Status

TABLES = {
    "entity_heads.tsv": (2, lambda row: EntityType(row[1])),
    "action_verbs.tsv": (2, lambda row: Status(row[1])),
    "units.tsv": (4, lambda row: float(row[2])),
    "magnitudes.tsv": (2, lambda row: int(row[1])),
    "section_headings.tsv": (2, lambda row: (SectionKind(row[0]), re.compile(row[1]))),
    "plan_cues.tsv": (2, lambda row: (SectionKind(row[0]), re.compile(row[1]))),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_rows_are_well_formed(name: str) -> None:
    width, check = TABLES[name]
    rows = data_table(name)
    assert rows
    for row in rows:
        assert len(row) == width, row
        check(row)


@pytest.mark.parametrize(
    "name", ["boundary_words.txt", "places.txt", "modal_words.txt", "userdict.txt"]
)
def test_word_lists_have_no_duplicates(name: str) -> None:
    lines = data_lines(name)
    assert lines and len(lines) == len(set(lines))


def test_junk_patterns_compile() -> None:
    for line in data_lines("junk_lines.txt"):
        re.compile(line)
