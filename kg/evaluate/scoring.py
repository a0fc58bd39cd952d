"""Set-based scores with one-to-one matching, as the gold guidelines define them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

S = TypeVar("S")
G = TypeVar("G")

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """The scorer ignores white space (text broken across lines in PDF copies)."""
    return _SPACE.sub("", text)


@dataclass
class Score:
    """True positives, false positives and false negatives, with the items behind the errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.false_positives.extend(other.false_positives)
        self.misses.extend(other.misses)


def match_one_to_one(
    system: Sequence[S], gold: Sequence[G], matches: Callable[[S, G], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching (system index -> gold index) by augmenting paths."""
    edges = [[j for j, g in enumerate(gold) if matches(s, g)] for s in system]
    gold_owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_owner or augment(gold_owner[j], seen):
                gold_owner[j] = i
                return True
        return False

    for i in range(len(system)):
        augment(i, set())
    return {i: j for j, i in gold_owner.items()}


def score_sets(
    system: Sequence[S],
    gold: Sequence[G],
    matches: Callable[[S, G], bool],
    describe_system: Callable[[S], str],
    describe_gold: Callable[[G], str],
) -> tuple[Score, dict[int, int]]:
    """Score two sets under a one-to-one matching and keep descriptions of the errors."""
    matching = match_one_to_one(system, gold, matches)
    matched_gold = set(matching.values())
    score = Score(
        tp=len(matching),
        fp=len(system) - len(matching),
        fn=len(gold) - len(matched_gold),
        false_positives=[describe_system(s) for i, s in enumerate(system) if i not in matching],
        misses=[describe_gold(g) for j, g in enumerate(gold) if j not in matched_gold],
    )
    return score, matching
