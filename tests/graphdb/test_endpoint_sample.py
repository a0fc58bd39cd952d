"""kg query --endpoint on the sample report: every bundled query answers as the embedded store
does (the queries too slow on the corpus today included), through the real kg command, and a
dead, silent or refusing server is one line and exit 8."""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import ExitCode
from kg.query import load_store, read_query
from tests.conftest import SAMPLE
from tests.graphdb.endpoints import embedded_answer, kg, remote_answer, rows
from tests.graphdb.servers import Virtuoso, oxigraph_server, virtuoso_server
from tests.graphdb.test_endpoint_queries import TRACK_QUERIES
from tests.query.test_queries import CASES
from tests.rdf.builds import FIXED_BUILD
from tests.test_cli import run


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    formats = ("nquads", "virtuoso")
    build([SAMPLE], out, formats=formats, build_info=FIXED_BUILD, use_cache=False)
    return out


@pytest.fixture(scope="module")
def sample_nq(sample_out: Path) -> Path:
    return sample_out / "graph.nq"


@pytest.fixture(scope="module")
def oxigraph_sample(sample_nq: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), union=True) as server:
        assert run("push", str(sample_nq), "--endpoint", f"{server}/store").returncode == 0
        yield server


@pytest.fixture(scope="module")
def virtuoso_sample(
    sample_out: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Virtuoso]:
    bulk = sample_out / "virtuoso"
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), allowed=[bulk]) as server:
        server.isql(script=bulk / "load.isql")
        yield server


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
@pytest.mark.parametrize(
    ("name", "params"), [(c[0], c[1]) for c in CASES], ids=[c[0] for c in CASES]
)
def test_every_bundled_query_answers_as_the_embedded_store(
    request: pytest.FixtureRequest, sample_nq: Path, server: str, name: str, params: dict[str, str]
) -> None:
    if server == "virtuoso":
        endpoint = f"{request.getfixturevalue('virtuoso_sample').url}/sparql"
    else:
        endpoint = f"{request.getfixturevalue('oxigraph_sample')}/query"
    store = load_store([sample_nq])
    for bound in ({}, params):
        local = embedded_answer(store, name, bound)
        remote = remote_answer(endpoint, name, bound)
        assert remote.variables == local.variables
        query = read_query(name)
        assert rows(remote, query, virtuoso=server == "virtuoso") == rows(local, query)
    # One report has no outcomes of plans (test_endpoint_track.py asks a tracked series), and the
    # sample's region is no real division: nothing rolls up to a province there (the roll-ups
    # answer on the corpus in test_endpoint_queries.py).
    assert local.rows or name in (*TRACK_QUERIES, "projects-by-province", "metrics-by-province")


def test_kg_query_endpoint_prints_the_report_overview(oxigraph_sample: str) -> None:
    result = run("query", "--endpoint", f"{oxigraph_sample}/query", "report-overview")
    assert result.returncode == 0, result.stderr
    assert "2024年青溪区人民政府工作报告" in result.stdout and "(1 row)" in result.stdout
    as_csv = run("query", "--endpoint", f"{oxigraph_sample}/query", "project-metrics",
                 "-p", "project=滨江智造产业园一期", "--format", "csv")  # fmt: skip
    assert as_csv.returncode == 0, as_csv.stderr
    assert "滨江智造产业园一期,42,家" in as_csv.stdout


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers (for 20 s at most)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(20)
    done = threading.Event()

    def hold() -> None:
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            done.wait(20)

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        done.set()
        listener.close()
        thread.join(25)


def test_a_silent_server_times_out_in_one_line(silent_server: int) -> None:
    endpoint = f"http://127.0.0.1:{silent_server}/query"
    result = run("query", "--endpoint", endpoint, "report-overview", "--timeout", "1")
    assert result.returncode == ExitCode.SERVER
    assert result.stderr.startswith("kg: error:") and "no answer within 1 s" in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("endpoint", "query", "message"),
    [
        ("http://127.0.0.1:9/query", "report-overview", "cannot connect"),
        ("{oxigraph}/query", "SELECT ?x WHERE { ?x", "query failed (400)"),
        ("{oxigraph}/nowhere", "report-overview", "not found (404)"),
        ("{virtuoso}/sparql", "SELECT ?x WHERE { ?x", "SPARQL compiler"),
    ],
    ids=["dead", "bad-query-oxigraph", "wrong-path", "bad-query-virtuoso"],
)
def test_a_server_that_cannot_answer_gives_one_line(
    oxigraph_sample: str, virtuoso_sample: Virtuoso, endpoint: str, query: str, message: str
) -> None:
    url = endpoint.format(oxigraph=oxigraph_sample, virtuoso=virtuoso_sample.url)
    result = run("query", "--endpoint", url, query)
    assert result.returncode == ExitCode.SERVER, result.stderr
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_endpoint_excludes_graph_files_and_store(oxigraph_sample: str, sample_nq: Path) -> None:
    result = run("query", str(sample_nq), "--endpoint", f"{oxigraph_sample}/query", "ASK {}")
    assert result.returncode == ExitCode.USAGE and "not several" in result.stderr


def test_hostile_values_match_nothing(oxigraph_sample: str, virtuoso_sample: Virtuoso) -> None:
    for value in ['滨江智造产业园一期" } UNION { ?entity ?p ?o } #', 'a\\" . ?s ?p ?o', "\n}"]:
        for endpoint in (f"{oxigraph_sample}/query", f"{virtuoso_sample.url}/sparql"):
            assert remote_answer(endpoint, "project-metrics", {"project": value}).rows == ()


class _CutsAtTwoRows(http.server.BaseHTTPRequestHandler):
    """Answers as Virtuoso does when its ResultSetMaxRows (here 2) cut the rows."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        cell = {"type": "literal", "value": "x"}
        results = {"head": {"vars": ["s"]}, "results": {"bindings": [{"s": cell}] * 2}}
        body = json.dumps(results).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("X-SPARQL-MaxRows", "2")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_a_cut_answer_is_said_on_standard_error() -> None:
    with local_server(_CutsAtTwoRows) as endpoint:
        result = run("query", "--endpoint", endpoint, "SELECT ?s WHERE { ?s ?p ?o }")
    assert result.returncode == 0, result.stderr
    assert "(2 rows)" in result.stdout
    assert "cut the answer at 2 rows" in result.stderr and len(result.stderr.splitlines()) == 1


class _AsksForAToken(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Bearer realm="sparql"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def local_server(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """An HTTP server on 127.0.0.1 answering with ``handler``; its /sparql URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def test_an_authentication_kg_does_not_speak_is_one_line() -> None:
    with local_server(_AsksForAToken) as endpoint:
        for user in ((), ("--user", "someone")):
            result = kg("query", "--endpoint", endpoint, "ASK {}", *user, password="secret")
            assert result.returncode == ExitCode.SERVER, result.stderr
            assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
            assert "secret" not in result.stderr
    assert "other than Digest or Basic" in result.stderr
