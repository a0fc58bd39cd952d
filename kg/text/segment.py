"""Split a decoded report into sections, paragraphs and sentences, keeping offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import PurePath

from kg.data import data_table
from kg.records import Paragraph, Report, Section, SectionKind, Sentence
from kg.text.cleaning import is_junk_line
from kg.text.limits import split_overlong
from kg.text.reading import Source
from kg.text.sections import Heading, parse_heading

_LINE = re.compile(r"[^\r\n]+")
# A sentence ends at 。！？ (or ASCII !?) and takes the closing quotes and brackets after it.
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’\"」』）)】]*|$)")
_TITLE = re.compile(r"政府工作报告|工作报告")
_REGION_IN_TITLE = re.compile(
    r"(?:\d{4}年)?(?P<region>[\u4e00-\u9fff]{2,12}?(?:省|市|自治区|特别行政区|自治州|地区|区|县|旗|盟))"
    r"(?:人民)?政府工作报告"
)
_YEAR_IN_TITLE = re.compile(r"((?:19|20)\d{2})年")


def segment_report(source: Source) -> Report:
    """Cut a source into sections, paragraphs and sentences with offsets into its text."""
    text = source.text
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]
    content = [(start, line) for start, line in lines if not is_junk_line(line)]

    headings: dict[int, Heading] = {}
    for start, line in content:
        heading = parse_heading(line, start)
        if heading is not None and heading.top_level:
            headings[start] = heading

    sections: list[Section] = [Section(0, SectionKind.PREAMBLE, "", 0, len(text))]
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    kind = SectionKind.PREAMBLE
    for start, line in content:
        heading = headings.get(start)
        if heading is not None and (heading.kind is not None or kind is not SectionKind.PREAMBLE):
            kind = heading.kind or kind
            _close(sections, heading.start)
            sections.append(
                Section(len(sections), kind, heading.title, heading.start, len(text), heading.year)
            )
        section_index = len(sections) - 1
        paragraph = _paragraph(len(paragraphs), section_index, start, line)
        paragraphs.append(paragraph)
        for sentence_start, sentence_end in _sentence_spans(text, paragraph.start, paragraph.end):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph_index=paragraph.index,
                    section_index=section_index,
                    start=sentence_start,
                    end=sentence_end,
                    text=text[sentence_start:sentence_end],
                )
            )

    title = _find_title(content, sections) or PurePath(source.name).stem
    sections = _resolve_preamble(sections, sentences)
    review_year, plan_year = _years(sections, title)
    return Report(
        source_name=source.name,
        text=text,
        checksum=source.checksum,
        title=title,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        region=_region(title),
        review_year=review_year,
        plan_year=plan_year,
    )


def _close(sections: list[Section], end: int) -> None:
    last = sections[-1]
    sections[-1] = Section(last.index, last.kind, last.title, last.start, end, last.year)


def _paragraph(index: int, section_index: int, start: int, line: str) -> Paragraph:
    stripped = line.strip()
    offset = start + line.index(stripped)
    return Paragraph(index, section_index, offset, offset + len(stripped))


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _SENTENCE.finditer(text, start, end):
        piece = match.group()
        stripped = piece.strip()
        if not stripped:
            continue
        offset = match.start() + (len(piece) - len(piece.lstrip()))
        yield from split_overlong(text, offset, offset + len(stripped))


def _find_title(content: list[tuple[int, str]], sections: list[Section]) -> str | None:
    first_body = sections[1].start if len(sections) > 1 else None
    for start, line in content[:20]:
        if first_body is not None and start >= first_body:
            break
        stripped = line.strip()
        if _TITLE.search(stripped) and len(stripped) <= 60:
            return stripped
    return None


@cache
def _cue_patterns() -> tuple[tuple[SectionKind, re.Pattern[str]], ...]:
    return tuple(
        (SectionKind(kind), re.compile(pattern)) for kind, pattern in data_table("plan_cues.tsv")
    )


def _resolve_preamble(sections: list[Section], sentences: list[Sentence]) -> list[Section]:
    """Give the text before the first heading a kind when it is report body, not a header.

    A page cut from the middle of a report (an excerpt, a page of a collection) starts with
    body text: if the first heading opens the plan, what comes before it is the review; with no
    heading at all, the cue words decide.
    """
    preamble = sections[0]
    body = [s for s in sentences if s.section_index == 0 and s.text.endswith(("。", "！", "？"))]
    if sum(len(s.text) for s in body) < 200:
        return sections
    if len(sections) > 1:
        if sections[1].kind is not SectionKind.PLAN:
            return sections
        kind = SectionKind.REVIEW
    else:
        joined = "".join(s.text for s in body)
        scores = {k: 0 for k in (SectionKind.REVIEW, SectionKind.PLAN)}
        for cue_kind, pattern in _cue_patterns():
            scores[cue_kind] += len(pattern.findall(joined))
        kind = (
            SectionKind.PLAN
            if scores[SectionKind.PLAN] > scores[SectionKind.REVIEW]
            else SectionKind.REVIEW
        )
    return [Section(0, kind, preamble.title, preamble.start, preamble.end, None), *sections[1:]]


def _years(sections: list[Section], title: str) -> tuple[int | None, int | None]:
    review = next((s.year for s in sections if s.kind is SectionKind.REVIEW and s.year), None)
    plan = next((s.year for s in sections if s.kind is SectionKind.PLAN and s.year), None)
    if review is None and plan is None:
        year = _YEAR_IN_TITLE.search(title)
        plan = int(year.group(1)) if year else None
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
    return review, plan


def _region(title: str) -> str | None:
    match = _REGION_IN_TITLE.search(title)
    if match is None:
        return "中华人民共和国" if "全国人民代表大会" in title or "国务院" in title else None
    return match.group("region")
