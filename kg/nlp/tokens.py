"""A sentence's text with jieba's token boundaries, and the candidate names found in it."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

# What a name is written with: Chinese, Latin letters, digits (全角 already turned half-width).
NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible name: character offsets, type, and where it came from.

    ``kind`` is how its type is decided (``fixed``, or ``infra``: by the clause); ``source``
    is the rule that found it (gazetteer, head, brand, quoted, list), which ranks overlaps.
    """

    start: int
    end: int
    type: str
    kind: str = "fixed"
    source: str = "head"
    phased: bool = False
    # What the source saw around the name (the class noun closing its list…), for the selector.
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tokens:  # not slotted: ``words`` is cached on the instance
    """Token boundaries of a sentence (start offsets, sorted) with lookups by character."""

    text: str
    starts: list[int]
    bounds: frozenset[int]
    known_words: list[str] | None = None  # the tokenizer's words, when it kept them

    @classmethod
    def from_starts(cls, text: str, starts: list[int], words: list[str] | None = None) -> Tokens:
        return cls(text, starts, frozenset([*starts, len(text)]), words)

    @cached_property
    def words(self) -> list[str]:
        if self.known_words is not None:
            return self.known_words
        ends = [*self.starts[1:], len(self.text)]
        return [self.text[start:end] for start, end in zip(self.starts, ends, strict=True)]

    def __len__(self) -> int:
        return len(self.starts)

    def index_at(self, char: int) -> int:
        """The index of the token that contains the character offset."""
        return bisect_right(self.starts, char) - 1

    def start_of(self, index: int) -> int:
        return self.starts[index]

    def end_of(self, index: int) -> int:
        return self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)

    def word(self, index: int) -> str:
        return self.words[index]

    def words_between(self, start: int, end: int) -> list[str]:
        """The tokens between two offsets, the first and last cut at the offsets."""
        if start >= end:
            return []
        first, last = self.index_at(start), self.index_at(end - 1)
        return [
            self.text[max(start, self.start_of(i)) : min(end, self.end_of(i))]
            for i in range(first, last + 1)
        ]
