"""The ontology, the shapes and the code agree term for term, and every term is documented."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO, SKOS, TIME, XSD, DefinedNamespace

from kg.rdf.namespaces import (
    GEO,
    GRK,
    NIF,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION,
    ONTOLOGY_VERSION_IRI,
    SCHEMA,
)
from kg.rdf.ontology import load_ontology, load_shapes
from tests.rdf.builds import sample_graph

GRK_NS = str(GRK._NS)
# Closed vocabularies that terms outside grk: must come from.
EXTERNAL: dict[str, type[DefinedNamespace]] = {
    "https://schema.org/": SDO,
    str(PROV._NS): PROV,
    str(SKOS._NS): SKOS,
    str(TIME._NS): TIME,
    str(NIF._NS): NIF,
    str(GEO._NS): GEO,
    str(RDF._NS): RDF,
    str(RDFS._NS): RDFS,
    str(OWL._NS): OWL,
    str(XSD._NS): XSD,
}
# Vocabularies referred to only for annotation (dcterms:license) or alignment in comments.
ANNOTATION_NAMESPACES = ("http://purl.org/dc/terms/", "http://www.w3.org/2005/11/its/rdf#")


def declares(namespace: type[DefinedNamespace], name: str) -> bool:
    """Whether a closed vocabulary declares ``name`` (rdflib's SDO, TIME and XSD only warn)."""
    return name in namespace.__annotations__ or name in getattr(namespace, "_extras", ())


def code_terms() -> set[URIRef]:
    return {GRK[name] for name in GRK.__annotations__}


def declared_terms(ontology: Graph) -> set[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {
        s
        for kind in kinds
        for s in ontology.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and s.startswith(GRK_NS)
    }


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def test_every_term_in_code_is_declared_in_the_ontology_and_back(ontology: Graph) -> None:
    in_code, declared = code_terms(), declared_terms(ontology)
    assert in_code - declared == set(), "in kg/rdf/namespaces.py but not in the ontology"
    assert declared - in_code == set(), "in the ontology but not in kg/rdf/namespaces.py"


def test_a_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = GRK.Projcet


@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment])
def test_every_term_is_documented_in_chinese_and_english(ontology: Graph, prop: URIRef) -> None:
    missing = []
    for term in sorted(declared_terms(ontology)):
        languages = {o.language for o in ontology.objects(term, prop) if isinstance(o, Literal)}
        if not {"zh", "en"} <= languages:
            missing.append(f"{term.removeprefix(GRK_NS)} ({sorted(filter(None, languages))})")
    assert missing == []


def test_the_ontology_has_a_versioned_iri(ontology: Graph) -> None:
    header = URIRef(ONTOLOGY_IRI)
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) == URIRef(ONTOLOGY_VERSION_IRI)
    assert str(ontology.value(header, OWL.versionInfo)) == ONTOLOGY_VERSION
    assert ONTOLOGY_VERSION_IRI.endswith(ONTOLOGY_VERSION)
    shapes_header = URIRef("https://w3id.org/govreport-kg/shapes")
    assert str(load_shapes().value(shapes_header, OWL.versionInfo)) == ONTOLOGY_VERSION


def test_the_entity_classes_keep_the_contract_names(ontology: Graph) -> None:
    for name in ("Project", "Organization", "Place"):
        assert (GRK[name], RDFS.subClassOf, GRK.Entity) in ontology
    assert (GRK.Action, RDFS.subClassOf, SCHEMA.Action) in ontology
    assert (GRK.Metric, RDFS.subClassOf, SCHEMA.QuantitativeValue) in ontology


def test_schema_terms_in_code_exist_in_schema_org() -> None:
    assert [name for name in SCHEMA.__annotations__ if not declares(SDO, name)] == []


def _external_terms(graph: Graph) -> set[URIRef]:
    terms = set()
    for triple in graph:
        for node in triple:
            if isinstance(node, URIRef) and any(node.startswith(ns) for ns in EXTERNAL):
                terms.add(node)
    return terms


@pytest.mark.parametrize("source", ["ontology", "shapes", "sample graph"])
def test_terms_of_other_vocabularies_exist_in_them(source: str) -> None:
    graph = {
        "ontology": load_ontology,
        "shapes": load_shapes,
        "sample graph": lambda: sample_graph().to_rdflib(),
    }[source]()
    unknown = []
    for term in sorted(_external_terms(graph)):
        namespace = max((ns for ns in EXTERNAL if term.startswith(ns)), key=len)
        name = term[len(namespace) :]
        if name and not declares(EXTERNAL[namespace], name):
            unknown.append(str(term))
    assert unknown == []


def test_every_grk_term_the_shapes_and_the_graph_use_is_declared(ontology: Graph) -> None:
    declared = declared_terms(ontology)
    for graph in (load_shapes(), sample_graph().to_rdflib()):
        used = {
            node
            for triple in graph
            for node in triple
            if isinstance(node, URIRef) and node.startswith(GRK_NS)
        }
        assert used - declared == set()


def test_every_predicate_of_the_graph_is_known(ontology: Graph) -> None:
    graph = sample_graph().to_rdflib()
    for predicate in set(graph.predicates()):
        assert isinstance(predicate, URIRef)
        assert predicate.startswith(GRK_NS) or any(predicate.startswith(ns) for ns in EXTERNAL)
    assert not any(str(p).startswith(ANNOTATION_NAMESPACES) for p in graph.predicates())
