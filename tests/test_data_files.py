"""Every data file loads, and its rows have the shape their loader expects."""

import re

import pytest

from kg.data import data_lines, data_table
from kg.records import EntityType, SectionKind, Status

HEAD_KINDS = ["fixed", "infra", "open", "weak"]
PLACE_LEVELS = ["province", "city", "county"]

TABLES = {
    "entity_heads.tsv": (3, lambda row: (EntityType(row[1]), HEAD_KINDS.index(row[2]))),
    "list_classes.tsv": (3, lambda row: (EntityType(row[1]), HEAD_KINDS.index(row[2]))),
    "places_china.tsv": (3, lambda row: PLACE_LEVELS.index(row[2])),
    "division_words.tsv": (2, lambda row: ["region", "never", "own"].index(row[1])),
    "countries.tsv": (2, lambda row: re.compile("^[A-Z]{2}$").match(row[1]).group()),
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
    "name",
    ["entity_heads.tsv", "list_classes.tsv", "action_verbs.tsv", "units.tsv", "magnitudes.tsv"],
)
def test_tables_give_each_key_once(name: str) -> None:
    keys = [row[0] for row in data_table(name)]
    assert len(keys) == len(set(keys)), sorted({key for key in keys if keys.count(key) > 1})


@pytest.mark.parametrize(
    "name",
    [
        "boundary_words.txt",
        "places.txt",
        "modal_words.txt",
        "userdict.txt",
        "name_verbs.txt",
        "generic_words.txt",
        "industry_words.txt",
        "field_words.txt",
        "organizations.txt",
        "build_cues.txt",
        "name_suffixes.txt",
    ],
)
def test_word_lists_have_no_duplicates(name: str) -> None:
    lines = data_lines(name)
    assert lines and len(lines) == len(set(lines))


@pytest.mark.parametrize("name", ["junk_lines.txt", "name_suffixes.txt"])
def test_patterns_compile(name: str) -> None:
    for line in data_lines(name):
        re.compile(line)


def test_every_data_file_names_its_purpose_in_a_header() -> None:
    from importlib import resources

    for path in resources.files("kg.data").iterdir():
        if path.name.endswith((".txt", ".tsv")):
            assert path.read_text(encoding="utf-8").startswith("#"), path.name
