"""Region and years through the real ``kg`` command: found in a title-less text, set with
--region and --year, and a warning line when they stay unknown."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import SAMPLE
from tests.test_cli import run

PREFIXES = """
PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
PREFIX schema: <https://schema.org/>
"""


def report_metadata(graph: Path) -> tuple[str | None, str | None, str | None]:
    """(region, review year, plan year) of the one report in a built graph."""
    rows = list(
        Graph()
        .parse(graph)
        .query(
            PREFIXES
            + """SELECT ?r ?region ?review ?plan WHERE { ?r a grk:Report .
            OPTIONAL { ?r grk:region ?region } OPTIONAL { ?r grk:reviewYear ?review }
            OPTIONAL { ?r grk:planYear ?plan } }"""
        )
    )
    assert len(rows) == 1
    _, *values = rows[0]  # type: ignore[misc]
    region, review, plan = (None if value is None else str(value) for value in values)
    return region, review, plan


def graph_metrics(graph: Path) -> Counter[tuple[str, str, str]]:
    """(measure, value, unit) of every metric in a built graph."""
    rows = (
        Graph()
        .parse(graph)
        .query(
            PREFIXES
            + """SELECT ?measure ?value ?unit WHERE { ?m a grk:Metric ; schema:value ?value ;
        schema:unitText ?unit . OPTIONAL { ?m grk:measure ?measure } }"""
        )
    )
    return Counter((str(m or ""), str(v), str(u)) for m, v, u in rows)  # type: ignore[misc]


def sample_in(region: str) -> str:
    """The bundled sample's text, of a real district (青溪区 is made up)."""
    return SAMPLE.read_text(encoding="utf-8").replace("青溪", region)


def without_title_or_headings(text: str) -> str:
    """The body of a report as a reader copies it: no title, meeting line, signature or
    headings, and no name in the opening formula (我代表区人民政府); its years written in its
    sentences (2023年，面对…)."""
    lines = text.splitlines()[3:]  # title, 2024年1月10日在…会议上, 区长
    body = [line for line in lines if not re.match(r"^[一二三四五六七八九十]+、", line)]
    return (
        "\n".join(body)
        .replace("我代表云溪区人民政府", "我代表区人民政府")
        .replace("过去一年，", "2023年，")
    )


def build(*args: str) -> tuple[int, str]:
    result = run("build", *args, "-f", "turtle")
    return result.returncode, result.stderr


def test_a_title_less_text_gets_its_region_years_and_all_its_metrics(tmp_path: Path) -> None:
    full = tmp_path / "full.txt"
    full.write_text(sample_in("云溪"), encoding="utf-8")
    body = tmp_path / "body.txt"
    body.write_text(without_title_or_headings(sample_in("云溪")), encoding="utf-8")
    assert "工作报告" not in body.read_text(encoding="utf-8")
    assert "回顾" not in body.read_text(encoding="utf-8")

    code, stderr = build(str(full), "-o", str(tmp_path / "full"))
    assert code == 0, stderr
    code, stderr = build(str(body), "-o", str(tmp_path / "body"))
    assert code == 0, stderr
    assert "warning" not in stderr

    assert report_metadata(tmp_path / "body" / "graph.ttl") == ("云溪区", "2023", "2024")
    expected = graph_metrics(tmp_path / "full" / "graph.ttl")
    assert len(expected) > 80
    assert graph_metrics(tmp_path / "body" / "graph.ttl") == expected


UNKNOWN = "地区生产总值增长6%。新建学校3所，新增城镇就业8600人。\n"


def test_a_report_that_says_neither_gets_one_warning_line_and_builds(tmp_path: Path) -> None:
    text = tmp_path / "body.txt"
    text.write_text(UNKNOWN, encoding="utf-8")
    result = run("build", str(text), "-o", str(tmp_path / "out"), "-f", "turtle")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"kg: warning: {text}: no region or years found (use --region and --year)"
    ]
    assert report_metadata(tmp_path / "out" / "graph.ttl") == (None, None, None)


def test_a_report_without_a_region_only_is_warned_of_its_region(tmp_path: Path) -> None:
    text = tmp_path / "2026-report.txt"  # the year from the file name
    text.write_text(UNKNOWN, encoding="utf-8")
    code, stderr = build(str(text), "-o", str(tmp_path / "out"))
    assert code == 0, stderr
    assert stderr.splitlines() == [f"kg: warning: {text}: no region found (use --region)"]


def test_region_and_year_set_on_the_command_line(tmp_path: Path) -> None:
    text = tmp_path / "body.txt"
    text.write_text(UNKNOWN, encoding="utf-8")
    out = str(tmp_path / "out")
    code, stderr = build(str(text), "-o", out, "--region", "云溪区", "--year", "2026")
    assert code == 0, stderr
    assert stderr == ""
    assert report_metadata(tmp_path / "out" / "graph.ttl") == ("云溪区", "2025", "2026")

    # Over what the report says of itself (2024年青溪区人民政府工作报告), for every input; a
    # rebuild with other values does not take the earlier graph from the cache.
    code, stderr = build(str(SAMPLE), "-o", out, "--force")
    assert code == 0, stderr
    assert report_metadata(tmp_path / "out" / "graph.ttl") == ("青溪区", "2023", "2024")
    code, stderr = build(str(SAMPLE), "-o", out, "--force", "--region", "云溪区", "--year", "2026")
    assert code == 0, stderr
    assert report_metadata(tmp_path / "out" / "graph.ttl") == ("云溪区", "2025", "2026")


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--year", "20x6", "--year: expected the plan year as four digits (2026), got '20x6'"),
        ("--year", "1850", "--year: expected the plan year, 1950-2100, got 1850"),
        ("--region", " ", "--region: expected the name of a region, got ''"),
    ],
)
def test_a_bad_region_or_year_is_one_line_and_exit_5(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = run("build", str(SAMPLE), "-o", str(tmp_path / "out"), option, value)
    assert result.returncode == 5
    assert result.stderr.splitlines() == [f"kg: error: {message}"]
    assert not (tmp_path / "out").exists()


def test_given_values_and_warnings_cross_to_worker_processes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(UNKNOWN, encoding="utf-8")
    second.write_text("新建学校5所。" + UNKNOWN, encoding="utf-8")
    out = tmp_path / "out"
    result = run(
        "build", str(first), str(second), "-o", str(out), "-f", "turtle", "-j", "2",
        "--year", "2026",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(result.stderr.splitlines()) == [
        f"kg: warning: {first}: no region found (use --region)",
        f"kg: warning: {second}: no region found (use --region)",
    ]
    years = (
        Graph()
        .parse(out / "graph.ttl")
        .query(PREFIXES + "SELECT ?plan WHERE { ?r a grk:Report ; grk:planYear ?plan }")
    )
    assert sorted(str(row[0]) for row in years) == ["2026", "2026"]  # type: ignore[index]

    # From the cache, the warnings are the same.
    again = run(
        "build", str(first), str(second), "-o", str(out), "-f", "turtle", "--force",
        "--year", "2026",
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "2 unchanged, from the cache" in again.stdout
    assert sorted(again.stderr.splitlines()) == sorted(result.stderr.splitlines())
