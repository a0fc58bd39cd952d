"""Candidate source: organs of government written with their region.

庐江县人民政府, 遂宁市安居区人民政府, 秀洲区政府, 渝中区人民政府办公室: the words of an organ
after one or more division names. An organ named by its level alone (县人民政府, 市政府) names
no region and is left out, as the guidelines leave it out.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon, longest_ending_at
from kg.nlp.tokens import Candidate

SOURCE = "government"
_ORGAN = re.compile(r"(?:人民)?政府(?:办公室|办公厅)?")
MAX_DIVISION = 12
_LEVELS = ("province", "city", "county")


def government_names(text: str, lexicon: Lexicon) -> list[Candidate]:
    found = []
    for match in _ORGAN.finditer(text):
        start = match.start()
        while (name := _division_before(text, start, lexicon)) is not None:
            start -= len(name)
        if start < match.start():
            found.append(Candidate(start, match.end(), "Organization", "fixed", SOURCE))
    return found


def _division_before(text: str, end: int, lexicon: Lexicon) -> str | None:
    """The longest division name (a town's too) ending at ``end``."""

    def division(word: str) -> bool:
        return lexicon.places.get(word) in _LEVELS or word in lexicon.towns

    return longest_ending_at(text, end, division, longest=MAX_DIVISION)
