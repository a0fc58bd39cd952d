"""Checks every written graph must pass: it parses back the same with rdflib and pyoxigraph,
and each of its IRIs is valid (RFC 3987 as pyoxigraph checks it, and rdflib's own check)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pyoxigraph
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.term import Node, _is_valid_uri

# File suffix -> (rdflib parser name, pyoxigraph format) of the RDF formats a build may write.
RDF_SUFFIXES = {
    ".ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    ".nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    ".nq": ("nquads", pyoxigraph.RdfFormat.N_QUADS),
    ".trig": ("trig", pyoxigraph.RdfFormat.TRIG),
    ".rdf": ("xml", pyoxigraph.RdfFormat.RDF_XML),
    ".owl": ("xml", pyoxigraph.RdfFormat.RDF_XML),
}


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


def parse_both(path: Path) -> tuple[Graph, Graph]:
    """The file parsed by rdflib, and by pyoxigraph (its triples as an rdflib graph)."""
    rdflib_format, oxigraph_format = RDF_SUFFIXES[path.suffix]
    with warnings.catch_warnings():
        # rdflib's own TriG, N-Quads and JSON-LD parsers call its deprecated graph APIs.
        warnings.simplefilter("ignore", DeprecationWarning)
        if rdflib_format in {"trig", "nquads"}:  # named graphs: their union, via a Dataset
            dataset = Dataset()
            dataset.parse(path, format=rdflib_format)
            by_rdflib = Graph()
            by_rdflib += ((s, p, o) for s, p, o, _ in dataset.quads())
        else:
            by_rdflib = Graph().parse(path, format=rdflib_format)
    by_oxigraph = Graph()
    for quad in pyoxigraph.parse(path=str(path), format=oxigraph_format):
        by_oxigraph.add(
            (_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object))
        )
    return by_rdflib, by_oxigraph


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
    """Parse ``path`` both ways, require the same graph and valid IRIs; return the graph."""
    by_rdflib, by_oxigraph = parse_both(path)
    assert len(by_rdflib) > 0, f"{path} holds no triple"
    assert_same_graph(by_rdflib, by_oxigraph)
    assert invalid_iris(by_rdflib) == []
    return by_rdflib
