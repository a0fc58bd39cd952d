"""Virtuoso: the bulk path on the 31 provincial reports, and kg push with HTTP Digest."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import BuildSummary, build
from kg.errors import ExitCode
from kg.query.remote import run_remote_query
from tests.conftest import SAMPLE
from tests.graphdb.endpoints import kg
from tests.graphdb.servers import Virtuoso

REPORTS = "https://w3id.org/govreport-kg/id/report/"
TRIPLES_BY_GRAPH = f"""
SELECT ?g (COUNT(*) AS ?n) WHERE {{
  GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{REPORTS}"))
}} GROUP BY ?g
"""


def triples_by_graph(endpoint: str) -> dict[str, int]:
    result = run_remote_query(endpoint, TRIPLES_BY_GRAPH)
    return {row[0].value: int(row[1].value) for row in result.rows}  # type: ignore[union-attr]


def local_triples_by_graph(path: Path) -> dict[str, int]:
    return dict(Counter(q.graph_name.value for q in ox.parse(path=str(path))))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two small reports (the sample, numbered) built to N-Quads: graphs the corpus has not."""
    root = tmp_path_factory.mktemp("two")
    text = SAMPLE.read_text(encoding="utf-8")
    for index in range(2):
        (root / f"r{index}.txt").write_text(f"第{index}号\n{text}", encoding="utf-8")
    build([root], root / "out", formats=("nquads",), use_cache=False)
    return root / "out" / "graph.nq"


def test_bulk_script_loads_every_report_into_its_graph(
    provinces: tuple[BuildSummary, Path], virtuoso: Virtuoso
) -> None:
    _, out = provinces
    assert "0 Rows." in virtuoso.load_output.split("checkpoint")[-1]  # no file failed
    files = sorted((out / "virtuoso").glob("*.nq"))
    assert len(files) == 31
    expected = local_triples_by_graph(out / "graph.nq")
    assert len(expected) == 31
    assert triples_by_graph(f"{virtuoso.url}/sparql") == expected
    for path in files:  # each file holds one report's graph
        assert len(local_triples_by_graph(path)) == 1


def test_push_sends_each_report_graph_with_digest_authentication(
    virtuoso: Virtuoso, two_reports: Path
) -> None:
    endpoint = f"{virtuoso.url}/sparql-graph-crud-auth"
    expected = local_triples_by_graph(two_reports)
    try:
        pushed = kg("push", str(two_reports), "--endpoint", endpoint, "--user", "dba",
                    password=virtuoso.password)  # fmt: skip
        assert pushed.returncode == 0, pushed.stderr
        assert f"pushed {sum(expected.values())} triples in 2 graph(s)" in pushed.stdout
        assert virtuoso.password not in pushed.stdout + pushed.stderr
        counts = triples_by_graph(f"{virtuoso.url}/sparql")
        assert {graph: counts.get(graph) for graph in expected} == expected
        # --replace puts each graph back as it is (PUT), not twice.
        again = kg("push", str(two_reports), "--endpoint", endpoint, "--user", "dba", "--replace",
                   password=virtuoso.password)  # fmt: skip
        assert again.returncode == 0, again.stderr
        counts = triples_by_graph(f"{virtuoso.url}/sparql")
        assert {graph: counts.get(graph) for graph in expected} == expected
    finally:  # the other tests see the 31 reports alone
        for graph in expected:
            virtuoso.gsp_delete(graph)
    assert not set(expected) & set(triples_by_graph(f"{virtuoso.url}/sparql"))


@pytest.mark.parametrize(
    ("args", "password", "code", "message"),
    [
        (("--user", "dba"), "wrong-password", ExitCode.SERVER, "this password were refused"),
        ((), None, ExitCode.SERVER, "the server asks for a user: give --user"),
        (("--user", "dba"), None, ExitCode.CONFIG, "set KG_ENDPOINT_PASSWORD"),
    ],
    ids=["bad-password", "no-user", "no-password-no-terminal"],
)
def test_refused_credentials_give_one_line(
    virtuoso: Virtuoso,
    two_reports: Path,
    args: tuple[str, ...],
    password: str | None,
    code: ExitCode,
    message: str,
) -> None:
    endpoint = f"{virtuoso.url}/sparql-graph-crud-auth"
    result = kg("push", str(two_reports), "--endpoint", endpoint, *args, password=password)
    assert result.returncode == code, result.stderr
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert "wrong-password" not in result.stderr
    query = kg("query", "--endpoint", f"{virtuoso.url}/sparql-auth", "ASK { ?s ?p ?o }", *args,
               password=password)  # fmt: skip
    assert query.returncode == code and message in query.stderr, query.stderr
    assert len(query.stderr.splitlines()) == 1


def test_credentials_in_the_url_are_refused_and_not_repeated(virtuoso: Virtuoso) -> None:
    url = f"http://dba:{virtuoso.password}@127.0.0.1:{virtuoso.http_port}/sparql"
    result = kg("query", "--endpoint", url, "ASK { ?s ?p ?o }")
    assert result.returncode == ExitCode.CONFIG
    assert "--user" in result.stderr and virtuoso.password not in result.stderr


def test_query_with_the_password_from_the_environment(virtuoso: Virtuoso) -> None:
    result = kg("query", "--endpoint", f"{virtuoso.url}/sparql-auth", "--user", "dba",
                "SELECT (COUNT(*) AS ?n) WHERE { ?r a grk:Report }", "--format", "csv",
                password=virtuoso.password)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["n", "31"]
