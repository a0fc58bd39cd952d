"""The embedded store (kg load, kg query --store) and kg push to a real Oxigraph server."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.errors import ExitCode
from kg.rdf.namespaces import GRK
from tests.conftest import SAMPLE
from tests.graphdb.servers import oxigraph_server
from tests.test_cli import run

COUNT_BY_REPORT = """
SELECT ?file (COUNT(?metric) AS ?metrics) WHERE {
  ?metric a grk:Metric ; prov:wasDerivedFrom/grk:inReport ?report .
  ?report grk:sourceFile ?file .
} GROUP BY ?file ORDER BY ?file
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two reports built once: graph.nq (named graphs) and graph.ttl (merged)."""
    root = tmp_path_factory.mktemp("corpus")
    text = SAMPLE.read_text(encoding="utf-8")
    for index in range(2):
        (root / f"r{index}.txt").write_text(f"第{index}号\n{text}", encoding="utf-8")
    build([root], root / "out", formats=("nquads", "turtle"), use_cache=False)
    return root / "out"


def metrics_by_file(rows: list[dict[str, str]]) -> dict[str, int]:
    return {row["file"]: int(row["metrics"]) for row in rows}


def csv_rows(text: str) -> list[dict[str, str]]:
    header, *lines = text.strip().splitlines()
    names = header.split(",")
    return [dict(zip(names, line.split(","), strict=True)) for line in lines]


def test_load_then_query_the_store_by_group(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "db"
    loaded = run("load", str(corpus / "graph.nq"), "--store", str(store))
    assert loaded.returncode == 0, loaded.stderr
    assert "2 named graph(s)" in loaded.stdout
    result = run("query", "--store", str(store), COUNT_BY_REPORT, "--format", "csv")
    assert result.returncode == 0, result.stderr
    counts = metrics_by_file(csv_rows(result.stdout))
    assert set(counts) == {"r0.txt", "r1.txt"}
    assert counts["r0.txt"] == counts["r1.txt"] > 10
    # The same query over the merged Turtle file gives the same answer.
    direct = run("query", str(corpus / "graph.ttl"), COUNT_BY_REPORT, "--format", "csv")
    assert metrics_by_file(csv_rows(direct.stdout)) == counts


def test_store_keeps_one_named_graph_per_report(corpus: Path, tmp_path: Path) -> None:
    assert run("load", str(corpus / "graph.nq"), "--store", str(tmp_path / "db")).returncode == 0
    store = ox.Store.read_only(str(tmp_path / "db"))
    graphs = {g.value for g in store.named_graphs()}
    assert len(graphs) == 2
    for graph in graphs:  # each report's graph holds that report and no other
        reports = store.query(f"SELECT ?r WHERE {{ GRAPH <{graph}> {{ ?r a <{GRK.Report}> }} }}")
        assert [row["r"].value for row in reports] == [graph]  # type: ignore[union-attr]
    assert all("/report/" in iri for iri in graphs)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("query", "--store", "MISSING", "ASK {}"), ExitCode.INPUT, "is not a store"),
        (("load", "MISSING.ttl", "--store", "DB"), ExitCode.INPUT, "no such file"),
        (("load", "BAD.ttl", "--store", "DB"), ExitCode.INPUT, "not valid"),
        (("load", "FILE.csv", "--store", "DB"), ExitCode.INPUT, "unknown graph file extension"),
        (("query", "GOOD.ttl", "SELECT WHERE"), ExitCode.INPUT, "invalid SPARQL"),
        (("push", "GOOD.ttl", "--endpoint", "ftp://x/"), ExitCode.CONFIG, "not an http(s) URL"),
        (
            ("push", "GOOD.ttl", "--endpoint", "http://127.0.0.1:9/store"),
            ExitCode.SERVER,
            "cannot connect",
        ),
    ],
)
def test_bad_store_input_gives_one_line(
    tmp_path: Path, args: tuple[str, ...], code: ExitCode, message: str
) -> None:
    (tmp_path / "BAD.ttl").write_text("<a> <b> .", encoding="utf-8")
    (tmp_path / "GOOD.ttl").write_text("<http://a> <http://b> <http://c> .", encoding="utf-8")
    (tmp_path / "FILE.csv").write_text("a,b", encoding="utf-8")
    names = {"MISSING", "MISSING.ttl", "BAD.ttl", "FILE.csv", "DB", "GOOD.ttl"}
    result = run(*(str(tmp_path / a) if a in names else a for a in args))
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def sparql(server: str, query: str) -> list[dict[str, str]]:
    request = urllib.request.Request(
        f"{server}/query?" + urllib.parse.urlencode({"query": query}),
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        bindings = json.load(response)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


def test_push_to_a_real_oxigraph_server(corpus: Path, tmp_path: Path) -> None:
    local = ox.Store()
    local.load(path=str(corpus / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    with oxigraph_server(tmp_path / "server") as server:
        pushed = run("push", str(corpus / "graph.nq"), "--endpoint", f"{server}/store")
        assert pushed.returncode == 0, pushed.stderr
        assert f"pushed {len(local)} triples in 2 graph(s)" in pushed.stdout
        graphs = sparql(
            server, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        expected = {
            g.value: sum(1 for _ in local.quads_for_pattern(None, None, None, g))
            for g in local.named_graphs()
        }
        assert {row["g"]: int(row["n"]) for row in graphs} == expected

        # Pushing again adds nothing new (a graph is a set); --replace puts the same back.
        assert (
            run("push", str(corpus / "graph.nq"), "--endpoint", f"{server}/store").returncode == 0
        )
        again = run("push", str(corpus / "graph.nq"), "--endpoint", f"{server}/store", "--replace")
        assert again.returncode == 0, again.stderr
        total = sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert int(total[0]["n"]) == len(local)

        # A Turtle file goes to the named graph given with --graph.
        merged = run(
            "push",
            str(corpus / "graph.ttl"),
            "--endpoint",
            f"{server}/store",
            "--graph",
            "https://example.org/merged",
        )
        assert merged.returncode == 0, merged.stderr
        rows = sparql(
            server,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/merged> { ?s ?p ?o } }",
        )
        assert int(rows[0]["n"]) == len(
            ox.Store() if False else list(ox.parse(path=str(corpus / "graph.ttl")))
        )
