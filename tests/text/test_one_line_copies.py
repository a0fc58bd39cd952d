"""A copy with no line breaks (上海's reports as a database exports them) is cut at the white
space of its indents, so that its headings and sections are found."""

import pytest

from kg.records import SectionKind
from kg.text.reading import Source
from kg.text.segment import LONG_LINE, segment_report

FILLER = "全市经济运行总体平稳，各项工作取得新进展。"


@pytest.mark.parametrize("indent", ["\u3000\u3000", "  \u2003\u2003", "  ", " "])
def test_a_report_on_one_line_has_its_sections(indent: str) -> None:
    review = FILLER * (LONG_LINE // len(FILLER) // 2)
    parts = [
        "2016年上海市政府工作报告",
        "一、2015年工作回顾",
        f"过去一年，全市生产总值增长6.9%。{review}",
        "二、2016年主要任务",
        f"今年全市生产总值增长6.5%左右。{review}",
    ]
    text = indent.join(parts)
    assert "\n" not in text and len(text) >= LONG_LINE
    report = segment_report(Source("2016-上海市.txt", text, "0" * 64, "utf-8"))
    kinds = [section.kind for section in report.sections if section.title]
    assert kinds == [SectionKind.REVIEW, SectionKind.PLAN]
    assert (report.review_year, report.plan_year) == (2015, 2016)
    for sentence in report.sentences:  # offsets still slice the source
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_short_line_is_left_whole() -> None:
    text = "2016年上海市政府工作报告\n一、2015年工作回顾\n全市生产总值增长6.9%。  如何。\n"
    report = segment_report(Source("x.txt", text, "0" * 64, "utf-8"))
    assert text[report.paragraphs[-1].start : report.paragraphs[-1].end] == text.splitlines()[2]
