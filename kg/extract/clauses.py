"""Cut sentences into clauses: the unit in which a verb, its objects and its numbers meet."""

from __future__ import annotations

import re
from collections.abc import Iterator

_CLAUSE = re.compile(r"[^，；：,;:。！？!?]+")


def clause_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of a sentence, split at commas, semicolons and colons."""
    for match in _CLAUSE.finditer(text):
        yield match.start(), match.end()
