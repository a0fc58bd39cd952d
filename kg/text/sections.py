"""Headings and the sections they open: review (工作回顾), plan (工作安排), outlook, other."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.data import data_table
from kg.records import SectionKind

# A heading is a short line without a sentence inside it. 一、 and （一） numbered lines
# count when short; a bare title line ("2024年工作计划") counts when it has no punctuation.
_NUMBERED = re.compile(
    r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+部分)"
)
_SENTENCE_PUNCT = re.compile(r"[。，；：！？!?,;]")
# A short line ending in a particle is the first half of a sentence broken across lines
# (“十五五”时期经济社会发展的 / 主要目标 / 是：…), not a heading.
_BROKEN_LINE_END = re.compile(r"[的和与及是在、对为把将]$")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
MAX_HEADING_LENGTH = 40


@dataclass(frozen=True, slots=True)
class Heading:
    start: int
    end: int
    title: str
    kind: SectionKind | None  # None: a heading that does not say what kind of section it opens
    year: int | None
    top_level: bool
    numbered: bool = True


@cache
def _kind_rules() -> tuple[tuple[SectionKind, re.Pattern[str]], ...]:
    return tuple(
        (SectionKind(kind), re.compile(pattern))
        for kind, pattern in data_table("section_headings.tsv")
    )


def classify_heading(title: str) -> SectionKind | None:
    """The kind of section a top-level heading opens, or None when it does not say."""
    for kind, pattern in _kind_rules():
        if pattern.search(title):
            return kind
    return None


def parse_heading(line: str, start: int) -> Heading | None:
    """Read a line as a heading, or return None when it is body text."""
    title = line.strip()
    if not title or len(title) > MAX_HEADING_LENGTH:
        return None
    numbered = _NUMBERED.match(title)
    body = title.rstrip("。")
    if not numbered and _SENTENCE_PUNCT.search(body):
        return None
    if numbered and "。" in body:
        return None
    top_level = not numbered or not title.startswith("（")
    kind = classify_heading(title) if top_level else None
    if not numbered and (kind is None or _BROKEN_LINE_END.search(title)):
        return None  # an unnumbered short line is a heading only when it names a section kind
    year_match = _YEAR.search(title)
    offset = line.index(title)
    return Heading(
        start=start + offset,
        end=start + offset + len(title),
        title=title,
        kind=kind,
        year=int(year_match.group(1)) if year_match else None,
        top_level=top_level,
        numbered=numbered is not None,
    )
