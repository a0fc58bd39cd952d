"""RDF terms as pyoxigraph values, and their conversion to and from rdflib.

Graphs are built directly as pyoxigraph triples: building them is several times faster than
adding to an rdflib ``Graph``, and pyoxigraph refuses an invalid IRI at once, so no invalid IRI
can reach an output file. rdflib graphs are made from them on demand (``to_rdflib``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD, DefinedNamespace
from rdflib.term import Node

from kg.errors import ConfigError

XSD_STRING = ox.NamedNode(str(XSD.string))
XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
XSD_GYEAR = ox.NamedNode(str(XSD.gYear))
XSD_INTEGER = ox.NamedNode(str(XSD.integer))
XSD_DATETIME = ox.NamedNode(str(XSD.dateTime))
XSD_BOOLEAN = ox.NamedNode(str(XSD.boolean))

Subject = ox.NamedNode | ox.BlankNode
Object = ox.NamedNode | ox.BlankNode | ox.Literal
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple  # any term a graph may hold


@lru_cache(maxsize=4096)
def term(iri: str) -> ox.NamedNode:
    """A vocabulary term (``GRK.Action``, ``RDF.type``) as a pyoxigraph node, made once."""
    return ox.NamedNode(iri)


class NodeNamespace:
    """A closed vocabulary's terms as pyoxigraph nodes (``grk.verb``), each made once.

    Reading a term off a ``DefinedNamespace`` checks it and builds a new ``URIRef`` every
    time, and a corpus graph names terms some 200,000 times. The first read still goes
    through the vocabulary, so a misspelt term is an error here too.
    """

    def __init__(self, vocabulary: type[DefinedNamespace]) -> None:
        self._vocabulary = vocabulary

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = term(str(getattr(self._vocabulary, name)))
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)  # type: ignore[no-any-return]


def iri(value: str) -> ox.NamedNode:
    """A resource IRI; an invalid one is a configuration error (a bad base), never written."""
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise ConfigError(f"not a valid IRI: {value!r} ({error})") from None


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def string(text: str) -> ox.Literal:
    return ox.Literal(text)


def decimal(value: Decimal) -> ox.Literal:
    """An ``xsd:decimal`` in plain notation, digits as given (3.60 stays 3.60, 5E+4 is 50000)."""
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {value}")
    return ox.Literal(format(value, "f"), datatype=XSD_DECIMAL)


def count(value: int) -> ox.Literal:
    """An offset as ``xsd:integer`` (never negative): stores such as Oxigraph turn the narrower
    ``xsd:nonNegativeInteger`` into ``xsd:integer``, so this survives a round trip through them."""
    if value < 0:
        raise ValueError(f"negative offset: {value}")
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def year(value: int) -> ox.Literal:
    return ox.Literal(f"{value:04d}", datatype=XSD_GYEAR)


def timestamp(value: datetime) -> ox.Literal:
    """An ``xsd:dateTime`` in UTC, to the second (``2024-01-10T08:00:00Z``)."""
    text = value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ox.Literal(text, datatype=XSD_DATETIME)


def to_rdflib(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    """The rdflib term for a pyoxigraph term (``xsd:string`` literals become plain literals)."""
    if isinstance(node, ox.NamedNode):
        return _uriref(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    if isinstance(node, ox.Triple):
        raise TypeError("RDF-star triple terms are not supported")
    if node.language:
        return Literal(node.value, lang=node.language)
    if node.datatype == XSD_STRING:
        return Literal(node.value)
    return Literal(node.value, datatype=_uriref(node.datatype.value))


def from_rdflib(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(node, URIRef):
        return term(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=term(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


@lru_cache(maxsize=65536)
def _uriref(value: str) -> URIRef:
    return URIRef(value)
