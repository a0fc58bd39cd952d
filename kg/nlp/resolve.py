"""What the name rules alone would choose, and what a clause says of a road, bridge or park.

Roads, bridges and parks (kind ``infra``) are Projects where their clause builds or upgrades
them and Places where it only locates something.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon
from kg.nlp.tokens import Candidate

_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
# Words after a road that say it only locates something (五一大道沿线).
_LOCATING = re.compile(r"沿线|周边|两侧|一带|沿岸|附近")


# The name rules, their order on an overlap of equal length.
_RANK = {"list": 0, "quoted": 1, "head": 2, "brand": 3, "gazetteer": 4}
RULES = "rules"


def rule_choice(candidates: list[Candidate], text: str, lexicon: Lexicon) -> list[Candidate]:
    """What the name rules alone would take: the longest of overlapping rule candidates (then
    the best-ranked rule), a road, bridge or park typed by its clause. The selector reads their
    choice as one more source (``rules``)."""
    taken: list[Candidate] = []
    occupied: set[int] = set()
    ruled = [c for c in candidates if c.source in _RANK]
    for candidate in sorted(ruled, key=lambda c: (-(c.end - c.start), _RANK[c.source], c.start)):
        span = range(candidate.start, candidate.end)
        if any(i in occupied for i in span):
            continue
        occupied.update(span)
        type_ = candidate.type
        if candidate.kind == "infra":
            built = clause_builds(text, candidate.start, candidate.end, lexicon)
            type_ = "Project" if built and not locating_follows(text, candidate.end) else "Place"
        taken.append(Candidate(candidate.start, candidate.end, type_, "fixed", RULES))
    return _joined_places(sorted(taken, key=lambda c: c.start), text, lexicon)


def _joined_places(taken: list[Candidate], text: str, lexicon: Lexicon) -> list[Candidate]:
    """A city directly followed by one of its counties is written as one place (云浮罗定)."""
    joined: list[Candidate] = []
    for name in taken:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.end == name.start
            and previous.type == name.type == "Place"
            and lexicon.places.get(text[previous.start : previous.end]) == "city"
            and lexicon.places.get(text[name.start : name.end]) == "county"
        ):
            name = Candidate(joined.pop().start, name.end, "Place", "fixed", RULES)
        joined.append(name)
    return joined


def locating_follows(text: str, end: int) -> bool:
    """五一大道沿线: the words after the name say it only locates something."""
    return _LOCATING.match(text, end) is not None


def clause_builds(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the clause around ``text[start:end]`` builds or upgrades something."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    end_match = _CLAUSE_END.search(text, end)
    clause_end = end_match.start() if end_match else len(text)
    return lexicon.build_cue_pattern.search(text, clause_start, clause_end) is not None
