"""Candidate source: towns, townships and subdistricts of the gazetteer (kg/data/towns.tsv).

A town is named with its ending (台湖镇, 梨园镇, 新成路街道); a village or community after it is
part of one name (梨园镇西总屯村), proposed too.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon, longest_ending_at
from kg.nlp.tokens import Candidate

SOURCE = "town"
_ENDING = re.compile(r"镇|乡|街道|苏木")
MAX_TOWN = 10
# A village or community written right after its town: one name (台湖镇唐大庄村); jieba cuts
# such names anywhere (台/湖镇), so the town is where the name starts.
_VILLAGE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:村|社区)")
_NOT_A_VILLAGE = ("各", "全", "所有", "农村", "乡村", "撤村", "行政村", "村")


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
            village = _VILLAGE.match(text, end)
            if village is not None and not village.group().startswith(_NOT_A_VILLAGE):
                span = (end - len(town), village.end())
                found.append(Candidate(*span, "Place", "fixed", SOURCE, facts=("village",)))
    return found
