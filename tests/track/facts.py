"""Small facts for the track tests: metrics and reports as the graph would give them."""

from __future__ import annotations

from decimal import Decimal

from kg.track.records import MetricFact, ReportFacts, Sentence


def sentence(text: str = "", kind: str = "plan", title: str = "", start: int = 0) -> Sentence:
    return Sentence(f"urn:s:{kind}:{start}:{text}", text, kind, title, start)


def metric(
    value: str,
    unit: str = "%",
    *,
    kind: str = "target",
    concept: str = "gdp",
    measure: str = "地区生产总值",
    qualifier: str = "",
    direction: str = "",
    value_max: str | None = None,
    base_unit: str | None = None,
    report: str = "urn:r:2024",
    year: int | None = None,
    text: str = "",
    section: str | None = None,
    title: str = "",
    start: int = 0,
) -> MetricFact:
    """A metric whose base value is its value (units without a magnitude)."""
    section = section or ("plan" if kind == "target" else "review")
    return MetricFact(
        iri=f"urn:m:{report}:{concept}:{value}:{start}",
        report=report,
        kind=kind,
        concept=concept,
        measure=measure,
        value=Decimal(value),
        value_max=Decimal(value_max) if value_max else None,
        unit=unit,
        base_value=Decimal(value),
        base_value_max=Decimal(value_max) if value_max else None,
        base_unit=base_unit or unit,
        qualifier=qualifier,
        direction=direction,
        year=year,
        sentence=sentence(text, section, title, start),
        start=start,
    )


def reports(region: str = "青溪区", *years: int) -> dict[str, ReportFacts]:
    """A report of each plan year (reviewing the year before)."""
    return {f"urn:r:{year}": ReportFacts(f"urn:r:{year}", region, year - 1, year) for year in years}
