"""Candidate source: the report's own region in every form it is written (大邑县, 大邑).

A county's short form is often an everyday word that the gazetteer leaves out (和平 of 和平区,
安居 of 安居区); in the report of that county it is the county. A region given with its parents
(遂宁市安居区) is written with and without them.
"""

from __future__ import annotations

from kg.nlp.tokens import Candidate
from kg.places.divisions import division_forms, division_full_names, last_division, own_short_form

SOURCE = "region"


def region_forms(region: str | None) -> frozenset[str]:
    """The names a region is written with: its full name and its short forms."""
    if not region:
        return frozenset()
    division = last_division(region) or region
    full = division_full_names().get(division, division)
    forms = {region, division, *division_forms().get(full, {full})}
    short = own_short_form(full)
    if short is not None:
        forms.add(short)
    return frozenset(forms)


def region_names(text: str, forms: frozenset[str]) -> list[Candidate]:
    found = []
    for form in forms:
        start = text.find(form)
        while start >= 0:
            found.append(Candidate(start, start + len(form), "Place", "fixed", SOURCE))
            start = text.find(form, start + 1)
    return found
