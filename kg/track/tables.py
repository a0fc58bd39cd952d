"""The outcomes as CSV: ``targets.csv`` and ``projects.csv``, a contract scripts read.

The columns are fixed (``TARGET_COLUMNS``, ``PROJECT_COLUMNS``); values are as the reports write
them: the number and unit as written, a fall signed negative (单位国内生产总值能耗降低2.5% ->
-2.5), a range as LOW-HIGH (6-6.5). ``measure`` is the canonical measure's label, ``kind``
growth or level, ``code`` the region's six-digit division code where the graph has it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from kg.export.atomic import atomic_write
from kg.track.records import MetricFact, ProjectOutcome, TargetOutcome
from kg.track.verdicts import signed

TARGET_COLUMNS = (
    "region",
    "code",
    "year",
    "measure",
    "kind",
    "target",
    "target_unit",
    "qualifier",
    "actual",
    "actual_unit",
    "verdict",
    "target_sentence",
    "actual_sentence",
)
PROJECT_COLUMNS = (
    "region",
    "code",
    "year",
    "project",
    "next_status",
    "plan_sentence",
    "review_sentence",
)


def written_value(metric: MetricFact) -> str:
    """The figure as written, negative when it is a fall, LOW-HIGH for a range."""
    sign = "-" if signed(metric) < 0 else ""
    value = f"{sign}{metric.value}"
    if metric.value_max is not None:
        value += f"-{metric.value_max}"
    return value


def target_rows(outcomes: Iterable[TargetOutcome]) -> list[dict[str, str]]:
    rows = []
    for outcome in outcomes:
        target, actual = outcome.target, outcome.actual
        rows.append(
            {
                "region": outcome.region,
                "code": outcome.code,
                "year": str(outcome.year),
                "measure": outcome.concept_label,
                "kind": outcome.kind,
                "target": written_value(target),
                "target_unit": target.unit,
                "qualifier": target.qualifier,
                "actual": written_value(actual) if actual else "",
                "actual_unit": actual.unit if actual else "",
                "verdict": outcome.verdict,
                "target_sentence": target.sentence.text,
                "actual_sentence": actual.sentence.text if actual else "",
            }
        )
    return rows


def project_rows(outcomes: Iterable[ProjectOutcome]) -> list[dict[str, str]]:
    return [
        {
            "region": outcome.region,
            "code": outcome.code,
            "year": str(outcome.year),
            "project": outcome.label,
            "next_status": outcome.next_status,
            "plan_sentence": outcome.plan.sentence.text,
            "review_sentence": outcome.follow_up.sentence.text if outcome.follow_up else "",
        }
        for outcome in outcomes
    ]


def write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> None:
    """UTF-8 with a header row; the file appears whole or not at all."""
    with atomic_write(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
