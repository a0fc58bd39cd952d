"""The records ``kg track`` passes between its stages: facts read from the graph, and outcomes.

Facts are what the graph says of each report (its region and years, its metrics with a
canonical measure, the projects it plans and names); outcomes join one year's plan with the
next year's review. Values stay as the graph holds them: decimals, units as written, the IRIs of
the metrics and sentences each outcome is traced to.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Verdict = Literal["met", "missed", "not reported"]
NextStatus = Literal["completed", "ongoing", "not mentioned"]


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """One report: whose, which years, and the division code of its region where known."""

    iri: str
    region: str
    review_year: int | None
    plan_year: int | None
    code: str = ""  # grk:divisionCode of the region's place, when the graph has it


@dataclass(frozen=True, slots=True)
class Sentence:
    iri: str
    text: str
    section_kind: str  # review, plan, outlook…
    section_title: str
    start: int


@dataclass(frozen=True, slots=True)
class MetricFact:
    """A metric with a canonical measure, as the graph holds it."""

    iri: str
    report: str  # the report's IRI
    kind: str  # actual or target
    concept: str  # the concept's id (kg/data/measures.tsv)
    measure: str  # as written
    value: Decimal
    value_max: Decimal | None
    unit: str  # as written
    base_value: Decimal
    base_value_max: Decimal | None
    base_unit: str
    qualifier: str
    direction: str  # increase, decrease or ""
    year: int | None  # written in the sentence (到2027年), else the section's
    sentence: Sentence
    start: int


@dataclass(frozen=True, slots=True)
class ProjectFact:
    """One project named in a report's sentence, with the status an action there gives it."""

    project: str  # the project's IRI
    label: str  # the name the report writes
    report: str
    status: str  # planned, ongoing, completed, or "" when only named
    year: int | None  # the action's year, when it has one
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class TargetOutcome:
    """A target of one year's plan against the next report's review of that year."""

    region: str
    code: str
    year: int  # the year the target is for
    concept: str
    concept_label: str
    kind: str  # growth or level
    target: MetricFact
    actual: MetricFact | None
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class ProjectOutcome:
    """A project one year's plan names, followed into the next report."""

    region: str
    code: str
    year: int  # the year the plan is for
    project: str  # IRI
    label: str
    plan: ProjectFact
    follow_up: ProjectFact | None
    next_status: NextStatus
