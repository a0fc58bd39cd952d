"""The merged corpus graph of the 31 provincial reports conforms to the shapes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph

from kg.build import BuildSummary
from kg.rdf.namespaces import GRK
from kg.rdf.validate import validate_graph


@pytest.fixture(scope="module")
def corpus(provinces: tuple[BuildSummary, Path]) -> tuple[BuildSummary, Path]:
    return provinces  # built once a session (tests/conftest.py), shared with tests/graphdb


def test_merged_corpus_graph_conforms_to_the_shapes(corpus: tuple[BuildSummary, Path]) -> None:
    summary, out = corpus
    graph = Graph().parse(out / "graph.ttl")
    assert len(graph) == summary.triples
    result = validate_graph(graph)
    assert result.conforms, result.summary()
    assert len(set(graph.subjects(RDF.type, GRK.Report))) == 31


def test_corpus_dataset_has_a_named_graph_per_report(corpus: tuple[BuildSummary, Path]) -> None:
    summary, out = corpus
    assert len(summary.inputs) == 31 and not summary.skipped
    graphs: dict[str, int] = {}
    for quad in ox.parse(path=str(out / "graph.nq")):
        assert isinstance(quad.graph_name, ox.NamedNode)
        graphs[quad.graph_name.value] = graphs.get(quad.graph_name.value, 0) + 1
    assert len(graphs) == 31
    assert all(count > 1000 for count in graphs.values())
