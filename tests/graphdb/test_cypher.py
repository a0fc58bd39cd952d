"""The Neo4j import files of the 31 provincial reports, loaded into LadybugDB (an embedded
Cypher engine): every resource is there, and the Cypher versions of three bundled questions
answer as SPARQL does on the merged graph the files were written from."""

from __future__ import annotations

import csv
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from kg.build import BuildSummary
from kg.errors import InputError, OutputError
from kg.query import parse_bindings, read_query, run_query
from kg.store.ladybug import CypherLoadSummary, cypher, cypher_query, load_neo4j_export

QUESTIONS = ["completed-projects-by-place", "organizations-and-projects", "project-metrics"]
CASES: list[tuple[str, str, str]] = [  # question, parameter, value ("" for every row)
    ("completed-projects-by-place", "region", ""),
    ("completed-projects-by-place", "region", "上海市"),
    ("organizations-and-projects", "organization", ""),
    ("organizations-and-projects", "organization", "中国雅江集团"),
    ("project-metrics", "project", ""),
    ("project-metrics", "project", "深汕比亚迪二期"),
]


@pytest.fixture(scope="module")
def ladybug_corpus(
    provinces: tuple[BuildSummary, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, CypherLoadSummary]:
    _, out = provinces
    database = tmp_path_factory.mktemp("ladybug") / "corpus.lbdb"
    return database, load_neo4j_export(out / "neo4j", database)


@pytest.fixture(scope="module")
def merged(provinces: tuple[BuildSummary, Path]) -> ox.Store:
    """The merged graph (graph.ttl), which the Neo4j files are written from."""
    _, out = provinces
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    return store


def cell(value: Any) -> str:
    """A value as text; numbers by value (SPARQL's decimal 81 is Cypher's double 81.0)."""
    if value is None:
        return ""
    text = value.value if isinstance(value, ox.Literal) else str(value)
    if isinstance(value, int | float | ox.Literal):
        try:
            return format(Decimal(text).normalize(), "f")
        except InvalidOperation:
            pass
    return text


def test_every_resource_and_link_is_loaded(
    provinces: tuple[BuildSummary, Path],
    ladybug_corpus: tuple[Path, CypherLoadSummary],
    merged: ox.Store,
) -> None:
    _, out = provinces
    database, summary = ladybug_corpus
    with (out / "neo4j" / "relationships.csv").open(encoding="utf-8") as handle:
        assert summary.relationships >= sum(1 for _ in handle) - 1
    for label in ["Report", "Project", "Place", "Organization", "Action", "Metric", "Sentence"]:
        # A node is labelled by its types' local names: schema:Place (a division the reports
        # do not name, only their places' parents) is a :Place too.
        types = "grk:Place schema:Place" if label == "Place" else f"grk:{label}"
        sparql = f"SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ VALUES ?t {{ {types} }} ?r a ?t }}"
        expected = int(run_query(merged, sparql).rows[0][0].value)  # type: ignore[union-attr]
        _, rows = cypher(database, f"MATCH (n:{label}) RETURN count(*)")
        assert rows == [[expected]], label
    # Each link once between the labels it joins: completed actions and their projects.
    sparql = """SELECT (COUNT(*) AS ?n) WHERE {
      ?a schema:actionStatus schema:CompletedActionStatus ; schema:object ?p . ?p a grk:Project }"""
    expected = int(run_query(merged, sparql).rows[0][0].value)  # type: ignore[union-attr]
    _, rows = cypher(
        database,
        "MATCH (a:Action)-[:OBJECT]->(:Project) WHERE a.actionStatus = 'CompletedActionStatus' "
        "RETURN count(*)",
    )
    assert rows == [[expected]]


@pytest.mark.parametrize(("name", "parameter", "value"), CASES, ids=lambda v: v or "all")
def test_cypher_question_answers_as_sparql(
    ladybug_corpus: tuple[Path, CypherLoadSummary],
    merged: ox.Store,
    name: str,
    parameter: str,
    value: str,
) -> None:
    database, _ = ladybug_corpus
    columns, found = cypher(database, cypher_query(name), {parameter: value})
    bindings = parse_bindings([f"{parameter}={value}"] if value else [])
    answer = run_query(merged, read_query(name), bindings)
    assert columns == list(answer.variables)
    assert found, "a case that gives no rows compares nothing"
    as_cypher = Counter(tuple(cell(v) for v in row) for row in found)
    as_sparql = Counter(tuple(cell(v) for v in row) for row in answer.rows)
    assert as_cypher == as_sparql


@pytest.mark.parametrize("name", QUESTIONS)
def test_cypher_questions_are_documented(name: str) -> None:
    text = cypher_query(name)
    header = dict(re.findall(r"^// (Question|Parameters|Columns): (.*)$", text, re.M))
    assert set(header) == {"Question", "Parameters", "Columns"}
    assert re.search(r"[\u4e00-\u9fff]", text.splitlines()[1])
    rq = read_query(name)
    assert header["Columns"] == re.search(r"^# Columns: (.*)$", rq, re.M).group(1)  # type: ignore[union-attr]


def test_loading_needs_the_files_and_a_new_database(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no Neo4j import files"):
        load_neo4j_export(tmp_path, tmp_path / "db")
    (tmp_path / "nodes-Project.csv").write_text("iri:ID,:LABEL,label:string\n", encoding="utf-8")
    (tmp_path / "relationships.csv").write_text(":START_ID,:END_ID,:TYPE\n", encoding="utf-8")
    (tmp_path / "db").mkdir()
    with pytest.raises(OutputError, match="exists"):
        load_neo4j_export(tmp_path, tmp_path / "db")


def test_types_arrays_and_a_node_with_two_labels(tmp_path: Path) -> None:
    rows = [
        ["iri:ID", ":LABEL", "label:string", "altLabel:string[]", "year:long"],
        ["x:1", "Place;Project;Resource", "甲", "a|b", "2025"],
        ["x:2", "Project;Resource", "乙", "", ""],
    ]
    with (tmp_path / "nodes-Place-Project.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    with (tmp_path / "relationships.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[":START_ID", ":END_ID", ":TYPE"], ["x:2", "x:1", "NEAR"]])
    summary = load_neo4j_export(tmp_path, tmp_path / "db")
    assert (summary.nodes, summary.node_tables, summary.relationships) == (3, 2, 2)
    _, found = cypher(tmp_path / "db", "MATCH (p:Project) RETURN p.label, p.altLabel, p.year")
    assert sorted(found, key=str) == [["乙", None, None], ["甲", ["a", "b"], 2025]]
    _, near = cypher(tmp_path / "db", "MATCH (:Project)-[:NEAR]->(b:Place) RETURN b.label")
    assert near == [["甲"]]
