"""Vocabularies as closed namespaces: a misspelt term is an AttributeError, not a new IRI.

``GRK`` mirrors ``ontology/govreport.ttl`` term for term (a test checks both directions). The
external vocabularies are the subsets this project writes; PROV, SKOS and OWL-Time come closed
from rdflib.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/govreport-kg/ontology"
ONTOLOGY_VERSION = "0.3.0"
ONTOLOGY_VERSION_IRI = f"{ONTOLOGY_IRI}/{ONTOLOGY_VERSION}"
DEFAULT_BASE = "https://w3id.org/govreport-kg/id/"
# The SKOS scheme of canonical measures (ontology/measures.ttl, made from kg/data/measures.tsv).
MEASURES_IRI = f"{ONTOLOGY_IRI}/measures"
# The software agent of the provenance records; one IRI per released version.
SOFTWARE_IRI = "https://w3id.org/govreport-kg/software/"

T = TypeVar("T")


class GRK(DefinedNamespace):
    """The govreport-kg ontology (ontology/govreport.ttl)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Report: URIRef
    Section: URIRef
    Paragraph: URIRef
    Sentence: URIRef
    Mention: URIRef
    Extraction: URIRef
    Entity: URIRef
    Project: URIRef
    Organization: URIRef
    Place: URIRef
    Action: URIRef
    Metric: URIRef

    # structure and offsets
    inReport: URIRef
    inSection: URIRef
    inParagraph: URIRef
    inSentence: URIRef
    text: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sectionKind: URIRef

    # report metadata
    sourceFile: URIRef
    checksum: URIRef
    region: URIRef
    reviewYear: URIRef
    planYear: URIRef
    year: URIRef

    # entities
    mentionedIn: URIRef
    refersTo: URIRef

    # places: administrative divisions
    divisionCode: URIRef
    divisionLevel: URIRef

    # actions
    verb: URIRef

    # metrics
    valueAsWritten: URIRef
    baseValue: URIRef
    baseUnit: URIRef
    baseValueMax: URIRef
    qualifier: URIRef
    measure: URIRef
    metricKind: URIRef
    direction: URIRef
    basis: URIRef
    aboutEntity: URIRef
    measureConcept: URIRef

    # plans and outcomes (kg track)
    TargetOutcome: URIRef
    ProjectOutcome: URIRef
    target: URIRef
    actual: URIRef
    verdict: URIRef
    figureKind: URIRef
    project: URIRef
    nextStatus: URIRef
    planSentence: URIRef
    reviewSentence: URIRef


class SCHEMA(DefinedNamespace):
    """The schema.org terms this project uses (https://schema.org/, the issue's prefix)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Action: URIRef
    Organization: URIRef
    Place: URIRef
    QuantitativeValue: URIRef
    Report: URIRef
    SoftwareApplication: URIRef
    object: URIRef
    agent: URIRef
    location: URIRef
    actionStatus: URIRef
    PotentialActionStatus: URIRef
    ActiveActionStatus: URIRef
    CompletedActionStatus: URIRef
    value: URIRef
    minValue: URIRef
    maxValue: URIRef
    unitText: URIRef
    name: URIRef
    softwareVersion: URIRef
    spatialCoverage: URIRef
    containedInPlace: URIRef


class NIF(DefinedNamespace):
    """The NIF 2.0 Core terms the ontology aligns with (text spans and their offsets)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    String: URIRef
    Paragraph: URIRef
    Sentence: URIRef
    Phrase: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    superString: URIRef
    sentence: URIRef


class GEO(DefinedNamespace):
    """The W3C Basic Geo (WGS84 lat/long) vocabulary: where a division is, in degrees."""

    _NS = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
    _fail = True

    lat: URIRef
    long: URIRef


PREFIXES: dict[str, str] = {
    "grk": str(GRK._NS),
    "schema": str(SCHEMA._NS),
    "prov": str(PROV._NS),
    "skos": str(SKOS._NS),
    "time": str(TIME._NS),
    "geo": str(GEO._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
    "owl": str(OWL._NS),
}

__all__ = [
    "DEFAULT_BASE",
    "GEO",
    "GRK",
    "MEASURES_IRI",
    "NIF",
    "ONTOLOGY_IRI",
    "ONTOLOGY_VERSION",
    "ONTOLOGY_VERSION_IRI",
    "PREFIXES",
    "PROV",
    "SCHEMA",
    "SKOS",
    "SOFTWARE_IRI",
    "TIME",
]


class Terms(Generic[T]):
    """A closed vocabulary's terms in the form a hot loop keeps them (``grk.verb``), each looked
    up once.

    Reading a term off a ``DefinedNamespace`` checks it and builds a new ``URIRef`` every
    time, and a corpus graph names terms some 200,000 times. The first read still goes
    through the vocabulary, so a misspelt term is an error here too.
    """

    def __init__(self, vocabulary: type[DefinedNamespace], form: Callable[[URIRef], T]) -> None:
        self._vocabulary = vocabulary
        self._form = form

    def __getattr__(self, name: str) -> T:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._form(getattr(self._vocabulary, name))
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> T:
        return getattr(self, name)  # type: ignore[no-any-return]
