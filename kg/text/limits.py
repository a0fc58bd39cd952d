"""Bounds on what the later stages are given, so that no input makes them slow or fail.

A "sentence" without end punctuation can run for megabytes (a table flattened into one line,
an inline base64 image in a copied web page). spaCy refuses a text over a million characters,
and the extractors look at a sentence once per clause or quantity, so such a sentence is cut
into pieces of at most ``MAX_SENTENCE_LENGTH`` characters. Real sentences stay whole: the longest
in the shared corpus has 639 characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_SENTENCE_LENGTH = 2000
# Where a long sentence is cut when it can be: after a clause mark or at white space.
_BREAK = re.compile(r"[，；：、,;:\s]")


def split_overlong(
    text: str, start: int, end: int, *, limit: int = MAX_SENTENCE_LENGTH
) -> Iterator[tuple[int, int]]:
    """(start, end) of pieces of ``text[start:end]``, none longer than ``limit``.

    Each piece ends after the last clause mark or white space of the second half of its window,
    or at the limit when there is none; pieces carry no white space at either end.
    """
    while end - start > limit:
        low = start + limit // 2
        breaks = [match.end() for match in _BREAK.finditer(text, low, start + limit)]
        cut = breaks[-1] if breaks else start + limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
