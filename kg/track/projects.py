"""Follow each project a year's plan names into the report that reviews that year.

A project is the same across years when its name is, once phases and generic endings are set
aside (隆平生物种业产业园 and 隆平生物种业产业园一期; 长白路北段改造工程 and 长白路北段), unless
both names give a phase and the phases differ (一期 is not 二期). The next report says it was
completed when an action there completes it, ongoing when it names it otherwise; a project it
never names is "not mentioned".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.extract.entities import normalize_name
from kg.track.records import NextStatus, ProjectFact, ProjectOutcome, ReportFacts
from kg.track.targets import TARGET_SECTIONS, region_key

# A phase or an ending that names no other thing: what is left is the project's base name.
_PHASE = re.compile(r"[（(]?([一二三四五六七八九十\d]+)期(?:工程|项目)?[）)]?$")
_ENDING = re.compile(r"(?:建设)?(?:工程|项目)$")
_QUOTES = str.maketrans("", "", "“”\"'‘’《》「」")
MIN_BASE = 3  # a base name shorter than this (一期) is not a name


@dataclass(frozen=True, slots=True)
class ProjectName:
    base: str
    phase: str

    @classmethod
    def of(cls, label: str) -> ProjectName:
        name = normalize_name(label).translate(_QUOTES)
        phase = ""
        while True:
            found = _PHASE.search(name) or _ENDING.search(name)
            if found is None or found.start() == 0:
                break
            if found.re is _PHASE and not phase:
                phase = found.group(1)
            name = name[: found.start()]
        return cls(name, phase)

    def matches(self, other: ProjectName) -> bool:
        if len(self.base) < MIN_BASE or self.base != other.base:
            return False
        return not (self.phase and other.phase and self.phase != other.phase)


def follow_projects(
    facts: Iterable[ProjectFact], reports: Mapping[str, ReportFacts]
) -> list[ProjectOutcome]:
    """Every project planned in a report, followed into the review of the year it is for, when
    that review is among the reports."""
    by_report: dict[str, list[ProjectFact]] = {}
    for fact in sorted(facts, key=lambda f: (f.report, f.sentence.start, f.project)):
        by_report.setdefault(fact.report, []).append(fact)
    reviews = {(region_key(r), r.review_year): r for r in reports.values() if r.review_year}

    outcomes = []
    for report_iri, report_facts in by_report.items():
        report = reports.get(report_iri)
        if report is None:
            continue
        planned: dict[str, ProjectFact] = {}
        for fact in report_facts:
            if fact.status == "planned" and fact.sentence.section_kind in TARGET_SECTIONS:
                planned.setdefault(fact.project, fact)
        for plan in planned.values():
            year = plan.year or report.plan_year
            review = reviews.get((region_key(report), year)) if year else None
            if year is None or review is None:
                continue
            status, follow_up = _next_status(plan, by_report.get(review.iri, []))
            outcomes.append(
                ProjectOutcome(
                    region=report.region,
                    code=report.code or review.code,
                    year=year,
                    project=plan.project,
                    label=plan.label,
                    plan=plan,
                    follow_up=follow_up,
                    next_status=status,
                )
            )
    return sorted(outcomes, key=lambda o: (o.region, o.year, o.plan.sentence.start, o.label))


def _next_status(
    plan: ProjectFact, later: list[ProjectFact]
) -> tuple[NextStatus, ProjectFact | None]:
    """completed / ongoing / not mentioned, and the sentence that says so: a completion first,
    then what the review section says, then any sentence naming it."""
    name = ProjectName.of(plan.label)
    named = [f for f in later if f.project == plan.project or name.matches(ProjectName.of(f.label))]
    if not named:
        return "not mentioned", None
    completed = [f for f in named if f.status == "completed"]
    if completed:
        return "completed", completed[0]
    in_review = [f for f in named if f.sentence.section_kind == "review"]
    return "ongoing", (in_review or named)[0]
