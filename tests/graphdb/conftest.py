"""The 31 provincial reports in the stores people run, started once a session.

Virtuoso gets them through the bulk path (``kg build -f virtuoso``, then its ``load.isql``),
the Oxigraph server through ``kg push`` (the Graph Store Protocol), and the embedded store
loads ``graph.nq`` as ``kg query graph.nq`` does: the answers of all three are compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import BuildSummary
from tests.graphdb.servers import Virtuoso, oxigraph_server, virtuoso_server
from tests.test_cli import run


@pytest.fixture(scope="session")
def virtuoso(
    provinces: tuple[BuildSummary, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Virtuoso]:
    """A Virtuoso holding the 31 reports, loaded by the script ``kg build -f virtuoso`` wrote."""
    _, out = provinces
    bulk = out / "virtuoso"
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso"), allowed=[bulk]) as server:
        server.load_output = server.isql(script=bulk / "load.isql")
        yield server


@pytest.fixture(scope="session")
def oxigraph_corpus(
    provinces: tuple[BuildSummary, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An Oxigraph server (union default graph) the 31 reports were pushed to with kg push."""
    _, out = provinces
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), union=True) as server:
        pushed = run("push", str(out / "graph.nq"), "--endpoint", f"{server}/store")
        assert pushed.returncode == 0, pushed.stderr
        yield server


@pytest.fixture(scope="session")
def embedded_corpus(provinces: tuple[BuildSummary, Path]) -> ox.Store:
    """The embedded store, as kg query corpus/graph.nq makes it."""
    _, out = provinces
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    return store
