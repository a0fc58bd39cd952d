"""Checks every written graph must pass: it parses back the same with rdflib and pyoxigraph,
and each of its IRIs is valid (RFC 3987 as pyoxigraph checks it, and rdflib's own check)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.term import Node, _is_valid_uri

from kg.rdf.formats import RdfFormat, rdf_format_of

Quad = tuple[Node, Node, Node, Node | None]


def _to_rdflib(term: object) -> Node:
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    assert isinstance(term, pyoxigraph.Literal), term
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):  # RDF 1.1: a simple literal is an xsd:string
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _format(path: Path) -> RdfFormat:
    rdf_format = rdf_format_of(path)
    assert rdf_format is not None, path
    return rdf_format


def parse_with_rdflib(path: Path) -> tuple[Graph, set[Quad]]:
    """The merged graph of the file, and its quads (graph None for the default graph)."""
    rdf_format = _format(path)
    if not rdf_format.is_dataset:
        graph = Graph().parse(path, format=rdf_format.rdflib)
        return graph, {(s, p, o, None) for s, p, o in graph}
    dataset = Dataset()
    dataset.parse(path, format=rdf_format.rdflib)
    quads: set[Quad] = set()
    merged = Graph()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = None if g is None or g == dataset.default_graph.identifier else URIRef(str(g))
        quads.add((s, p, o, name))
        merged.add((s, p, o))
    return merged, quads


def parse_with_oxigraph(path: Path) -> tuple[Graph, set[Quad]]:
    merged = Graph()
    quads: set[Quad] = set()
    for quad in pyoxigraph.parse(path=str(path), format=_format(path).oxigraph):
        triple = (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
        merged.add(triple)
        named = isinstance(quad.graph_name, pyoxigraph.NamedNode)
        quads.add((*triple, _to_rdflib(quad.graph_name) if named else None))
    return merged, quads


def assert_same_graph(first: Graph, second: Graph) -> None:
    if isomorphic(first, second):
        return
    _, only_first, only_second = graph_diff(to_isomorphic(first), to_isomorphic(second))
    shown = sorted(only_first)[:5], sorted(only_second)[:5]
    raise AssertionError(f"graphs differ: only in first {shown[0]}, only in second {shown[1]}")


def invalid_iris(graph: Graph) -> list[str]:
    """IRIs of the graph (datatypes included) that pyoxigraph or rdflib reject."""
    iris: set[str] = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                iris.add(str(term))
            elif isinstance(term, Literal) and term.datatype is not None:
                iris.add(str(term.datatype))
    bad = []
    for iri in sorted(iris):
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            bad.append(iri)
            continue
        if not _is_valid_uri(iri):
            bad.append(iri)
    return bad


def check_written_graph(path: Path) -> Graph:
    """Parse ``path`` both ways, require the same graph (and the same named graphs, for TriG
    and N-Quads) and valid IRIs; return the merged graph."""
    by_rdflib, rdflib_quads = parse_with_rdflib(path)
    by_oxigraph, oxigraph_quads = parse_with_oxigraph(path)
    assert len(by_rdflib) > 0, f"{path} holds no triple"
    assert_same_graph(by_rdflib, by_oxigraph)
    if not any(isinstance(term, BNode) for quad in rdflib_quads for term in quad):
        assert rdflib_quads == oxigraph_quads
    assert invalid_iris(by_rdflib) == []
    return by_rdflib
