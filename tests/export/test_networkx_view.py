"""The networkx view keeps every entity with its type and labels, and how entities relate."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, URIRef

import kg
from kg.rdf import extraction_to_graph
from kg.rdf.namespaces import GRK, SCHEMA
from kg.records import EntityType, Extraction
from tests.export.synthetic import synthetic_extraction, synthetic_graph

TYPES = {"Project": GRK.Project, "Organization": GRK.Organization, "Place": GRK.Place}


@pytest.fixture(scope="module")
def sample_graph(sample_extraction: Extraction) -> Graph:
    return extraction_to_graph(sample_extraction)


def test_every_entity_is_a_node_with_its_type_and_label(sample_graph: Graph) -> None:
    view = kg.to_networkx(sample_graph)
    assert isinstance(view, nx.MultiDiGraph)
    entities = {s for t in TYPES.values() for s in sample_graph.subjects(RDF.type, t)}
    assert set(view.nodes) == {str(e) for e in entities}
    for iri, attrs in view.nodes(data=True):
        assert attrs["label"] == str(sample_graph.value(URIRef(iri), RDFS.label))
        assert all((URIRef(iri), RDF.type, TYPES[t]) in sample_graph for t in attrs["types"])
        assert attrs["type"] == attrs["types"][0]
        assert all(attrs["sentences"])
        # Sentences come from the entity's mentions (and the actions on it).
        if URIRef(iri) in set(sample_graph.objects(None, GRK.refersTo)):
            assert attrs["sentences"]


def test_statuses_and_metrics_stay_on_their_nodes(sample_graph: Graph) -> None:
    view = kg.to_networkx(sample_graph)
    statuses = Counter(s for _, attrs in view.nodes(data=True) for s in attrs["statuses"])
    assert set(statuses) == {"completed", "ongoing", "planned"}
    acted_on = {
        str(target)
        for action in sample_graph.subjects(RDF.type, GRK.Action)
        for target in sample_graph.objects(action, SCHEMA.object)
    }
    assert {n for n, attrs in view.nodes(data=True) if attrs["actions"]} == acted_on


def test_relations_agent_location_and_co_mention() -> None:
    view = kg.to_networkx(synthetic_graph(60))
    relations = Counter(attrs["relation"] for _, _, attrs in view.edges(data=True))
    assert set(relations) == {"agent", "location", "co_mention"}
    for source, target, attrs in view.edges(data=True):
        if attrs["relation"] == "agent":
            assert view.nodes[source]["type"] == "Organization"
            assert view.nodes[target]["type"] == "Project"
            assert attrs["verb"] in {"建成", "推进", "启动"}
            assert attrs["status"] in {"completed", "ongoing", "planned"}
        assert attrs["sentence"] and attrs["section"] in {"review", "plan"}


def test_places_with_most_projects_follow_the_sentences() -> None:
    extraction = synthetic_extraction(60)
    related = nx.Graph(kg.to_networkx(extraction_to_graph(extraction)))
    label_of = {iri: attrs["label"] for iri, attrs in related.nodes(data=True)}
    found = {
        label_of[place]: {
            label_of[n] for n in related[place] if related.nodes[n]["type"] == "Project"
        }
        for place, attrs in related.nodes(data=True)
        if attrs["type"] == "Place"
    }
    sentences = {e.label: {m.sentence_index for m in e.mentions} for e in extraction.entities}
    expected = {
        place.label: {
            p.label
            for p in extraction.entities
            if p.type is EntityType.PROJECT and sentences[p.label] & sentences[place.label]
        }
        for place in extraction.entities
        if place.type is EntityType.PLACE
    }
    assert found == expected
    assert max(len(projects) for projects in found.values()) >= 2


def test_communities_cover_every_entity(sample_graph: Graph) -> None:
    related = nx.Graph(kg.to_networkx(sample_graph))
    communities = nx.community.louvain_communities(related, seed=7)
    assert sum(len(c) for c in communities) == related.number_of_nodes()
    assert any(len(c) > 2 for c in communities)
