"""Candidate source: towns, townships and subdistricts of the gazetteer (kg/data/towns.tsv).

A town is named with its ending (台湖镇, 梨园镇, 新成路街道); a village after it is part of one
name (梨园镇西总屯村), which the 村 head finds and the selector joins.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon, longest_ending_at
from kg.nlp.tokens import Candidate

SOURCE = "town"
_ENDING = re.compile(r"镇|乡|街道|苏木")
MAX_TOWN = 10


def town_names(text: str, lexicon: Lexicon) -> list[Candidate]:
    found = []
    for match in _ENDING.finditer(text):
        end = match.end()
        shortest = len(match.group()) + 1  # a name before the ending
        town = longest_ending_at(
            text, end, lexicon.towns.__contains__, longest=MAX_TOWN, shortest=shortest
        )
        if town is not None:
            found.append(Candidate(end - len(town), end, "Place", "fixed", SOURCE))
    return found
