"""An RDF graph seen as a property graph, for graph databases and Gephi.

Every IRI with an ``rdf:type`` is a node, labelled by the local names of its types. A literal
becomes a property named by the predicate's local name (a number stays a number); an IRI that is
not a node (a schema.org status) becomes a property holding its local name; a link between two
nodes becomes a relationship named by the predicate. Language tags are dropped here: use the
Turtle with neosemantics (n10s) to keep them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef

Value = str | int | float | bool

_DOUBLE = {XSD.decimal, XSD.double, XSD.float}
_LONG = {
    XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long, XSD.short,
    XSD.gYear,
}  # fmt: skip


@dataclass
class Node:
    iri: str
    labels: tuple[str, ...]
    properties: dict[str, list[Value]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Edge:
    start: str
    type: str  # the predicate's local name: object, agent, wasDerivedFrom
    end: str


@dataclass
class PropertyGraph:
    nodes: dict[str, Node]
    edges: list[Edge]


def local_name(iri: str) -> str:
    """The last segment of an IRI: schema.org/CompletedActionStatus -> CompletedActionStatus."""
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def python_value(literal: Literal) -> Value:
    """A literal as int, float, bool or str, by its datatype."""
    if literal.datatype in _LONG:
        try:
            return int(str(literal))
        except ValueError:
            return str(literal)
    if literal.datatype in _DOUBLE:
        value = literal.toPython()
        return float(value) if isinstance(value, Decimal | float | int) else str(literal)
    if literal.datatype == XSD.boolean:
        return bool(literal.toPython())
    return str(literal)


def property_graph(graph: Graph) -> PropertyGraph:
    types: dict[str, set[str]] = {}
    for subject, kind in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef) and isinstance(kind, URIRef):
            types.setdefault(str(subject), set()).add(local_name(str(kind)))
    nodes = {iri: Node(iri, tuple(sorted(labels))) for iri, labels in types.items()}
    edges = []
    for subject, predicate, obj in graph:
        node = nodes.get(str(subject))
        if node is None or predicate == RDF.type:
            continue
        name = local_name(str(predicate))
        if isinstance(obj, Literal):
            node.properties.setdefault(name, []).append(python_value(obj))
        elif isinstance(obj, URIRef) and str(obj) in nodes:
            edges.append(Edge(node.iri, name, str(obj)))
        elif isinstance(obj, URIRef):
            node.properties.setdefault(name, []).append(local_name(str(obj)))
    for node in nodes.values():  # a stable order whatever the store's
        for values in node.properties.values():
            values.sort(key=str)
    edges.sort(key=lambda e: (e.start, e.type, e.end))
    return PropertyGraph(dict(sorted(nodes.items())), edges)
