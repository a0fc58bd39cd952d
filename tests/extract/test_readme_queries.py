"""The SPARQL of docs/graph-model-and-queries.md, "Questions about metrics and actions", answers
what the page says on the sample."""

import re

import pyoxigraph as ox
import pytest

from kg.rdf import extraction_to_graph
from kg.records import Extraction
from tests.conftest import ROOT


def _queries() -> list[str]:
    page = (ROOT / "docs" / "graph-model-and-queries.md").read_text(encoding="utf-8")
    section = page.split("## Questions about metrics and actions", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sparql\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def store(sample_extraction: Extraction) -> ox.Store:
    store = ox.Store()
    turtle = extraction_to_graph(sample_extraction).serialize(format="turtle")
    store.load(turtle.encode(), format=ox.RdfFormat.TURTLE)
    return store


def _rows(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    return [
        tuple("" if term is None else str(term.value) for term in row)
        for row in store.query(query)  # type: ignore[union-attr]
    ]


def test_the_page_has_the_three_queries() -> None:
    assert len(_queries()) == 3


def test_completed_projects_of_the_review_year(store: ox.Store) -> None:
    rows = _rows(store, _queries()[0])
    found = {(project, verb) for project, verb, _sentence in rows}
    assert {("金桂大酒店", "成功盘活"), ("青溪数据中心", "投入使用"), ("万达广场", "开业")} <= found


def test_the_plans_targets(store: ox.Store) -> None:
    rows = _rows(store, _queries()[1])
    assert ("地区生产总值", "左右", "6", "%", "increase") in rows
    assert ("技术合同成交额", "超", "22", "亿元", "") in rows


def test_revived_land(store: ox.Store) -> None:
    assert ("盘活低效用地", "326", "亩", "326", "亩") in _rows(store, _queries()[2])
