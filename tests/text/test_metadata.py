import pytest

from kg.records import Section, SectionKind
from kg.text.metadata import find_region, find_title, find_years

TITLES = [
    # first lines, title found
    (["下载", "2026年福建省政府工作报告", "来源：福建日报"], "2026年福建省政府工作报告"),
    (["政府工作报告。 贵州日报天眼新闻记者 李森 摄", "政府工作报告"], "政府工作报告"),
    (["各位代表：", "现在，我代表国务院，向大会报告政府工作。"], None),
]


@pytest.mark.parametrize(("lines", "title"), TITLES)
def test_find_title(lines: list[str], title: str | None) -> None:
    assert find_title(lines, None) == title


REGIONS = [
    # title, opening lines, file name, region
    ("2026年上海市政府工作报告", [], "x.txt", "上海市"),
    ("陕西省2026年政府工作报告", [], "x.txt", "陕西省"),
    ("2026年四川省人民政府工作报告", [], "x.txt", "四川省"),
    ("2024年青溪区人民政府工作报告", [], "x.txt", "青溪区"),
    (
        "政府工作报告",
        ["——2026年1月26日在广东省第十四届", "人民代表大会第五次会议上"],
        "x.txt",
        "广东省",
    ),
    (
        "2026年政府工作报告",
        ["——2026年1月28日在云南省第十四届人民代表大会第四次会议上"],
        "x.txt",
        "云南省",
    ),
    ("政府工作报告", ["福建省人民政府省长 赵龙"], "x.txt", "福建省"),
    ("政府工作报告", ["现在，我代表海南省人民政府，向大会报告工作"], "x.txt", "海南省"),
    ("政府工作报告", ["现在，我代表省人民政府向大会报告工作", "省长 李炳军"], "x.txt", None),
    ("x", ["现在，我代表国务院，向大会报告政府工作"], "2022-state-council.txt", "中华人民共和国"),
    ("x", [], "2026-上海市.txt", "上海市"),
    ("x", [], "guangdong-2026-excerpt.txt", None),
    ("2024年区政府工作报告", [], "x.txt", None),  # a level, not a name
]


@pytest.mark.parametrize(("title", "opening", "name", "region"), REGIONS)
def test_find_region(title: str, opening: list[str], name: str, region: str | None) -> None:
    assert find_region(title, opening, name) == region


def _section(kind: SectionKind, year: int | None) -> Section:
    return Section(0, kind, "", 0, 0, year)


YEARS = [
    # sections, title, file name, (review year, plan year)
    ([_section(SectionKind.REVIEW, 2023), _section(SectionKind.PLAN, 2024)], "", "x", (2023, 2024)),
    ([_section(SectionKind.REVIEW, None), _section(SectionKind.PLAN, 2026)], "", "x", (2025, 2026)),
    ([_section(SectionKind.REVIEW, 2025)], "", "x", (2025, 2026)),
    ([], "2026年上海市政府工作报告", "x", (2025, 2026)),
    ([], "", "hunan-2026-excerpt.txt", (2025, 2026)),
    ([], "", "report.txt", (None, None)),
]


@pytest.mark.parametrize(("sections", "title", "name", "years"), YEARS)
def test_find_years(
    sections: list[Section], title: str, name: str, years: tuple[int | None, int | None]
) -> None:
    assert find_years(sections, title, name) == years
