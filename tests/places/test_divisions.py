"""The division table: codes, names, parents and points, from kg/data/divisions.tsv."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.data import data_table
from kg.places import division_table
from kg.places.divisions import town_counties

# written name, the codes it may be
LOOKUPS = [
    ("朝阳区", {"110105", "220104"}),  # Beijing's and Changchun's
    ("朝阳市", {"211300"}),  # a full name is that division alone
    ("长春市", {"220100"}),
    ("长春", {"220100"}),
    ("广东", {"440000"}),
    ("广东省", {"440000"}),
    ("十堰市张湾区", {"420303"}),  # a district written after its city
    ("云浮罗定", {"445381"}),
    ("湘西州", {"433100"}),  # a short form places_china.tsv gives
    ("和平", set()),  # a short form that is an everyday word: never
    ("县", set()),
    ("", set()),
    ("青溪区", set()),
]


@pytest.mark.parametrize(("name", "codes"), LOOKUPS)
def test_a_name_gives_the_divisions_it_may_be(name: str, codes: set[str]) -> None:
    assert set(division_table().lookup(name).codes) == codes


def test_a_short_name_prefers_what_it_means_alone() -> None:
    found = division_table().lookup("朝阳")
    assert {"211300", "110105", "220104"} <= set(found.codes)
    assert found.preferred == {"211300"}


@pytest.mark.parametrize(
    ("code", "chain"),
    [
        ("220104", ["220104", "220100", "220000"]),  # county -> city -> province
        ("110105", ["110105", "110000"]),  # a municipality's district is in the municipality
        ("429004", ["429004", "420000"]),  # 仙桃市, directly under Hubei
        ("441900", ["441900", "440000"]),  # 东莞市, a city without counties
        ("440000", ["440000"]),
    ],
)
def test_each_division_is_in_its_parent(code: str, chain: list[str]) -> None:
    assert [d.code for d in division_table().chain(code)] == chain


def test_every_row_is_well_formed_and_its_parent_exists() -> None:
    table = division_table()
    assert len(table.by_code) > 3000
    for division in table.by_code.values():
        assert re.fullmatch(r"[0-9]{6}", division.code)
        assert division.level in ("province", "city", "county")
        assert (division.parent is None) == (division.level == "province")
        if division.parent is not None:
            parent = table.by_code[division.parent]
            assert parent.level in ("province", "city")
            assert division.code[:2] == parent.code[:2]
        if division.latitude is not None:
            assert division.longitude is not None
            assert Decimal(3) < division.latitude < Decimal(54)
            assert Decimal(73) < division.longitude < Decimal(136)


def test_most_divisions_have_a_point() -> None:
    table = division_table()
    located = sum(d.latitude is not None for d in table.by_code.values())
    assert located / len(table.by_code) > 0.95
    beijing = table.by_code["110000"]
    assert (round(beijing.latitude or 0), round(beijing.longitude or 0)) == (40, 116)


def test_no_development_zone_has_a_statistical_code() -> None:
    # GB/T 2260 has no xx7x county codes: those are the statistics bureau's zones.
    assert not [c for c in division_table().by_code if c[4] == "7" and c[2:4] != "00"]


def test_every_town_has_a_county_or_a_city_of_the_table() -> None:
    table = division_table()
    for town, counties in town_counties().items():
        for code in counties:
            assert code in table.by_code or code[:4] + "00" in table.by_code, (town, code)


def test_the_word_rules_are_known() -> None:
    assert {rule for _word, rule in data_table("division_words.tsv")} == {"region", "never", "own"}
