import pytest

from kg.records import SectionKind
from kg.text.sections import parse_heading

R, P, OUT, OTHER = SectionKind.REVIEW, SectionKind.PLAN, SectionKind.OUTLOOK, SectionKind.OTHER

HEADINGS = [
    # line, kind, year
    ("一、2023年工作回顾", R, 2023),
    ("一、“十四五”时期和2025年工作回顾", R, 2025),
    ("一、2025年工作总结和“十四五”发展成就", R, 2025),
    ("2024年工作计划", P, 2024),
    ("三、2026年重点工作", P, 2026),
    ("三、2026年的重点工作", P, 2026),
    ("三、关于2026年工作", P, 2026),  # 湖南
    ("二、“十五五”时期目标任务和2026年工作安排", P, 2026),
    ("三、一鼓作气勇争先，全力推动“十五五”开好局、起好步", P, None),  # 福建
    ("二、“十五五”时期主要目标任务", OUT, None),
    ("二、2024年经济社会发展总体要求和政策取向", OUT, 2024),
    ("二、关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明", OUT, None),
    ("四、全面加强政府自身建设", OTHER, None),
    ("四、一以贯之转作风，努力建设人民满意的服务型政府", OTHER, None),
    ("一、一年接着一年干，新福建建设持续取得新进展新成效", None, None),  # the words decide
    ("一年来的主要工作和成效是:", R, None),  # 主要工作 of the year gone by
]


@pytest.mark.parametrize(("line", "kind", "year"), HEADINGS)
def test_headings(line: str, kind: SectionKind | None, year: int | None) -> None:
    heading = parse_heading(line, 0)
    assert heading is not None
    assert (heading.kind, heading.year) == (kind, year)


@pytest.mark.parametrize(
    "line",
    [
        "“十五五”时期经济社会发展的",  # half of a sentence broken across lines
        "盘活低效用地150亩，去化存量厂房3.6万平方米。",  # a sentence
        "这五年，我们坚定不移走生态优先绿色发展之路。",
        "市场是最稀缺的资源",  # short, but names no kind of section
    ],
)
def test_not_headings(line: str) -> None:
    assert parse_heading(line, 0) is None


def test_sub_headings_are_not_top_level() -> None:
    heading = parse_heading("（一）全力推动经济稳定增长。", 0)
    assert heading is not None and not heading.top_level
