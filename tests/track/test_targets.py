"""The year a target aims at, and its join with the review of that year."""

import pytest

from kg.track.records import ReportFacts
from kg.track.targets import join_targets, target_year
from tests.track.facts import metric, reports

REPORT = ReportFacts("urn:r:2021", "中华人民共和国", 2020, 2021)

# sentence, section kind, section title, metric year (as the graph gives it), year aimed at
YEAR_CASES = [
    ("今年发展主要预期目标是：国内生产总值增长6%以上。", "plan", "三、2021年重点工作", 2021, 2021),
    ("国内生产总值增长5%左右。", "outlook", "二、2024年经济社会发展总体要求和政策取向", None, 2024),
    (
        "城镇新增就业900万人以上。",
        "outlook",
        "二、今年发展主要目标和下一阶段工作总体部署",
        None,
        2021,
    ),
    ("“十四五”时期城镇调查失业率控制在5.5%以内。", "outlook", "", None, 2025),
    ("“十四五”时期单位国内生产总值能耗降低13.5%。", "plan", "三、2021年重点工作", 2021, 2025),
    ("到2027年，森林覆盖率达到25%。", "plan", "三、2021年重点工作", 2027, 2027),
    ("森林覆盖率达到24.1%。", "outlook", "", None, None),  # an outlook that says no year
]


@pytest.mark.parametrize(("text", "section", "title", "year", "aimed"), YEAR_CASES)
def test_the_year_a_target_aims_at(
    text: str, section: str, title: str, year: int | None, aimed: int | None
) -> None:
    target = metric("5", text=text, section=section, title=title, year=year)
    assert target_year(target, REPORT) == aimed


def test_a_target_joins_the_actual_of_the_same_measure_and_kind_in_the_next_review() -> None:
    facts = reports("青溪区", 2024, 2025)
    metrics = [
        metric("5", qualifier="左右", report="urn:r:2024", start=1),  # growth
        metric("3000", "亿元", report="urn:r:2024", start=2),  # level
        metric("48", "亿元", concept="general_budget_revenue", report="urn:r:2024", start=3),
        metric("2900", "亿元", kind="actual", report="urn:r:2025", start=4),
        metric("5.2", kind="actual", report="urn:r:2025", start=5),
        metric("5.0", kind="actual", report="urn:r:2025", start=6),  # a second figure: not it
    ]
    outcomes = {(o.concept, o.kind): o for o in join_targets(metrics, facts)}
    assert str(outcomes[("gdp", "growth")].actual.value) == "5.2"  # type: ignore[union-attr]
    assert outcomes[("gdp", "growth")].verdict == "met"
    assert outcomes[("gdp", "level")].verdict == "missed"
    assert outcomes[("general_budget_revenue", "level")].verdict == "not reported"
    assert {o.year for o in outcomes.values()} == {2024}


def test_a_target_waits_for_the_review_of_its_year_and_never_joins_another_region() -> None:
    facts = reports("青溪区", 2024, 2025) | {
        "urn:r:other": ReportFacts("urn:r:other", "云溪区", 2024, 2025)
    }
    metrics = [
        metric("5", report="urn:r:2025"),  # 2025's target: its review (2026) is not there
        metric(
            "25",
            report="urn:r:2024",
            concept="forest_coverage",
            year=2027,
            text="到2027年，森林覆盖率达到25%。",
        ),
        metric("5.2", kind="actual", report="urn:r:other"),  # another region's 2024
    ]
    outcomes = join_targets(metrics, facts)
    assert [(o.concept, o.verdict) for o in outcomes] == []
