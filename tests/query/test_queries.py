"""Each documented query in ontology/queries answers its question on the sample report.

The extractor keeps improving, so each case names rows that must be there given facts the
sample states plainly, not the full listing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import ConfigError
from kg.query import QueryResult, parse_bindings, read_query, run_query
from kg.rdf.ontology import queries_dir
from tests.rdf.builds import sample_graph

Row = dict[str, str]

# query name, parameters, rows that must be present (the columns given), then a check on all rows
CASES: list[tuple[str, dict[str, str], list[Row]]] = [
    (
        "completed-projects-by-place",
        {},
        [
            {"place": "青溪区", "project": "青溪数据中心", "year": "2023"},
            {"place": "青溪区", "project": "金桂大酒店", "year": "2023"},
            {"project": "万达广场", "verb": "开业", "year": "2023", "region": "青溪区"},
        ],
    ),
    (
        "plan-targets",
        {"region": "青溪区"},
        [
            {"region": "青溪区", "year": "2024", "measure": "地区生产总值", "value": "6"},
            {"value": "400", "unit": "亩"},
            {"value": "1.5", "unit": "万亩"},
        ],
    ),
    (
        "organizations-and-projects",
        {},
        [
            {"organization": "临江大学", "project": "青溪种业创新中心"},
            {"organization": "湘楚农业科学研究院", "project": "青溪种业创新中心"},
        ],
    ),
    (
        "project-metrics",
        {"project": "滨江智造产业园一期"},
        [{"project": "滨江智造产业园一期", "value": "42", "unit": "家", "kind": "actual"}],
    ),
    (
        "project-status-timeline",
        {"project": "芙蓉河大桥"},
        [
            {"project": "芙蓉河大桥", "year": "2023", "status": "ongoing", "section": "review"},
            {"project": "芙蓉河大桥", "year": "2024", "status": "planned", "section": "plan"},
        ],
    ),
    (
        "metric-search",
        {"keyword": "盘活"},
        [
            {"value": "326", "unit": "亩", "kind": "actual", "region": "青溪区"},
            {"value": "400", "unit": "亩", "kind": "target"},
        ],
    ),
    (
        "most-mentioned-entities",
        {"type": "Project"},
        [{"type": "Project", "entity": "芙蓉河大桥", "sentences": "2", "reports": "1"}],
    ),
    (
        "fact-provenance",
        {},
        [
            {
                "type": "Metric",
                "section": "一、2023年工作回顾",
                "report": "2024年青溪区人民政府工作报告",
                "file": "sample-report.txt",
                "tool_version": "0.0.0-test",
                "built": "2024-01-10T08:00:00Z",
            }
        ],
    ),
    (
        "report-overview",
        {},
        [
            {
                "report": "2024年青溪区人民政府工作报告",
                "region": "青溪区",
                "review_year": "2023",
                "plan_year": "2024",
                "file": "sample-report.txt",
            }
        ],
    ),
    (
        "compare-regions",
        {"measure": "地区生产总值"},
        [
            {"region": "青溪区", "year": "2023", "kind": "actual", "value": "6.2", "unit": "%"},
            {"region": "青溪区", "year": "2024", "kind": "target", "value": "6", "unit": "%"},
        ],
    ),
    (
        "places-and-projects",
        {"place": "青溪区"},
        # The report's own region, linked to its projects (how: by region, by sentence).
        [{"place": "青溪区"}],
    ),
    # A graph of one report has no outcomes: kg track writes them (tests/track/ asks these
    # queries of the State Council's series).
    ("plan-vs-outcome", {}, []),
    ("projects-followed-up", {"region": "青溪区"}, []),
    # The sample's 青溪区 is no real division, so nothing rolls up to a province: these two are
    # checked on real reports in tests/places/test_rollup_queries.py.
    ("projects-by-province", {}, []),
    ("metrics-by-province", {"measure": "地区生产总值"}, []),
]
QUERY_FILES = sorted(queries_dir().glob("*.rq"))


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(sample_graph().quads())
    return store


def rows(result: QueryResult) -> list[Row]:
    return [
        {
            name: (term.value if term is not None else "")
            for name, term in zip(result.variables, row, strict=True)
        }
        for row in result.rows
    ]


def header(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    lines = [line[2:] for line in text.splitlines() if line.startswith("# ")]
    fields = dict(re.findall(r"^(Question|Parameters|Columns): (.*)$", "\n".join(lines), re.M))
    return {"title": lines[0] if lines else "", **fields}


def test_there_are_at_least_eight_queries_and_each_has_a_case() -> None:
    assert len(QUERY_FILES) >= 8
    assert {p.stem for p in QUERY_FILES} == {name for name, _, _ in CASES}


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_each_query_is_documented(path: Path) -> None:
    doc = header(path)
    assert doc["title"] and doc["Question"] and doc["Parameters"] and doc["Columns"]
    assert re.search(r"[\u4e00-\u9fff]", path.read_text(encoding="utf-8").split("\n")[1])


@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=[c[0] for c in CASES])
def test_query_returns_its_expected_rows(
    store: ox.Store, name: str, params: dict[str, str], expected: list[Row]
) -> None:
    path = queries_dir() / f"{name}.rq"
    bindings = parse_bindings([f"{key}={value}" for key, value in params.items()])
    result = run_query(store, read_query(str(path)), bindings)
    documented = header(path)["Columns"].replace(",", " ").split()
    assert list(result.variables) == documented
    found = rows(result)
    for want in expected:
        present = any(all(row.get(k) == v for k, v in want.items()) for row in found)
        assert present, (want, found[:5])
    for key, value in params.items():  # a bound parameter restricts every row
        if key in result.variables:
            assert all(row[key] == value for row in found)


def test_a_bundled_query_is_found_by_name() -> None:
    bundled = (queries_dir() / "plan-targets.rq").read_text(encoding="utf-8")
    assert read_query("plan-targets") == bundled
    assert read_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(
    "value",
    ['滨江智造产业园" } UNION { ?entity ?p ?o', "x' . ?a ?b ?c #", "} ; DROP ALL ; {", "<bad iri"],
)
def test_parameter_values_are_bound_never_pasted(store: ox.Store, value: str) -> None:
    query = read_query("project-metrics")
    result = run_query(store, query, parse_bindings([f"project={value}"]))
    assert result.rows == ()
    assert len(store) == len(sample_graph().quads())


def test_a_parameter_the_query_cannot_bind_is_a_clear_error(store: ox.Store) -> None:
    with pytest.raises(ConfigError, match="cannot run the query"):
        run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", parse_bindings(["name=x"]))


@pytest.mark.parametrize("pair", ["noequals", "1bad=x", "=x", "a b=c"])
def test_malformed_parameters_are_refused(pair: str) -> None:
    with pytest.raises(ConfigError, match="NAME=VALUE"):
        parse_bindings([pair])


def test_iri_parameters_become_iris() -> None:
    bound = parse_bindings(["fact=<https://example.org/x>", "name=<plain"])
    assert bound["fact"] == ox.NamedNode("https://example.org/x")
    assert bound["name"] == ox.Literal("<plain")
