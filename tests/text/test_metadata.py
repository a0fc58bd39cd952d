import pytest

from kg.errors import ConfigError
from kg.records import Section, SectionKind
from kg.text.metadata import (
    GivenMetadata,
    division_name,
    find_region,
    find_title,
    find_years,
    most_named_region,
    most_named_years,
    parse_plan_year,
    region_in_formulas,
    years_in_text,
)

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
    ("2026 年云溪区政府工作报告", [], "x.txt", None),  # a year's tail is no name (年云溪区)
    # A name written after other words: the division it ends with.
    ("政府工作报告", ["代表大会第三次会议上金台区人民政府区长 张三"], "x.txt", "金台区"),
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


# The body text, searched when title, opening lines and file name name no region.
BODY = (
    "过去一年，全区上下团结奋斗，云溪区地区生产总值增长6%。"
    "云溪区获评全省营商环境优秀区，全区新增市场主体1.2万户。"
)

REGIONS_IN_BODY = [
    # title, opening lines, file name, body, region
    ("x", [], "report.txt", BODY, "云溪区"),
    ("x", [], "report.txt", "", None),
    ("2026年上海市政府工作报告", [], "x.txt", BODY, "上海市"),  # the title comes first
    ("x", [], "2026-北京市.txt", BODY, "北京市"),  # so does the file name
]


@pytest.mark.parametrize(("title", "opening", "name", "body", "region"), REGIONS_IN_BODY)
def test_find_region_falls_back_on_the_body(
    title: str, opening: list[str], name: str, body: str, region: str | None
) -> None:
    assert find_region(title, opening, name, body) == region


DIVISIONS = [
    ("云溪区", "云溪区"),
    ("湖南", "湖南省"),  # a province's short form
    ("十堰市张湾区", "十堰市张湾区"),  # a city and its district
    ("会议上金台区", "金台区"),
    ("年云溪区", "云溪区"),
    ("云溪县", None),  # 云溪 is a district
    ("青溪区", None),  # no such division
    ("龙江", None),  # a county's short form (龙江县), also 黑龙江's nickname
    ("朝阳", "朝阳市"),  # a city's short form (朝阳区, 朝阳县 are written whole)
]


@pytest.mark.parametrize(("name", "division"), DIVISIONS)
def test_division_name(name: str, division: str | None) -> None:
    assert division_name(name) == division


FORMULAS = [
    ("……现在，我代表云溪区人民政府，向大会报告工作。", "云溪区"),
    ("——2026年1月8日在云溪区第十届人民代表大会第五次会议上", "云溪区"),
    ("为奋力谱写中国式现代化湖南篇章而努力奋斗！", "湖南省"),
    ("让我们奋力书写中国式现代化龙江实践新篇章。", None),  # 龙江 is no one division
    ("现在，我代表国务院，向大会报告政府工作。", "中华人民共和国"),
    ("现在，我代表青溪区人民政府，向大会报告工作。", None),  # not a real division
    ("现在，我代表区人民政府，向大会报告工作。", None),  # a level, not a name
]


@pytest.mark.parametrize(("text", "region"), FORMULAS)
def test_region_in_formulas(text: str, region: str | None) -> None:
    assert region_in_formulas(text) == region


MOST_NAMED = [
    (BODY, "云溪区"),
    # A district's report names its city more often than itself: its level (全区) decides.
    (BODY + "岳阳市、岳阳市、岳阳市。", "云溪区"),
    # No level: 全省 once and 全区 once.
    ("云溪区、云溪区。全省第一。全区。", None),
    # Ranked among others, not itself: 率先全省 and 全省首批 are not its level.
    ("云溪区、云溪区。全区、全区。率先全省，全省首批，率先全省。", "云溪区"),
    ("全区。全区。云溪区。", None),  # named once
    ("全区。全区。云溪区、云溪区。君山区、君山区。", None),  # two named as often
    ("全县。全县。和县委、和县政协。", None),  # a two-character name is a word's end
    ("我代表县人民政府。大关、大关。", None),  # a county's short form is a word too
]


