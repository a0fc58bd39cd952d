"""From overlapping candidates to the names of a sentence, each with its type.

The longest candidate wins an overlap (a list item over the names inside it, 望龙路浏阳河大桥
over 浏阳河); on equal length, the more specific rule. Roads, bridges and parks (kind
``infra``) are Projects where their clause builds or upgrades them and Places where it only
locates something. A city followed by one of its counties is one place (惠州博罗).
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon
from kg.nlp.tokens import Candidate

_RANK = {"list": 0, "quoted": 1, "head": 2, "brand": 3, "gazetteer": 4}
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
# Words after a road that say it only locates something (五一大道沿线).
_LOCATING = re.compile(r"沿线|周边|两侧|一带|沿岸|附近")


def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, the longest (then the best-ranked source) first."""
    taken: list[Candidate] = []
    occupied: set[int] = set()
    for candidate in sorted(
        candidates, key=lambda c: (-(c.end - c.start), _RANK[c.source], c.start)
    ):
        span = range(candidate.start, candidate.end)
        if any(i in occupied for i in span):
            continue
        taken.append(candidate)
        occupied.update(span)
    return sorted(taken, key=lambda c: c.start)


def merge_places(chosen: list[Candidate], text: str, lexicon: Lexicon) -> list[Candidate]:
    """A city directly followed by one of its counties is written as one place (云浮罗定)."""
    merged: list[Candidate] = []
    for candidate in chosen:
        if (
            merged
            and merged[-1].end == candidate.start
            and merged[-1].type == candidate.type == "Place"
            and lexicon.places.get(text[merged[-1].start : merged[-1].end]) == "city"
            and lexicon.places.get(text[candidate.start : candidate.end]) == "county"
        ):
            previous = merged.pop()
            candidate = Candidate(previous.start, candidate.end, "Place", "fixed", "gazetteer")
        merged.append(candidate)
    return merged


def decide_type(candidate: Candidate, text: str, lexicon: Lexicon) -> tuple[str, tuple[str, ...]]:
    """The type of a name and the other types a careful reader could defend."""
    if candidate.kind != "infra":
        return candidate.type, ()
    if _LOCATING.match(text, candidate.end):
        return "Place", ()
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, candidate.start)), default=0)
    end_match = _CLAUSE_END.search(text, candidate.end)
    end = end_match.start() if end_match else len(text)
    if lexicon.build_cue_pattern.search(text, start, end):
        return "Project", ("Place",)
    return "Place", ()
