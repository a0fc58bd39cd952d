"""The text the extractors read, and the way back to the characters of the source.

Copies of reports break numbers and names with spaces and line breaks (``46.57 亿\\n元``,
``2021 年``, ``马 俊``), carry forum watermarks and page numbers inside paragraphs, write
traditional characters (秀洲區, 億元) and add pinyin after a character (秀英區(qū)). A view of a
stretch of the source drops all that and folds full-width forms and, in a report written in
traditional characters, the characters themselves (OpenCC's conversion data), keeping for each
of its characters the source offset it came from. Extractors match on ``view.text``; every
offset they report is turned back with :meth:`TextView.source_span`, so records still slice the
original file and labels are written as the report writes them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.records import Report
from kg.text.cleaning import normalize_width

# White space between two Latin letters separates words (Hello World); anywhere else in Chinese
# text it is an artefact of the copy.
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s+")
# Pinyin written after a character in parentheses, with at least one tone mark: 區(qū).
PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*"
    r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[)）]"
)
# A report is read as traditional when this share of its Chinese characters converts.
TRADITIONAL_SHARE = 0.05
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class TextView:
    """Normalized text and, per character, its offset in the source.

    ``origin`` holds one source offset per character of ``text``; ``None`` means the text is
    the source from ``start`` on, one character for one (the usual case, kept cheap).
    """

    text: str
    start: int
    origin: tuple[int, ...] | None = None

    def source_offset(self, index: int) -> int:
        """The source offset of the view character at ``index``."""
        if self.origin is None:
            return self.start + index
        return self.origin[index]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source offsets of the view's ``text[start:end]`` (``end > start``)."""
        if self.origin is None:
            return self.start + start, self.start + end
        return self.origin[start], self.origin[end - 1] + 1

    def view_offset(self, source: int) -> int:
        """The view index of the first character at or after a source offset."""
        if self.origin is None:
            return source - self.start
        return bisect_left(self.origin, source)


@cache
def traditional_table() -> dict[int, int]:
    """Traditional -> simplified, one character for one, from OpenCC's t2s conversion."""
    import opencc

    characters = [chr(code) for code in range(0x3400, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(characters)).split("\n")
    return {
        ord(source): ord(target)
        for source, target in zip(characters, converted, strict=True)
        if source != target and len(target) == 1
    }


def is_traditional(text: str) -> bool:
    """Whether a report is written in traditional characters (a few converting characters in
    a simplified report are names: 乾县, 濛溪河)."""
    chinese = len(_CJK.findall(text))
    if not chinese:
        return False
    table = traditional_table()
    converting = sum(1 for char in text if ord(char) in table)
    return converting >= TRADITIONAL_SHARE * chinese


def make_view(
    source: str,
    start: int,
    end: int,
    *,
    skipped: Sequence[tuple[int, int]] = (),
    traditional: bool = False,
) -> TextView:
    """The view of ``source[start:end]``, leaving out the ``skipped`` spans (sorted)."""
    piece = source[start:end]
    inside = [(max(a, start), min(b, end)) for a, b in skipped if a < end and b > start]
    plain = not inside and _SPACE.search(piece) is None and PINYIN.search(piece) is None
    if plain:
        text = normalize_width(piece)
        return TextView(text.translate(traditional_table()) if traditional else text, start)
    dropped = bytearray(end - start)
    for a, b in inside:
        dropped[a - start : b - start] = b"\x01" * (b - a)
    for match in PINYIN.finditer(piece):
        dropped[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for match in _SPACE.finditer(piece):
        before = _kept_neighbour(piece, dropped, match.start() - 1, -1)
        after = _kept_neighbour(piece, dropped, match.end(), 1)
        if not (_LATIN.match(before) and _LATIN.match(after)):
            dropped[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    kept = [i for i in range(len(piece)) if not dropped[i]]
    text = normalize_width("".join(piece[i] for i in kept))
    if traditional:
        text = text.translate(traditional_table())
    return TextView(text, start, tuple(start + i for i in kept))


def _kept_neighbour(piece: str, dropped: bytearray, index: int, step: int) -> str:
    while 0 <= index < len(piece):
        if not dropped[index]:
            return piece[index]
        index += step
    return ""


def span_view(report: Report, start: int, end: int) -> TextView:
    """The view of a stretch of a report (a paragraph, a sentence)."""
    return make_view(
        report.text, start, end, skipped=report.skipped, traditional=report.traditional
    )
