"""The roll-up queries on real reports: a district's report counts under its province."""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox
import pytest

from kg.query import parse_bindings, read_query, run_query
from kg.rdf.dataset import KnowledgeGraph
from tests.conftest import PROVINCES, SHARED
from tests.rdf.builds import report

HAILAR = SHARED / "corpus" / "series" / "districts" / "2019-海拉尔区.txt"
REPORTS = (HAILAR, PROVINCES / "2026-湖南省.txt", PROVINCES / "2026-内蒙古自治区.txt")


@cache
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(KnowledgeGraph.of([report(path) for path in REPORTS]).quads())
    return store


def answer(name: str, **params: str) -> list[dict[str, str]]:
    bindings = parse_bindings([f"{key}={value}" for key, value in params.items()])
    result = run_query(store(), read_query(name), bindings)
    return [
        {
            var: term.value if term is not None else ""
            for var, term in zip(result.variables, row, strict=True)
        }
        for row in result.rows
    ]


def test_a_district_report_rolls_up_to_its_province() -> None:
    rows = {row["province"]: row for row in answer("projects-by-province")}
    assert set(rows) == {"内蒙古自治区", "湖南省"}
    inner_mongolia = rows["内蒙古自治区"]
    assert inner_mongolia["code"] == "150000"
    assert (inner_mongolia["reports"], inner_mongolia["regions"]) == ("2", "2")  # 海拉尔区 too
    assert int(inner_mongolia["projects"]) > 0
    assert int(rows["湖南省"]["completed"]) <= int(rows["湖南省"]["projects"])


def test_a_bound_province_keeps_its_rows_only() -> None:
    assert [row["province"] for row in answer("projects-by-province", province="湖南省")] == [
        "湖南省"
    ]


@pytest.mark.parametrize("measure", ["地区生产总值"])
def test_metrics_roll_up_with_their_region_and_level(measure: str) -> None:
    rows = answer("metrics-by-province", measure=measure)
    hailar = [row for row in rows if row["region"] == "海拉尔区"]
    assert hailar, rows[:3]
    assert {(r["province"], r["code"], r["region_code"], r["level"]) for r in hailar} == {
        ("内蒙古自治区", "150000", "150702", "county")
    }
    assert {r["province"] for r in rows} == {"内蒙古自治区", "湖南省"}
    assert all(
        r["measure_as_written"].endswith(measure) or measure in r["measure_as_written"]
        for r in rows
    )