@pytest.mark.parametrize(("text", "region"), MOST_NAMED)
def test_most_named_region(text: str, region: str | None) -> None:
    assert most_named_region(text) == region


YEARS_IN_TEXT = [
    # text, (review year, plan year)
    ("——2026年1月28日在云南省第十四届人民代表大会第四次会议上", (2025, 2026)),
    ("——2024年12月29日在固镇县第十三届人民代表大会第四次会议上", (2024, 2025)),  # late
    ("一、2023年工作回顾2023年，是全面贯彻党的二十大精神的开局之年", (2023, 2024)),
    ("回顾2025年，我们走过的路很不平凡。", (2025, 2026)),
    ("2026年全省经济社会发展的主要预期目标是：地区生产总值增长5%左右。", (2025, 2026)),
    ("2026年政府工作的总体要求是：……", (2025, 2026)),
    ("2025年，全区地区生产总值增长6%。2026年，地区生产总值增长6%左右。", (2025, 2026)),
    ("地区生产总值增长6%。", (None, None)),
]


@pytest.mark.parametrize(("text", "years"), YEARS_IN_TEXT)
def test_years_in_text(text: str, years: tuple[int | None, int | None]) -> None:
    assert years_in_text(text) == years


MOST_NAMED_YEARS = [
    # The pair of consecutive years given most.
    ("2025年增长6%。2026年增长6%左右。2025年完成投资。", (2025, 2026)),
    # One year given twice: the words of its sentences say review or plan.
    ("2025年地区生产总值同比增长6%，完成了目标。2025年建成学校3所。", (2025, 2026)),
    ("2026年，力争地区生产总值增长6%。2026年要着力扩大内需。", (2025, 2026)),
    # Targets, ranges, starts, bases, dates and awards are not the report's years.
    ("到2030年建成。到2035年基本实现。2035年远景目标。2021—2025年。", (None, None)),
    ("2013年以来。比2020年翻一番。2025年4月1日开业。获评2022年度先进。", (None, None)),
    ("2025年增长6%。", (None, None)),  # given once
    ("截至2025年底，累计建成学校30所。2025年完成投资。", (2025, 2026)),  # 截至 is no target
    ("2020年。2020年。2025年。2025年。", (None, None)),  # two pairs as often
]


@pytest.mark.parametrize(("text", "years"), MOST_NAMED_YEARS)
def test_most_named_years(text: str, years: tuple[int | None, int | None]) -> None:
    assert most_named_years(text) == years


def test_find_years_falls_back_on_the_body() -> None:
    body = "2025年，全区地区生产总值增长6%。2026年，地区生产总值增长6%左右。"
    assert find_years([], "x", "report.txt", body) == (2025, 2026)
    assert find_years([], "x", "2024-report.txt", body) == (2023, 2024)  # the file name first
    assert find_years([], "x", "report.txt", "") == (None, None)


@pytest.mark.parametrize(("text", "year"), [("2026", 2026), (" 2026年 ", 2026)])
def test_parse_plan_year(text: str, year: int) -> None:
    assert parse_plan_year(text) == year


@pytest.mark.parametrize("text", ["20x6", "26", "二〇二六", "", "1850", "3000", "２０２６"])
def test_a_bad_plan_year_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError, match="--year"):
        parse_plan_year(text)


@pytest.mark.parametrize("region", ["", "  ", "云溪\n区", "区" * 41])
def test_a_bad_region_is_a_config_error(region: str) -> None:
    with pytest.raises(ConfigError, match="--region"):
        GivenMetadata.checked(region, None)


def test_given_metadata_keeps_a_good_region_and_year() -> None:
    assert GivenMetadata.checked(" 云溪区 ", 2026) == GivenMetadata("云溪区", 2026)
