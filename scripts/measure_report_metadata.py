"""How often a report's body alone gives its region and years (docs/extraction.md).

Every text of ../shared/corpus is read twice: as it is, for the region and years its title,
headings and file name give (for the excerpts, the region of excerpts/SOURCES.tsv), and with
its title, headings and meeting line taken out, where only the body fallbacks
(``region_in_text``, ``years_in_text``) can answer. Prints what they found right, wrong or not.

    .venv/bin/python scripts/measure_report_metadata.py [--list]
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

from kg.text.metadata import region_in_text, years_in_text
from kg.text.reading import read_source
from kg.text.sections import parse_heading
from kg.text.segment import segment_report

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
_MEETING = re.compile(r"在.*人民代表大会")


def excerpt_regions() -> dict[str, str]:
    """The excerpts' own division (the last named of province, city, county)."""
    rows = csv.DictReader(
        (CORPUS / "excerpts" / "SOURCES.tsv").open(encoding="utf-8"), delimiter="\t"
    )
    regions = {}
    for row in rows:
        names = [n for n in row["region"].split() if n not in ("-", "(市本级)")]
        regions[row["file"]] = names[-1]
    return regions


def body_only(text: str) -> str:
    lines = [
        line
        for line in text.splitlines()
        if line.strip()
        and "工作报告" not in line
        and "工作報告" not in line
        and parse_heading(line, 0) is None
        and not _MEETING.search(line)
    ]
    return "\n".join(lines)


def main(show: bool) -> None:
    known = excerpt_regions()
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.rglob("*.txt")):
        report = segment_report(read_source(path))
        region = known.get(path.name, report.region)
        years = (report.review_year, report.plan_year)
        if region is None or years[0] is None:
            continue  # nothing to compare with
        body = body_only(report.text)
        found_region, found_years = region_in_text(body), years_in_text(body)
        counts["texts"] += 1
        region_result = (
            "none"
            if found_region is None
            else "right"
            if found_region.endswith(region) or region.endswith(found_region)
            else "wrong"
        )
        years_result = (
            "none" if found_years[0] is None else "right" if found_years == years else "wrong"
        )
        counts[f"region {region_result}"] += 1
        counts[f"years {years_result}"] += 1
        if show and "wrong" in (region_result, years_result):
            print(path.relative_to(CORPUS), region, years, "->", found_region, found_years)
    print(", ".join(f"{key}: {value}" for key, value in sorted(counts.items())))


if __name__ == "__main__":
    main("--list" in sys.argv)
