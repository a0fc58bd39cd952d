"""Candidate source: the report's own region in every form it is written (大邑县, 大邑).

A county's short form is often an everyday word that the gazetteer leaves out (和平 of 和平区);
in the report of that county it is the county.
"""

from __future__ import annotations

from functools import cache

from kg.data import data_table
from kg.nlp.tokens import Candidate

SOURCE = "region"


@cache
def _forms_by_full_name() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = {}
    for surface, full, _level in data_table("places_china.tsv"):
        forms.setdefault(full, {full}).add(surface)
    return {full: frozenset(found) for full, found in forms.items()}


def region_forms(region: str | None) -> frozenset[str]:
    """The names a region is written with: its full name and its short forms."""
    if not region:
        return frozenset()
    for forms in _forms_by_full_name().values():
        if region in forms:
            return forms | {region}
    return frozenset({region})


def region_names(text: str, forms: frozenset[str]) -> list[Candidate]:
    found = []
    for form in forms:
        start = text.find(form)
        while start >= 0:
            found.append(Candidate(start, start + len(form), "Place", "fixed", SOURCE))
            start = text.find(form, start + 1)
    return found
