"""The queries of plans and outcomes (plan-vs-outcome, projects-followed-up) answer from an
Oxigraph server and from Virtuoso as from the embedded store, on the graph ``kg track`` writes
of the State Council's series."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.query import load_store, read_query
from kg.track import track
from tests.graphdb.endpoints import embedded_answer, remote_answer, rows
from tests.graphdb.servers import oxigraph_server, virtuoso_server
from tests.rdf.builds import FIXED_BUILD
from tests.test_cli import run
from tests.track.conftest import SERIES

GRAPH = "https://example.org/tracked"
CASES = [
    ("plan-vs-outcome", {}),
    ("plan-vs-outcome", {"region": "中华人民共和国", "verdict": "met"}),
    ("projects-followed-up", {}),
    ("projects-followed-up", {"status": "ongoing"}),
]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tracked")
    track([SERIES / "national"], out, build_info=FIXED_BUILD, use_cache=False)
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def oxigraph_tracked(tracked: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), union=True) as server:
        pushed = run("push", str(tracked), "--endpoint", f"{server}/store", "--graph", GRAPH)
        assert pushed.returncode == 0, pushed.stderr
        yield f"{server}/query"


@pytest.fixture(scope="module")
def virtuoso_tracked(tracked: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), allowed=[tracked.parent]) as server:
        server.isql(f"DB.DBA.TTLP_MT(file_to_string_output('{tracked.resolve()}'), '', '{GRAPH}');")
        yield f"{server.url}/sparql"


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
@pytest.mark.parametrize(("name", "params"), CASES, ids=lambda c: str(c))
def test_the_outcome_queries_answer_as_the_embedded_store(
    request: pytest.FixtureRequest, tracked: Path, server: str, name: str, params: dict[str, str]
) -> None:
    endpoint = request.getfixturevalue(f"{server}_tracked")
    local = embedded_answer(load_store([tracked]), name, params)
    remote = remote_answer(endpoint, name, params)
    assert local.rows
    assert remote.variables == local.variables
    query = read_query(name)
    assert rows(remote, query, virtuoso=server == "virtuoso") == rows(local, query)
