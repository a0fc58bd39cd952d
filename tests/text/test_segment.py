from pathlib import Path

import pytest

from kg.records import SectionKind
from kg.text.reading import Source, read_source
from kg.text.segment import segment_report
from tests.conftest import SAMPLE, SEED, SHARED


def _source(text: str) -> Source:
    return Source("t.txt", text, "0" * 64, "utf-8")


def test_sentences_slice_the_text_exactly() -> None:
    report = segment_report(read_source(SEED))
    for sentence in report.sentences:
        assert report.text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_site_junk_never_reaches_sentences() -> None:
    report = segment_report(read_source(SEED))
    joined = "\n".join(s.text for s in report.sentences)
    for junk in ("微信扫码", "加入收藏", "观山文库", "221381"):
        assert junk not in joined


def test_seed_report_review_then_plan() -> None:
    report = segment_report(read_source(SEED))
    assert report.review_year == 2023
    assert report.plan_year == 2024
    first = report.sentences[0]
    assert first.text.startswith("发展存量持续盘活")
    assert report.section_of(first).kind is SectionKind.REVIEW
    last = report.sentences[-1]
    assert report.section_of(last).kind is SectionKind.PLAN


def test_sample_report_title_region_and_years() -> None:
    report = segment_report(read_source(SAMPLE))
    assert report.title == "2024年青溪区人民政府工作报告"
    assert report.region == "青溪区"
    assert (report.review_year, report.plan_year) == (2023, 2024)
    kinds = [s.kind for s in report.sections]
    assert kinds == [SectionKind.PREAMBLE, SectionKind.REVIEW, SectionKind.PLAN]


def test_provincial_report_sections() -> None:
    report = segment_report(read_source(SHARED / "corpus" / "provinces-2026" / "2026-北京市.txt"))
    kinds = [s.kind for s in report.sections]
    assert kinds[0] is SectionKind.PREAMBLE
    assert SectionKind.REVIEW in kinds and SectionKind.PLAN in kinds
    assert kinds.index(SectionKind.REVIEW) < kinds.index(SectionKind.PLAN)
    assert report.region == "北京市"


def test_sentence_split_keeps_closing_quotes() -> None:
    report = segment_report(_source("他说：“建成了。”然后完成了！最后一句"))
    assert [s.text for s in report.sentences] == ["他说：“建成了。”", "然后完成了！", "最后一句"]


def test_crlf_offsets() -> None:
    text = "一、2023年工作回顾\r\n盘活低效用地150亩。建成大桥。\r\n"
    report = segment_report(_source(text))
    assert [text[s.start : s.end] for s in report.sentences][-2:] == [
        "盘活低效用地150亩。",
        "建成大桥。",
    ]


def test_headless_excerpt_gets_kind_from_cues() -> None:
    plan = "今年主要预期目标是：地区生产总值增长5%左右。" * 10 + "力争新增企业800家。" * 5
    assert segment_report(_source(plan)).sections[0].kind is SectionKind.PLAN


PROVINCES = sorted((SHARED / "corpus" / "provinces-2026").glob("*.txt"))


@pytest.mark.parametrize("path", PROVINCES, ids=lambda p: p.stem)
def test_every_provincial_report_has_its_structure(path: Path) -> None:
    report = segment_report(read_source(path))
    assert report.region == path.stem.split("-", 1)[1]
    assert (report.review_year, report.plan_year) == (2025, 2026)
    kinds = [s.kind for s in report.sections]
    assert kinds.index(SectionKind.REVIEW) < kinds.index(SectionKind.PLAN)
    # the plan holds the bulk of the coming year's text, and no section is left unresolved
    plan_text = sum(
        len(s.text) for s in report.sentences if report.section_of(s).kind is SectionKind.PLAN
    )
    assert plan_text > 3000


def _kinds(name: str) -> list[tuple[SectionKind, str]]:
    report = segment_report(read_source(SHARED / "corpus" / "provinces-2026" / name))
    return [(s.kind, s.title[:6]) for s in report.sections]


def test_fujian_headings_that_name_no_kind() -> None:
    assert _kinds("2026-福建省.txt") == [
        (SectionKind.PREAMBLE, ""),
        (SectionKind.REVIEW, "一、一年接着"),
        (SectionKind.OUTLOOK, "二、一张蓝图"),
        (SectionKind.PLAN, "三、一鼓作气"),
        (SectionKind.OTHER, "四、一以贯之"),
    ]


def test_hunan_plan_heading() -> None:
    assert (SectionKind.PLAN, "三、关于20") in _kinds("2026-湖南省.txt")


def test_review_section_that_turns_to_the_new_five_year_plan_is_split() -> None:
    kinds = [kind for kind, _ in _kinds("2026-北京市.txt")]
    assert kinds == [
        SectionKind.PREAMBLE,
        SectionKind.REVIEW,
        SectionKind.REVIEW,
        SectionKind.OUTLOOK,
        SectionKind.PLAN,
    ]


def test_national_report_region() -> None:
    report = segment_report(read_source(SHARED / "corpus" / "national" / "2022-state-council.txt"))
    assert report.region == "中华人民共和国"
    assert (report.review_year, report.plan_year) == (2021, 2022)


@pytest.mark.parametrize(
    ("name", "kind", "region"),
    [
        # Cities of Hunan, named once each: no region is spoken of.
        ("hunan-2026-excerpt.txt", SectionKind.PLAN, None),
        # 全省 seven times, 广东 five (more than any other province): the body names its region.
        ("guangdong-2026-excerpt.txt", SectionKind.REVIEW, "广东省"),
    ],
)
def test_excerpts_without_headings(name: str, kind: SectionKind, region: str | None) -> None:
    report = segment_report(read_source(SHARED / "corpus" / "dev" / name))
    assert {report.section_of(s).kind for s in report.sentences} == {kind}
    assert (report.review_year, report.plan_year) == (2025, 2026)  # from the file name
    assert report.region == region


def test_seed_numbered_review_headings_stay_in_the_review() -> None:
    report = segment_report(read_source(SEED))
    review = [s for s in report.sections if s.kind is SectionKind.REVIEW]
    assert [s.title[:2] for s in review] == ["", "二、", "三、", "四、"]
