"""Same input, same graph: byte for byte with a fixed build time, whatever the input order."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import PROV

from kg.build import build
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.graph import report_triples
from kg.rdf.provenance import BuildInfo
from tests.conftest import SAMPLE, SEED
from tests.rdf.builds import FIXED_BUILD, extraction

FORMATS = ["turtle", "ntriples", "jsonld", "trig", "nquads"]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    build([SAMPLE, SEED], first, formats=FORMATS, build_info=FIXED_BUILD)
    build([SEED, SAMPLE], second, formats=FORMATS, build_info=FIXED_BUILD)
    return first, second


@pytest.mark.parametrize("name", FORMATS)
def test_two_builds_write_the_same_bytes(two_builds: tuple[Path, Path], name: str) -> None:
    first, second = two_builds
    files = sorted(first.glob("graph.*"))
    assert len(files) == len(FORMATS)
    for path in files:
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def without_build_time(graph: Graph) -> Graph:
    graph.remove((None, PROV.endedAtTime, None))
    return graph


def test_builds_at_other_times_differ_only_in_the_build_time() -> None:
    later = BuildInfo(FIXED_BUILD.tool_version, datetime(2030, 6, 1, tzinfo=UTC))
    graphs = [
        KnowledgeGraph.of([report_triples(extraction(SAMPLE), build=info)]).to_rdflib()
        for info in (FIXED_BUILD, later)
    ]
    _, only_first, only_second = graph_diff(to_isomorphic(graphs[0]), to_isomorphic(graphs[1]))
    assert {p for _, p, _ in only_first} == {PROV.endedAtTime}
    assert {p for _, p, _ in only_second} == {PROV.endedAtTime}
    assert isomorphic(without_build_time(graphs[0]), without_build_time(graphs[1]))
