"""``kg query`` is safe with hostile input: parameters are bound, never pasted into the query;
a store is opened read-only (an update is refused and changes nothing); a runaway query stops
on Ctrl-C, SIGTERM or --timeout although it runs inside pyoxigraph's native code."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.errors import ExitCode
from tests.conftest import SAMPLE
from tests.reliability.cli import KG, assert_one_line_error, run_kg

PROJECT = "滨江智造产业园一期"
INJECTIONS = [
    f'{PROJECT}" }} UNION {{ ?entity ?p ?o }} #',
    f"{PROJECT}' . ?a ?b ?c #",
    '"} ; DROP ALL ; {"',
    f"{PROJECT}\\u0022 }} UNION {{ ?entity ?p ?o }}",
    f"{PROJECT}\n}} UNION {{ ?entity ?p ?o }}",
]
UPDATES = [
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
    "DROP ALL",
    "CLEAR DEFAULT",
]
# Every triple with every triple with every triple: never finishes on the sample's graph.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("query")
    assert run_kg("build", SAMPLE, "-o", out, "-f", "turtle").returncode == 0
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def store(graph: Path) -> Path:
    directory = graph.parent / "store"
    assert run_kg("load", graph, "--store", directory).returncode == 0
    return directory


def _rows(*args: str | Path) -> list[str]:
    result = run_kg("query", *args, "--format", "csv")
    assert result.returncode == 0, result.stderr
    return result.stdout.decode().splitlines()[1:]


def test_a_parameter_selects_its_project(graph: Path) -> None:
    rows = _rows(graph, "project-metrics", "--param", f"project={PROJECT}")
    assert rows and all(row.startswith(f"{PROJECT},") for row in rows)


@pytest.mark.parametrize("value", INJECTIONS)
def test_hostile_parameters_are_values_not_query_text(graph: Path, value: str) -> None:
    assert _rows(graph, "project-metrics", "--param", f"project={value}") == []


@pytest.mark.parametrize("update", UPDATES)
def test_a_store_is_read_only_for_queries(store: Path, update: str) -> None:
    before = _rows("--store", store, COUNT)
    result = run_kg("query", "--store", store, update)
    assert_one_line_error(result, ExitCode.INPUT, "invalid SPARQL query")
    assert _rows("--store", store, COUNT) == before


def test_a_runaway_query_stops_at_its_timeout(store: Path) -> None:
    result = run_kg("query", "--store", store, RUNAWAY, "--timeout", "0.5")
    assert_one_line_error(result, ExitCode.ERROR, "stopped after 0.5 s (--timeout)")


@pytest.mark.parametrize(
    ("stop", "message"),
    [(signal.SIGINT, "kg: interrupted"), (signal.SIGTERM, "kg: stopped by SIGTERM")],
)
def test_a_runaway_query_stops_on_a_signal(store: Path, stop: signal.Signals, message: str) -> None:
    process = subprocess.Popen(
        [KG, "query", "--store", str(store), RUNAWAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _wait_for_a_second_thread(process)  # the query runs in a helper thread: it has started
    process.send_signal(stop)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + stop
    assert stdout == b""
    assert stderr.decode().splitlines() == [message]


def _wait_for_a_second_thread(process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while len(os.listdir(f"/proc/{process.pid}/task")) < 2:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.2)
