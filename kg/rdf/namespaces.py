"""Vocabularies as closed namespaces: a misspelt term is an AttributeError, not a new IRI."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/govreport-kg/ontology"
DEFAULT_BASE = "https://w3id.org/govreport-kg/id/"


class GRK(DefinedNamespace):
    """The govreport-kg ontology (ontology/govreport.ttl)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Report: URIRef
    Section: URIRef
    Sentence: URIRef
    Entity: URIRef
    Project: URIRef
    Organization: URIRef
    Place: URIRef
    Action: URIRef
    Metric: URIRef
    # properties
    sectionKind: URIRef
    inSection: URIRef
    inReport: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    verb: URIRef
    year: URIRef
    qualifier: URIRef
    valueAsWritten: URIRef
    baseValue: URIRef
    baseUnit: URIRef
    measure: URIRef
    metricKind: URIRef
    direction: URIRef
    basis: URIRef
    aboutEntity: URIRef
    mentionedIn: URIRef
    sourceFile: URIRef
    checksum: URIRef
    region: URIRef
    reviewYear: URIRef
    planYear: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms this project uses (https://schema.org/, the issue's prefix)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    object: URIRef
    agent: URIRef
    location: URIRef
    actionStatus: URIRef
    PotentialActionStatus: URIRef
    ActiveActionStatus: URIRef
    CompletedActionStatus: URIRef
    value: URIRef
    unitText: URIRef
    name: URIRef
