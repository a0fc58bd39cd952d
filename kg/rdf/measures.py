"""The canonical measures as a SKOS concept scheme, and the IRI of each concept.

``ontology/measures.ttl`` is this module's output, kept in the repository so that it can be read
and loaded without the tool; a test checks that it matches ``kg/data/measures.tsv``. After
editing the table, write it again with ``python scripts/write_measure_scheme.py``.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.extract.measures import MeasureConcept, measure_concepts
from kg.rdf.namespaces import GRK, MEASURES_IRI

SCHEME = URIRef(MEASURES_IRI)


def concept_iri(concept: MeasureConcept) -> str:
    return f"{MEASURES_IRI}#{concept.id}"


def measure_scheme() -> Graph:
    """The scheme: each concept with its preferred labels (zh, en), its variants as
    ``skos:altLabel`` and, as notes, what a figure in % says of it and which way is better."""
    graph = Graph()
    for prefix, namespace in (("skos", SKOS), ("grk", GRK._NS), ("m", f"{MEASURES_IRI}#")):
        graph.bind(prefix, namespace)
    graph.bind("dcterms", DCTERMS)
    graph.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    graph.add((SCHEME, RDF.type, OWL.Ontology))
    graph.add((SCHEME, SKOS.prefLabel, Literal("政府工作报告常用指标", lang="zh")))
    graph.add(
        (SCHEME, SKOS.prefLabel, Literal("Measures government work reports track", lang="en"))
    )
    graph.add((SCHEME, RDFS.seeAlso, URIRef("https://w3id.org/govreport-kg/ontology")))
    graph.add((SCHEME, DCTERMS.source, Literal("kg/data/measures.tsv")))
    for concept in measure_concepts():
        node = URIRef(concept_iri(concept))
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, SCHEME))
        graph.add((SCHEME, SKOS.hasTopConcept, node))
        graph.add((node, SKOS.notation, Literal(concept.id)))
        graph.add((node, SKOS.prefLabel, Literal(concept.label, lang="zh")))
        graph.add((node, SKOS.prefLabel, Literal(concept.english, lang="en")))
        for variant in concept.variants:
            graph.add((node, SKOS.altLabel, Literal(variant, lang="zh")))
        note = (
            f"A figure in % is a {concept.percent} "
            f"({'a rate of change' if concept.percent == 'growth' else 'a ratio'}); "
            + (
                f"{concept.better} is better."
                if concept.better != "none"
                else "no direction is better."
            )
        )
        graph.add((node, SKOS.scopeNote, Literal(note, lang="en")))
    return graph


def measure_scheme_turtle() -> str:
    header = (
        "# The canonical measures government work reports track, as a SKOS concept scheme.\n"
        "# Made from kg/data/measures.tsv by scripts/write_measure_scheme.py: edit the table.\n"
    )
    return header + measure_scheme().serialize(format="turtle")
