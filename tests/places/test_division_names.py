"""The division names of kg/places/divisions.py: keys, chains, short forms and a region's forms."""

from __future__ import annotations

import pytest

from kg.places.divisions import (
    division_forms,
    division_full_names,
    division_keys,
    last_division,
    own_short_form,
    region_full_names,
)

# surface, key
KEYS = [
    ("湖南省", "湖南"),
    ("湖南", "湖南"),
    ("麻阳苗族自治县", "麻阳"),
    ("长沙县", "长沙县"),  # 长沙 is the city
]

# name, the division it ends with
CHAINS = [
    ("上海市黄浦区", "黄浦区"),
    ("十堰市张湾区", "张湾区"),
    ("湖南", "湖南"),
    ("好地方", None),
]

# full name, its own short form
SHORT_FORMS = [
    ("安居区", "安居"),
    ("长沙县", None),  # 长沙 is the city
    ("滨海新区", None),  # 新区 is part of the name
]

# surface, the full names a report's region written so may be
REGION_NAMES = [
    ("湖南", ("湖南省",)),
    ("湖南省", ("湖南省",)),
    ("大关", None),  # a county by its full name only
    ("大关县", ("大关县",)),
]


@pytest.mark.parametrize(("surface", "key"), KEYS)
def test_division_key(surface: str, key: str) -> None:
    assert division_keys()[surface] == key


@pytest.mark.parametrize(("name", "division"), CHAINS)
def test_last_division(name: str, division: str | None) -> None:
    assert last_division(name) == division


@pytest.mark.parametrize(("full", "short"), SHORT_FORMS)
def test_own_short_form(full: str, short: str | None) -> None:
    assert own_short_form(full) == short


@pytest.mark.parametrize(("surface", "fulls"), REGION_NAMES)
def test_region_full_names(surface: str, fulls: tuple[str, ...] | None) -> None:
    assert region_full_names().get(surface) == fulls


def test_every_form_names_its_division() -> None:
    assert division_forms()["湖南省"] == {"湖南省", "湖南"}
    for full, forms in division_forms().items():
        assert full in forms
        assert all(division_full_names()[form] in division_forms() for form in forms)
