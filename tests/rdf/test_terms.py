"""Vocabulary terms as pyoxigraph nodes: the same IRIs as the closed namespaces, typos refused."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF

from kg.rdf.namespaces import GRK, SCHEMA
from kg.rdf.terms import NodeNamespace

TERMS = [
    (GRK, "verb"),
    (GRK, "Metric"),
    (SCHEMA, "actionStatus"),
    (RDF, "type"),
]


@pytest.mark.parametrize(("vocabulary", "name"), TERMS)
def test_a_term_is_the_vocabulary_iri_as_a_node(vocabulary: type, name: str) -> None:
    nodes = NodeNamespace(vocabulary)
    node = getattr(nodes, name)
    assert node == ox.NamedNode(str(getattr(vocabulary, name)))
    assert nodes[name] is node  # made once, by name or by attribute


def test_a_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = NodeNamespace(GRK).verbb
