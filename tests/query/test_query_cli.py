"""``kg query`` and ``kg validate`` through the real console script."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import ExitCode
from tests.conftest import SAMPLE
from tests.rdf.builds import FIXED_BUILD

KG = str(Path(sys.executable).with_name("kg"))


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graphs")
    build([SAMPLE], out, formats=["turtle", "nquads", "jsonld"], build_info=FIXED_BUILD)
    return out


def test_query_prints_a_table(graphs: Path) -> None:
    result = kg("query", str(graphs / "graph.ttl"), "plan-targets")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split(" | ")[0].strip() == "region"
    assert "地区生产总值" in result.stdout
    assert lines[-1].endswith("rows)")


def test_query_csv_and_json_agree(graphs: Path) -> None:
    query = "SELECT ?label WHERE { ?p a grk:Project ; rdfs:label ?label } ORDER BY ?label"
    as_csv = kg("query", str(graphs / "graph.ttl"), query, "--format", "csv")
    as_json = kg("query", str(graphs / "graph.ttl"), query, "--format", "json")
    assert as_csv.returncode == 0 and as_json.returncode == 0, as_csv.stderr + as_json.stderr
    csv_rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    results = json.loads(as_json.stdout)
    assert csv_rows[0] == ["label"] == results["head"]["vars"]
    json_labels = [b["label"]["value"] for b in results["results"]["bindings"]]
    assert [row[0] for row in csv_rows[1:]] == json_labels
    assert "芙蓉河大桥" in json_labels
    assert results["results"]["bindings"][0]["label"]["xml:lang"] == "zh"


def test_query_reads_rq_files_and_binds_parameters(graphs: Path) -> None:
    rq = Path(__file__).resolve().parents[2] / "ontology" / "queries" / "project-metrics.rq"
    result = kg("query", str(graphs / "graph.nq"), str(rq), "-p", "project=滨江智造产业园")
    assert result.returncode == 0, result.stderr
    assert ("42" in result.stdout and "(1 row)" in result.stdout) or "rows)" in result.stdout


def test_query_over_several_files_sees_their_union(graphs: Path) -> None:
    query = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a grk:Report }"
    files = [str(graphs / name) for name in ("graph.ttl", "graph.nq", "graph.jsonld")]
    result = kg("query", *files, query, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["n", "1"]


def test_ask_and_construct(graphs: Path) -> None:
    ask = kg("query", str(graphs / "graph.ttl"), "ASK { ?a a grk:Action }")
    assert ask.stdout.strip() == "true"
    construct = kg(
        "query",
        str(graphs / "graph.ttl"),
        "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a grk:Project ; rdfs:label ?l }",
    )
    assert construct.returncode == 0 and "rdfs:label" in construct.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("GRAPH", "SELECT ?x WHERE {"), "invalid SPARQL query"),
        (("/nonexistent/graph.ttl", "SELECT * WHERE { ?s ?p ?o }"), "no such file"),
        (("GRAPH",), "at least one GRAPH"),
        (("GRAPH", "missing.rq"), "no such query file"),
        (("GRAPH", "SELECT ?s WHERE { ?s ?p ?o }", "-p", "oops"), "NAME=VALUE"),
        (("README.md", "SELECT * WHERE { ?s ?p ?o }"), "unknown graph file extension"),
    ],
)
def test_query_errors_are_one_line(graphs: Path, args: tuple[str, ...], message: str) -> None:
    args = tuple(str(graphs / "graph.ttl") if a == "GRAPH" else a for a in args)
    result = kg("query", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 4  # click adds usage lines


def test_validate_a_good_graph(graphs: Path) -> None:
    result = kg("validate", str(graphs / "graph.ttl"), str(graphs / "graph.nq"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("conforms")


def test_validate_a_broken_graph_lists_violations(graphs: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    text = (graphs / "graph.ttl").read_text(encoding="utf-8")
    text = text.replace("schema:CompletedActionStatus", "schema:FailedActionStatus", 1)
    text = text.replace('"sample-report.txt"', '"sample-report.txt", "again.txt"')
    broken.write_text(text, encoding="utf-8")
    result = kg("validate", str(broken))
    assert result.returncode == 1
    assert "does not conform" in result.stdout
    assert "schema:actionStatus" in result.stdout and "grk:sourceFile" in result.stdout
    assert "action:" in result.stdout  # focus nodes as prefixed names
    assert "Traceback" not in result.stderr


def test_validate_an_unparsable_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = kg("validate", str(bad))
    assert result.returncode == ExitCode.INPUT  # unreadable input; 1 means "does not conform"
    assert "not valid turtle" in result.stderr and "Traceback" not in result.stderr


def test_a_table_cuts_long_text_but_in_its_last_column() -> None:
    import pyoxigraph as ox

    from kg.query.output import CELL_COLUMNS, format_result
    from kg.query.run import QueryResult

    sentence = (
        "扎实推进污染防治攻坚，完成芙蓉河支流黑臭水体整治8.5公里，青溪污水处理厂三期建成。" * 2
    )
    checksum = "8acddbc8cee3e61d5756c609d77d6dde20906ddece70eb96b4af18228a2e7f3"
    row = (ox.Literal(sentence), ox.Literal(checksum), ox.Literal(sentence))
    table = format_result(QueryResult("select", ("text", "checksum", "last"), (row,)), "table")
    _, rule, line, count = table.splitlines()
    first = line.split(" | ")[0]
    assert first.endswith("…") and sentence.startswith(first[:-1])
    assert len(rule.split("-+-")[0]) == CELL_COLUMNS  # the column is as wide as the cut text
    assert checksum in line  # ASCII (IRIs, checksums) is never cut
    assert line.endswith(sentence)  # the last column is whole
    assert count == "(1 row; long cells cut, --format csv gives them whole)"
    as_csv = format_result(QueryResult("select", ("text", "checksum", "last"), (row,)), "csv")
    assert as_csv.splitlines()[1].startswith(sentence)
