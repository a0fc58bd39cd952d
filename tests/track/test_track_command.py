"""``kg track`` on real series: the State Council's 2024 targets judged against its 2025 review,
the CSV contract, the graph (valid, with its outcomes), the bundled queries and the page."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query import parse_bindings, read_query, run_query
from kg.track.page import render_outcomes_page
from kg.track.tables import PROJECT_COLUMNS, TARGET_COLUMNS
from tests.test_cli import run
from tests.track.conftest import Tracked

# The State Council's 2024 targets, each judged against the 2025 report's review: measure,
# kind, target, qualifier, actual, verdict (the deficit ratio is a plan's setting the review
# does not state again).
NATIONAL_2024 = [
    ("地区生产总值", "growth", "5", "左右", "5", "met"),
    ("居民消费价格", "growth", "3", "左右", "0.2", "met"),
    ("城镇新增就业", "level", "1200", "以上", "1256", "met"),
    ("城镇调查失业率", "level", "5.5", "左右", "5.1", "met"),
    ("粮食产量", "level", "1.3", "以上", "1.4", "met"),
    ("单位地区生产总值能耗", "growth", "-2.5", "左右", "-3", "met"),
    ("赤字率", "level", "3", "", "", "not reported"),
]


def test_the_csv_files_have_the_contracted_columns(national: Tracked) -> None:
    assert national.header("targets.csv") == list(TARGET_COLUMNS)
    assert national.header("projects.csv") == list(PROJECT_COLUMNS)
    assert "targets met 19" in national.stdout


@pytest.mark.parametrize(
    ("measure", "kind", "target", "qualifier", "actual", "verdict"), NATIONAL_2024
)
def test_the_state_councils_2024_targets_are_judged(
    national: Tracked,
    measure: str,
    kind: str,
    target: str,
    qualifier: str,
    actual: str,
    verdict: str,
) -> None:
    rows = [
        row
        for row in national.rows("targets.csv")
        if (row["year"], row["measure"], row["kind"]) == ("2024", measure, kind)
    ]
    assert len(rows) == 1, rows
    row = rows[0]
    assert (row["target"], row["qualifier"], row["actual"], row["verdict"]) == (
        target,
        qualifier,
        actual,
        verdict,
    )
    assert row["region"] == "中华人民共和国"
    assert target.lstrip("-") in row["target_sentence"]
    assert actual.lstrip("-") in row["actual_sentence"]  # "" when not reported
    assert bool(row["actual_sentence"]) is (verdict != "not reported")


REGION_CODES = {"中华人民共和国": "", "上海市": "310000", "广东省": "440000", "海拉尔区": "150702"}


def test_every_joined_row_has_both_sentences(every_series: Tracked) -> None:
    rows = every_series.rows("targets.csv")
    regions = {row["region"] for row in rows if row["verdict"] != "not reported"}
    assert regions == {"中华人民共和国", "上海市", "广东省", "海拉尔区"}
    for row in rows:
        assert row["target_sentence"]
        assert bool(row["actual_sentence"]) is (row["verdict"] != "not reported")
        # The region's GB/T 2260 code; the State Council's report covers no division.
        assert row["code"] == REGION_CODES[row["region"]]


def test_projects_are_followed_into_the_next_report(every_series: Tracked) -> None:
    rows = every_series.rows("projects.csv")
    statuses = {row["next_status"] for row in rows}
    assert statuses == {"completed", "ongoing", "not mentioned"}
    followed = [row for row in rows if row["next_status"] != "not mentioned"]
    assert all(row["review_sentence"] for row in followed)
    assert not any(row["review_sentence"] for row in rows if row not in followed)
    # 黑羊站水厂二期, planned in 2013, is the 黑羊站水厂 the 2014 report speaks of
    assert any(
        row["project"] == "黑羊站水厂二期"
        and row["year"] == "2013"
        and row["next_status"] != "not mentioned"
        for row in rows
    )


def test_the_tracked_graph_is_valid(national: Tracked) -> None:
    result = run("validate", str(national.directory / "graph.ttl"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_bundled_queries_read_the_outcomes(national: Tracked) -> None:
    store = ox.Store()
    store.load(path=str(national.directory / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    result = run_query(store, read_query("plan-vs-outcome"), parse_bindings(["verdict=met"]))
    rows = [dict(zip(result.variables, (t.value for t in row), strict=True)) for row in result.rows]
    csv_met = [row for row in national.rows("targets.csv") if row["verdict"] == "met"]
    assert len(rows) == len(csv_met)
    assert {(r["year"], r["measure"], r["actual"]) for r in rows} >= {("2024", "地区生产总值", "5")}
    projects = run_query(store, read_query("projects-followed-up"), {})
    assert len(projects.rows) == len(national.rows("projects.csv"))
    # Every sentence a follow-up cites is in the graph with its text, those the reports' graphs
    # left out too (黑土地保护工程, which 2022 names where its extractor found nothing).
    answered = sorted((row[1].value, row[3].value, row[5].value) for row in projects.rows)
    written = sorted(
        (row["year"], row["next_status"], row["review_sentence"])
        for row in national.rows("projects.csv")
    )
    assert answered == written
    assert ("2021", "ongoing") in {
        (year, status) for year, status, text in written if "黑土地保护" in text
    }


def test_the_page_shows_the_rows_as_text_only(national: Tracked) -> None:
    page = (national.directory / "plans-and-outcomes.html").read_text(encoding="utf-8")
    assert "Plans and outcomes" in page and "国内生产总值增长5%左右" in page
    hostile = {column: "</script><script>alert(1)</script>" for column in TARGET_COLUMNS}
    hostile |= {"year": "2024", "verdict": "met"}
    rendered = render_outcomes_page([hostile], [])
    assert "<script>alert(1)" not in rendered and "</script><script>" not in rendered


def test_a_bad_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    result = run("track", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "targets.csv").exists()


def test_existing_outputs_are_replaced_only_with_force(national: Tracked, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "targets.csv").write_text("mine\n", encoding="utf-8")
    result = run("track", str(national.directory.parent / "missing"), "-o", str(out))
    assert result.returncode != 0
    assert (out / "targets.csv").read_text(encoding="utf-8") == "mine\n"
