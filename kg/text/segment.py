"""Split a decoded report into sections, paragraphs and sentences, keeping offsets.

Sections follow the report's top-level headings (一、2025年工作回顾 …). A numbered heading that
does not say what it opens (福建: 一、一年接着一年干…) takes its kind from the words under it;
inside the plan it continues the plan. Text before the first heading is the review when a page
was cut from a report (the excerpts have no headings at all: their words decide). A review
section that goes on to the new five-year plan (二、“十四五”时期发展成就和“十五五”时期主要目标任务)
is split where the paragraphs on the new plan begin.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import PurePath

from kg.data import data_table
from kg.records import Paragraph, Report, Section, SectionKind, Sentence
from kg.text.cleaning import is_junk_line
from kg.text.limits import split_overlong
from kg.text.metadata import GivenMetadata, find_region, find_title, find_years
from kg.text.reading import Source
from kg.text.reflow import continues, find_watermark, watermark_spans, wrap_width
from kg.text.sections import Heading, parse_heading
from kg.text.view import is_traditional

_LINE = re.compile(r"[^\r\n]+")
# A copy with no line breaks at all (a database's export of 上海's reports: 20,000 characters on
# one line) still marks each paragraph with the white space of its indent (　　, two spaces, or
# one space between Chinese characters, where Chinese writes none): a line that long is cut
# there, so that headings stand on lines of their own and sections can be found.
_INDENT = re.compile(r"\s{2,}|(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])|(?<=[。！？：])\s+")
LONG_LINE = 3000
# A sentence ends at 。！？ (or ASCII !?) and takes the closing quotes and brackets after it.
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’\"」』）)】]*|$)")
_SENTENCE_END = ("。", "！", "？", "!", "?")
MIN_PREAMBLE_BODY = 200  # characters of sentences before the first heading that make it body
# Words that change the kind of a numbered section away from the one before it must outnumber
# that kind's words this many times over (a plan's list item stays in the plan).
SWITCH_MARGIN = 2
_CHINESE_DIGITS = "一二三四五六七八九"


@dataclass
class _Block:
    """A section in the making: its heading, its kind once known, and its lines."""

    heading: Heading | None
    kind: SectionKind | None
    start: int
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    @property
    def year(self) -> int | None:
        return self.heading.year if self.heading else None


def segment_report(source: Source, given: GivenMetadata | None = None) -> Report:
    """Cut a source into sections, paragraphs and sentences with offsets into its text.

    ``given`` region and plan year (``kg build --region --year``) come before what the text
    says of itself.
    """
    given = given or GivenMetadata()
    text = source.text
    lines = [(start, line) for start, line in _source_lines(text) if line.strip()]
    content = [(start, line) for start, line in lines if not is_junk_line(line)]
    watermark = find_watermark(content)
    width = wrap_width(content, watermark)
    # What the extractors skip inside a paragraph: clutter lines (a page number between two
    # halves of a sentence) and the watermark.
    junk = [(start, start + len(line)) for start, line in lines if is_junk_line(line)]
    skipped = sorted([*junk, *watermark_spans(content, watermark)])

    blocks = [_Block(None, SectionKind.PREAMBLE, 0)]
    for start, line in content:
        heading = parse_heading(line, start)
        if heading is not None and heading.top_level:
            blocks.append(_Block(heading, heading.kind, heading.start))
        blocks[-1].lines.append((start, line))

    first_heading = next(
        (i for i, (start, _) in enumerate(content) if len(blocks) > 1 and start >= blocks[1].start),
        None,
    )
    title = find_title([line for _, line in content], first_heading)
    title = title or PurePath(source.name).stem
    provisional = given.plan_year or _provisional_plan_year(blocks, title, source.name)
    _resolve_kinds(blocks, text, provisional)
    blocks = _split_at_new_plan(blocks, provisional)

    sections, paragraphs, sentences = _records(text, blocks, width, watermark)
    body = "\n".join(line for _, line in content)  # what the years and region fall back on
    review_year, plan_year = find_years(sections, title, source.name, body)
    if given.plan_year is not None:
        review_year, plan_year = given.plan_year - 1, given.plan_year
    opening = [
        line
        for start, line in content
        if start < (blocks[1].start if len(blocks) > 1 else len(text))
    ]
    region = given.region or find_region(
        title, opening or [line for _, line in content], source.name, body
    )
    return Report(
        source_name=source.name,
        text=text,
        checksum=source.checksum,
        title=title,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        region=region,
        review_year=review_year,
        plan_year=plan_year,
        skipped=tuple(skipped),
        traditional=is_traditional(text),
    )


def _provisional_plan_year(blocks: list[_Block], title: str, source_name: str) -> int | None:
    """The plan year from the headings that say their kind, before the others are resolved."""
    sections = [
        Section(i, b.kind, b.title, b.start, b.start, b.year)
        for i, b in enumerate(blocks)
        if b.kind is not None
    ]
    return find_years(sections, title, source_name)[1]


def new_five_year_plan(plan_year: int | None) -> str | None:
    """The name of the five-year plan that begins with ``plan_year`` (2026: 十五五), if one does.

    Five-year plans run 1981-1985 (六五), 1986-1990 (七五) … 2021-2025 (十四五), 2026-2030 (十五五).
    """
    if plan_year is None or (plan_year - 1981) % 5:
        return None
    number = (plan_year - 1981) // 5 + 6
    if not 11 <= number <= 19:
        return None
    return "十" + _CHINESE_DIGITS[number - 11] + "五"


@cache
def _cue_patterns() -> tuple[tuple[SectionKind, re.Pattern[str]], ...]:
    return tuple(
        (SectionKind(kind), re.compile(pattern)) for kind, pattern in data_table("plan_cues.tsv")
    )


def _cue_scores(body: str, plan_year: int | None) -> dict[SectionKind, int]:
    scores = dict.fromkeys((SectionKind.REVIEW, SectionKind.PLAN, SectionKind.OUTLOOK), 0)
    for kind, pattern in _cue_patterns():
        scores[kind] += len(pattern.findall(body))
    name = new_five_year_plan(plan_year)
    if name:
        scores[SectionKind.OUTLOOK] += body.count(name)
    return scores


def _body(block: _Block) -> str:
    return "".join(
        line for start, line in block.lines if block.heading is None or start > block.start
    )


def _resolve_kinds(blocks: list[_Block], text: str, plan_year: int | None) -> None:
    """Give every numbered heading that names no kind the kind its words speak of, and the
    text before the first heading a kind when it is report body."""
    for index, block in enumerate(blocks[1:], start=1):
        if block.kind is not None:
            continue
        previous = blocks[index - 1].kind or SectionKind.PREAMBLE
        if previous in (SectionKind.PLAN, SectionKind.OTHER):
            block.kind = previous  # the items of the plan
            continue
        body = _body(block)
        scores = _cue_scores(body, plan_year)
        # Words of intention (推动, 加快建设) speak of the future, the coming year or the next
        # five: the plan's name against 今年 tells which.
        future = scores[SectionKind.PLAN] + scores[SectionKind.OUTLOOK]
        future_kind = (
            SectionKind.OUTLOOK
            if scores[SectionKind.OUTLOOK] > body.count("今年")
            else SectionKind.PLAN
        )
        best = future_kind if future > scores[SectionKind.REVIEW] else SectionKind.REVIEW
        best_score = max(future, scores[SectionKind.REVIEW])
        if previous is SectionKind.PREAMBLE:
            block.kind = best
        elif best is previous or best_score <= SWITCH_MARGIN * scores.get(previous, 0):
            block.kind = previous
        else:
            block.kind = best

    preamble = blocks[0]
    body_lines = [line for _, line in preamble.lines if line.strip().endswith(_SENTENCE_END)]
    if sum(len(line) for line in body_lines) < MIN_PREAMBLE_BODY:
        return
    if len(blocks) > 1:
        # A page cut from a report: what comes before the review or the plan is the review.
        if blocks[1].kind in (SectionKind.REVIEW, SectionKind.PLAN):
            preamble.kind = SectionKind.REVIEW
        return
    scores = _cue_scores("".join(body_lines), None)
    preamble.kind = (
        SectionKind.PLAN
        if scores[SectionKind.PLAN] > scores[SectionKind.REVIEW]
        else SectionKind.REVIEW
    )


def _split_at_new_plan(blocks: list[_Block], plan_year: int | None) -> list[_Block]:
    """Split a review section where its paragraphs turn to the five-year plan that begins."""
    name = new_five_year_plan(plan_year)
    if name is None:
        return blocks
    opener = re.compile(rf"^(?:“{name}”|{name})时期|^根据《[^》]*?(?:{name}|第{name[:2]}个五年)")
    result: list[_Block] = []
    for block in blocks:
        result.append(block)
        if block.kind is not SectionKind.REVIEW or block.heading is None:
            continue
        for position, (start, line) in enumerate(block.lines):
            if position and opener.search(line.strip()):
                outlook = _Block(None, SectionKind.OUTLOOK, start, block.lines[position:])
                block.lines = block.lines[:position]
                result.append(outlook)
                break
    return result


def _records(
    text: str, blocks: list[_Block], width: int | None, watermark: str | None
) -> tuple[list[Section], list[Paragraph], list[Sentence]]:
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        end = blocks[index + 1].start if index + 1 < len(blocks) else len(text)
        kind = block.kind or SectionKind.PREAMBLE
        sections.append(Section(index, kind, block.title, block.start, end, block.year))
        for group in _line_groups(block.lines, width, watermark):
            paragraph = _paragraph(len(paragraphs), index, group)
            paragraphs.append(paragraph)
            for sentence_start, sentence_end in _sentence_spans(
                text, paragraph.start, paragraph.end
            ):
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        paragraph_index=paragraph.index,
                        section_index=index,
                        start=sentence_start,
                        end=sentence_end,
                        text=text[sentence_start:sentence_end],
                    )
                )
    return sections, paragraphs, sentences


def _source_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its offset; a line of ``LONG_LINE`` characters or more cut at its
    indents."""
    for match in _LINE.finditer(text):
        line, offset = match.group(), match.start()
        if len(line) < LONG_LINE:
            yield offset, line
            continue
        position = 0
        for indent in _INDENT.finditer(line):
            if indent.start() > position:
                yield offset + position, line[position : indent.start()]
            position = indent.end()
        if position < len(line):
            yield offset + position, line[position:]


def _line_groups(
    lines: list[tuple[int, str]], width: int | None, watermark: str | None
) -> Iterator[list[tuple[int, str]]]:
    """The lines of each paragraph: one line, or in a wrapped copy the lines that go on."""
    group: list[tuple[int, str]] = []
    for position, (start, line) in enumerate(lines):
        group.append((start, line))
        following = lines[position + 1] if position + 1 < len(lines) else None
        if (
            following is not None
            and continues(line, width, watermark)
            and parse_heading(line, start) is None
            and parse_heading(following[1], following[0]) is None
        ):
            continue
        yield group
        group = []


def _paragraph(index: int, section_index: int, lines: list[tuple[int, str]]) -> Paragraph:
    first_start, first = lines[0]
    last_start, last = lines[-1]
    start = first_start + first.index(first.strip())
    end = last_start + last.index(last.strip()) + len(last.strip())
    return Paragraph(index, section_index, start, end)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _SENTENCE.finditer(text, start, end):
        piece = match.group()
        stripped = piece.strip()
        if not stripped:
            continue
        offset = match.start() + (len(piece) - len(piece.lstrip()))
        yield from split_overlong(text, offset, offset + len(stripped))
