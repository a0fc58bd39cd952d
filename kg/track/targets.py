"""Join each target of a year's plan with the actual figure the next report's review gives.

A target is for the year it aims at: the year its sentence writes (到2027年), the end of the
five-year plan it names (“十四五”时期 -> 2025), else its section's year (二、2024年经济社会发展
总体要求…), else the report's plan year. It is joined when the report reviewing that year is
among the inputs (same region): with the first actual of the same canonical measure, the same
kind of figure (growth or level) and the same base unit in that review; none is "not reported".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.extract.measures import MeasureConcept, measure_concepts
from kg.track.records import MetricFact, ReportFacts, TargetOutcome
from kg.track.verdicts import clause_before, judge

# The five-year plans and the year each ends; named with 时期, 期间, 末 or 规划 a target is for
# that year (“十四五”时期城镇调查失业率控制在5.5%以内), not for the report's plan year.
FIVE_YEAR_PLANS = {"十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025}
FIVE_YEAR_PLANS |= {"十五五": 2030}
_FIVE_YEAR = re.compile(r"(十[一二三四五]五|十五)”?(?:时期|期间|末|规划)")
_EXPLICIT_YEAR = re.compile(r"[到至]((?:19|20)\d\d)年")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)年")
TARGET_SECTIONS = frozenset({"plan", "outlook"})
# A figure of several years (五年来年均增长10.4%, 累计下降17%, 每年新增就业岗位60万个) is no
# year's figure, nor is the start of a change (从3.3%提高到3.8%): neither joins.
_SEVERAL_YEARS = re.compile(r"年均|累计|每年|五年|以来|期间|平均每年")
# …and these say it of every clause after them (每年新增就业岗位60万个左右，城镇登记失业率保持在
# 4.5%以内: both are five years' figures).
_SEVERAL_YEARS_SENTENCE = re.compile(r"年均|累计|每年|五年来|过去五年")
_STARTING_POINT = re.compile(r"(?:从|由)\s*\Z")
# A figure said to be reached within the year (年内完成58万平方米棚户区改造) is the year's target
# over an earlier one of the same measure that only sizes a works programme
# (加快100万平方米棚户区改造工程建设).
_WITHIN_THE_YEAR = re.compile(r"年内|全年|今年|当年")


@dataclass(frozen=True, slots=True)
class _Key:
    region: str
    year: int
    concept: str
    kind: str
    base_unit: str


def concepts_by_id() -> dict[str, MeasureConcept]:
    return {concept.id: concept for concept in measure_concepts()}


def target_year(metric: MetricFact, report: ReportFacts) -> int | None:
    """The year a target aims at, or None when its section leaves it unsaid."""
    text = metric.sentence.text
    if metric.year is not None and _EXPLICIT_YEAR.search(text):
        return metric.year
    named = _FIVE_YEAR.search(text)
    if named:
        return FIVE_YEAR_PLANS[named.group(1)]
    if metric.year is not None:
        return metric.year
    title = _TITLE_YEAR.search(metric.sentence.section_title)
    if title:
        return int(title.group(1))
    if metric.sentence.section_kind == "plan" or "今年" in metric.sentence.section_title:
        return report.plan_year
    return None  # an outlook that says neither a year nor a plan: what it aims at is unknown


def join_targets(
    metrics: Iterable[MetricFact], reports: Mapping[str, ReportFacts]
) -> list[TargetOutcome]:
    """Every target whose year has a review among the reports, with its verdict."""
    concepts = concepts_by_id()
    reviews = {(region_key(r), r.review_year): r for r in reports.values() if r.review_year}
    targets: dict[tuple[str, int, str, str], tuple[int, MetricFact]] = {}
    actuals: dict[_Key, MetricFact] = {}
    for metric in sorted(metrics, key=lambda m: (m.report, m.sentence.start, m.start)):
        report = reports.get(metric.report)
        concept = concepts.get(metric.concept)
        if report is None or concept is None:
            continue
        kind = concept.figure_kind(metric.base_unit)
        if not one_year_figure(metric):
            continue
        if metric.kind == "target" and metric.sentence.section_kind in TARGET_SECTIONS:
            year = target_year(metric, report)
            if year is not None and (report.plan_year is None or year >= report.plan_year):
                # The first statement of a target in a report is the target (经济增长预期目标
                # 5%左右 after 国内生产总值增长5%左右 says it again), unless a later one is
                # said to be reached within the year and the first is not.
                target_key = (report.iri, year, metric.concept, kind)
                held = targets.get(target_key)
                if held is None or (_within_the_year(metric) and not _within_the_year(held[1])):
                    targets[target_key] = (year, metric)
        elif metric.kind == "actual" and metric.sentence.section_kind == "review":
            year = report.review_year
            if year is not None and metric.year in (None, year):
                key = _Key(region_key(report), year, metric.concept, kind, metric.base_unit)
                actuals.setdefault(key, metric)

    outcomes = []
    for (report_iri, year, concept_id, figure), (_, target) in targets.items():
        report = reports[report_iri]
        if (region_key(report), year) not in reviews:
            continue  # the review of that year is not among the inputs (yet)
        concept = concepts[concept_id]
        actual = actuals.get(_Key(region_key(report), year, concept_id, figure, target.base_unit))
        outcomes.append(
            TargetOutcome(
                region=report.region,
                code=report.code or reviews[(region_key(report), year)].code,
                year=year,
                concept=concept_id,
                concept_label=concept.label,
                kind=figure,
                target=target,
                actual=actual,
                verdict="not reported" if actual is None else judge(target, actual, concept),
            )
        )
    return sorted(
        outcomes, key=lambda o: (o.region, o.year, o.target.sentence.start, o.target.start)
    )


def _within_the_year(metric: MetricFact) -> bool:
    return _WITHIN_THE_YEAR.search(clause_before(metric)) is not None


def one_year_figure(metric: MetricFact) -> bool:
    """Whether a figure is of one year, not of several nor the start of a change."""
    before = clause_before(metric)
    sentence = metric.sentence.text[: max(0, metric.start - metric.sentence.start)]
    return not (
        _SEVERAL_YEARS.search(before)
        or _SEVERAL_YEARS_SENTENCE.search(sentence)
        or _STARTING_POINT.search(before)
    )


def region_key(report: ReportFacts) -> str:
    """What makes two reports the same region's: the division code, else the name."""
    return report.code or report.region
