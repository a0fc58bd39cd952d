"""RDF terms as pyoxigraph values, and their conversion to and from rdflib.

Graphs are read and written as pyoxigraph values (several times faster than rdflib's);
rdflib terms are made from them on demand (``to_rdflib``) for code that reads rdflib.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

XSD_STRING = ox.NamedNode(str(XSD.string))

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple  # any term a graph may hold


@lru_cache(maxsize=4096)
def term(iri: str) -> ox.NamedNode:
    """A vocabulary term (``GRK.Action``, ``RDF.type``) as a pyoxigraph node, made once."""
    return ox.NamedNode(iri)


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
