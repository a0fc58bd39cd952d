"""Turn one report's extraction into RDF under the govreport-kg ontology.

Every record field is mapped (``kg.rdf.mapping.MAPPED_FIELDS`` says where each goes). Every
fact carries its provenance: actions and metrics ``prov:wasDerivedFrom`` their sentence,
entities through their mentions; a sentence is in a paragraph, a section and a report; the
report was used by an extraction run of a version of this tool at a build time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import PROV, RDF, RDFS, SKOS, TIME

from kg.extract.entities import normalize_name
from kg.extract.measures import MeasureConcept, concept_of
from kg.places import PlaceLinks, link_places
from kg.rdf import ntriples as terms
from kg.rdf import terms as nodes
from kg.rdf.divisions import DivisionWriter, Identity, entity_identity
from kg.rdf.iris import (
    check_base,
    entity_iri,
    extraction_iri,
    prefixes,
    report_iri,
    software_iri,
    span_iri,
    year_description_iri,
    year_iri,
)
from kg.rdf.mapping import STATUS_IRIS
from kg.rdf.measures import concept_iri
from kg.rdf.namespaces import DEFAULT_BASE, GRK, MEASURES_IRI, SCHEMA, Terms
from kg.rdf.provenance import BuildInfo
from kg.records import (
    Action,
    Entity,
    EntityType,
    Extraction,
    Mention,
    Metric,
    Report,
)

R = TypeVar("R")

# The vocabularies' terms as N-Triples IRIs, written once (grk.verb, rdf.type).
grk, schema, prov = Terms(GRK, terms.iri), Terms(SCHEMA, terms.iri), Terms(PROV, terms.iri)
rdf, rdfs, skos, time = (Terms(v, terms.iri) for v in (RDF, RDFS, SKOS, TIME))


@dataclass(frozen=True)
class ReportTriples:
    """One report's graph, named by the report IRI in TriG and N-Quads: its triples as
    N-Triples (a line each, each once, in UTF-8), and as pyoxigraph values on demand."""

    report: ox.NamedNode
    ntriples: bytes

    @cached_property
    def triples(self) -> tuple[ox.Triple, ...]:
        parsed = ox.parse(self.ntriples, ox.RdfFormat.N_TRIPLES)
        return tuple(quad.triple for quad in parsed)

    def quads(self) -> Iterator[ox.Quad]:
        for triple in self.triples:
            yield ox.Quad(triple.subject, triple.predicate, triple.object, self.report)


def report_triples(
    extraction: Extraction,
    *,
    base: str = DEFAULT_BASE,
    build: BuildInfo | None = None,
    places: PlaceLinks | None = None,
) -> ReportTriples:
    """The graph of one report: the report, its sentences in use, entities, actions, metrics.

    ``places``: the divisions of the report's places (``kg.places.link_places``), when the
    caller has them already."""
    if places is None:
        places = link_places(extraction.report.region, extraction.entities)
    builder = _ReportBuilder(
        extraction, check_base(base), build or BuildInfo.from_environment(), places
    )
    builder.add_report()
    for entity in extraction.entities:
        builder.add_entity(entity)
    builder.add_region()
    for action in _with_unique_spans(extraction.actions, lambda a: (a.start, a.end)):
        builder.add_action(*action)
    for metric in _with_unique_spans(
        extraction.metrics, lambda m: (m.quantity.start, m.quantity.end)
    ):
        builder.add_metric(*metric)
    text = "".join(dict.fromkeys(builder.lines))
    return ReportTriples(ox.NamedNode(builder.report_iri), text.encode("utf-8"))


def sentence_triples(
    report: Report, indexes: Iterable[int], *, base: str = DEFAULT_BASE, build: BuildInfo
) -> bytes:
    """N-Triples of some sentences of a report, with their paragraphs and sections, as the
    report's own graph writes them (same IRIs, same triples): the graph keeps only the
    sentences its facts are in, and ``kg track`` cites others of the next year's report."""
    builder = _ReportBuilder(Extraction(report), check_base(base), build, PlaceLinks())
    for index in indexes:
        builder.sentence(index)
    return "".join(dict.fromkeys(builder.lines)).encode("utf-8")


def extraction_to_graph(
    extraction: Extraction, *, base: str = DEFAULT_BASE, build: BuildInfo | None = None
) -> Graph:
    """The graph of one report as an rdflib ``Graph`` (prefixes bound)."""
    graph = Graph()
    bind_prefixes(graph, base)
    to_rdflib = nodes.to_rdflib
    for triple in report_triples(extraction, base=base, build=build).triples:
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        graph.add((to_rdflib(subject), to_rdflib(predicate), to_rdflib(obj)))
    return graph


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> None:
    for prefix, namespace in prefixes(base).items():
        graph.bind(prefix, namespace, override=True, replace=True)


def _with_unique_spans(
    records: Sequence[R], span: Callable[[R], tuple[int, int]]
) -> Iterator[tuple[R, str]]:
    """Each record with a span name unique in the report: ``12-15``, then ``12-15-2``…"""
    seen: dict[tuple[int, int], int] = {}
    for record in records:
        start, end = span(record)
        seen[(start, end)] = seen.get((start, end), 0) + 1
        suffix = "" if seen[(start, end)] == 1 else f"-{seen[(start, end)]}"
        yield record, f"{start}-{end}{suffix}"


class _ReportBuilder:
    """Collects one report's triples; sentences, paragraphs and sections are added once, on use."""

    def __init__(
        self, extraction: Extraction, base: str, build: BuildInfo, places: PlaceLinks
    ) -> None:
        self.extraction = extraction
        self.source = extraction.report
        self.base = base
        self.build = build
        self.checksum = self.source.checksum
        self.report_iri = report_iri(base, self.checksum)
        self.report = terms.iri(self.report_iri)
        self.lines: list[str] = []
        self._sentences: dict[int, str] = {}
        self._paragraphs: dict[int, str] = {}
        self._sections: dict[int, str] = {}
        self._years: dict[int, str] = {}
        self._concepts: set[str] = set()
        self._paragraph_by_index = {p.index: p for p in self.source.paragraphs}
        self.places = places
        self._identities: dict[tuple[str, EntityType], Identity] = {
            (e.key, e.type): entity_identity(base, e, places) for e in extraction.entities
        }
        self.divisions = DivisionWriter(base, self.add)
        self._place_nodes = {
            terms.iri(identity.iri)
            for (_key, type_), identity in self._identities.items()
            if type_ is EntityType.PLACE
        }

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """Add a triple, each term as N-Triples text (``kg.rdf.ntriples``)."""
        self.lines.append(f"{subject} {predicate} {obj} .\n")

    def add_span(self, node: str, start: int, end: int) -> None:
        self.add(node, grk.startOffset, terms.count(start))
        self.add(node, grk.endOffset, terms.count(end))

    # the report and its provenance

    def add_report(self) -> None:
        report, source = self.report, self.source
        self.add(report, rdf.type, grk.Report)
        if source.title:
            self.add(report, rdfs.label, terms.zh(source.title))
        self.add(report, grk.sourceFile, terms.string(source.source_name))
        self.add(report, grk.checksum, terms.string(source.checksum))
        if source.review_year is not None:
            self.add(report, grk.reviewYear, terms.year(source.review_year))
        if source.plan_year is not None:
            self.add(report, grk.planYear, terms.year(source.plan_year))

        software = terms.iri(software_iri(self.build.tool_version))
        self.add(software, rdf.type, prov.SoftwareAgent)
        self.add(software, rdf.type, schema.SoftwareApplication)
        self.add(software, schema.name, terms.string("govreport-kg"))
        self.add(software, schema.softwareVersion, terms.string(self.build.tool_version))

        extraction = terms.iri(extraction_iri(self.base, self.checksum))
        self.add(extraction, rdf.type, grk.Extraction)
        self.add(extraction, prov.used, report)
        self.add(extraction, prov.wasAssociatedWith, software)
        self.add(extraction, prov.endedAtTime, terms.timestamp(self.build.build_time))

    def add_region(self) -> None:
        """The region as a place: the report covers it, and it merges with the same place found
        elsewhere (a division by its code; else its IRI is made from the name as an extracted
        place's would be)."""
        region = self.source.region
        if not region:
            return
        self.add(self.report, grk.region, terms.zh(region))
        if self.places.region is not None:
            place = self.divisions.node(self.places.region)
        else:
            place = terms.iri(entity_iri(self.base, EntityType.PLACE, normalize_name(region)))
        self.add(self.report, schema.spatialCoverage, place)
        # A schema:Place always; a grk:Place only when the extractor found it in the text.
        self.add(place, rdf.type, schema.Place)
        if place not in self._place_nodes:
            self.add(place, rdfs.label, terms.zh(region))
            # Its provenance: the first sentence that names it (the title, usually).
            for sentence in self.source.sentences:
                offset = sentence.text.find(region)
                if offset >= 0:
                    start = sentence.start + offset
                    mention = Mention(
                        sentence.index, start, start + len(region), region, EntityType.PLACE
                    )
                    node = self.sentence(sentence.index)
                    self.add(place, grk.mentionedIn, node)
                    self.add_mention(mention, place, node)
                    break

    # text spans, added on first use

    def span_node(self, kind: str, span: str) -> str:
        return terms.iri(span_iri(self.base, kind, self.checksum, span))

    def sentence(self, index: int) -> str:
        node = self._sentences.get(index)
        if node is None:
            sentence = self.source.sentences[index]
            node = self.span_node("sentence", f"{sentence.start}-{sentence.end}")
            self._sentences[index] = node
            self.add(node, rdf.type, grk.Sentence)
            self.add(node, grk.text, terms.zh(sentence.text))
            self.add_span(node, sentence.start, sentence.end)
            self.add(node, grk.inReport, self.report)
            self.add(node, grk.inParagraph, self.paragraph(sentence.paragraph_index))
            self.add(node, grk.inSection, self.section(sentence.section_index))
            kind = self.source.sections[sentence.section_index].kind.value
            self.add(node, grk.sectionKind, terms.string(kind))
        return node

    def paragraph(self, index: int) -> str:
        node = self._paragraphs.get(index)
        if node is None:
            paragraph = self._paragraph_by_index[index]
            node = self.span_node("paragraph", f"{paragraph.start}-{paragraph.end}")
            self._paragraphs[index] = node
            self.add(node, rdf.type, grk.Paragraph)
            self.add_span(node, paragraph.start, paragraph.end)
            self.add(node, grk.inReport, self.report)
            self.add(node, grk.inSection, self.section(paragraph.section_index))
        return node

    def section(self, index: int) -> str:
        node = self._sections.get(index)
        if node is None:
            section = self.source.sections[index]
            node = self.span_node("section", f"{section.start}-{section.end}")
            self._sections[index] = node
            self.add(node, rdf.type, grk.Section)
            if section.title:
                self.add(node, rdfs.label, terms.zh(section.title))
            self.add(node, grk.sectionKind, terms.string(section.kind.value))
            self.add_span(node, section.start, section.end)
            self.add(node, grk.inReport, self.report)
            if section.year is not None:
                self.add_year(node, section.year)
        return node

    def add_year(self, node: str, year: int) -> None:
        """``grk:year`` as a literal, and ``time:hasTime`` the year as an OWL-Time interval."""
        self.add(node, grk.year, terms.year(year))
        interval = self._years.get(year)
        if interval is None:
            interval = terms.iri(year_iri(self.base, year))
            description = terms.iri(year_description_iri(self.base, year))
            self._years[year] = interval
            self.add(interval, rdf.type, time.DateTimeInterval)
            self.add(interval, rdfs.label, terms.zh(f"{year}年"))
            self.add(interval, time.hasDateTimeDescription, description)
            self.add(description, rdf.type, time.DateTimeDescription)
            self.add(description, time.unitType, time.unitYear)
            self.add(description, time.year, terms.year(year))
        self.add(node, time.hasTime, interval)

    def concept(self, concept: MeasureConcept) -> str:
        """A canonical measure, with its labels on first use: a graph answers questions by
        measure (compare-regions -p measure=GDP) without ontology/measures.ttl loaded beside."""
        node = terms.iri(concept_iri(concept))
        if concept.id not in self._concepts:
            self._concepts.add(concept.id)
            self.add(node, rdf.type, skos.Concept)
            self.add(node, skos.inScheme, terms.iri(MEASURES_IRI))
            self.add(node, skos.prefLabel, terms.zh(concept.label))
            for variant in concept.variants:
                self.add(node, skos.altLabel, terms.zh(variant))
        return node

    # facts

    def entity_node(self, key: str, type_: EntityType) -> str:
        identity = self._identities.get((key, type_))
        return terms.iri(identity.iri if identity else entity_iri(self.base, type_, key))

    def add_entity(self, entity: Entity) -> None:
        identity = self._identities[(entity.key, entity.type)]
        node = terms.iri(identity.iri)
        # One type a resource: a second type a reader could defend (a road built and located)
        # would count the entity twice in every query and tally by type.
        self.add(node, rdf.type, grk[entity.type.value])
        self.add(node, rdfs.label, terms.zh(entity.label))
        for alt in entity.alt_labels:
            self.add(node, skos.altLabel, terms.zh(alt))
        if identity.code is not None:
            self.divisions.node(identity.code)
        elif entity.type is EntityType.PLACE and entity.key in self.places.parents:
            self.divisions.contain(node, self.places.parents[entity.key])
        for mention in entity.mentions:
            sentence = self.sentence(mention.sentence_index)
            self.add(node, grk.mentionedIn, sentence)
            self.add_mention(mention, node, sentence)

    def add_mention(self, mention: Mention, entity: str, sentence: str) -> None:
        node = self.span_node("mention", f"{mention.start}-{mention.end}")
        self.add(node, rdf.type, grk.Mention)
        # The source text itself: the extractor may have normalized the surface (＋ to +).
        self.add(node, grk.text, terms.zh(self.source.text[mention.start : mention.end]))
        self.add_span(node, mention.start, mention.end)
        self.add(node, grk.inSentence, sentence)
        self.add(node, grk.inReport, self.report)
        self.add(node, grk.refersTo, entity)

    def add_action(self, action: Action, span: str) -> None:
        node = self.span_node("action", span)
        self.add(node, rdf.type, grk.Action)
        self.add(node, grk.verb, terms.zh(action.verb))
        self.add(node, schema.actionStatus, terms.iri(str(STATUS_IRIS[action.status])))
        for key, type_ in action.objects:
            self.add(node, schema.object, self.entity_node(key, type_))
        if action.agent is not None:
            self.add(node, schema.agent, self.entity_node(*action.agent))
        if action.place is not None:
            self.add(node, schema.location, self.entity_node(*action.place))
        if action.year is not None:
            self.add_year(node, action.year)
        self.add_span(node, action.start, action.end)
        self.add(node, prov.wasDerivedFrom, self.sentence(action.sentence_index))

    def add_metric(self, metric: Metric, span: str) -> None:
        quantity = metric.quantity
        node = self.span_node("metric", span)
        self.add(node, rdf.type, grk.Metric)
        self.add(node, schema.value, terms.decimal(quantity.value))
        self.add(node, schema.unitText, terms.string(quantity.unit))
        written = self.source.text[quantity.start : quantity.end]
        self.add(node, grk.valueAsWritten, terms.string(written))
        self.add(node, grk.baseValue, terms.decimal(quantity.base_value))
        self.add(node, grk.baseUnit, terms.string(quantity.base_unit))
        self.add(node, grk.metricKind, terms.string(metric.kind.value))
        if quantity.qualifier:
            self.add(node, grk.qualifier, terms.zh(quantity.qualifier))
        if metric.measure:
            self.add(node, grk.measure, terms.zh(metric.measure))
            concept = concept_of(metric.measure)
            if concept is not None:
                self.add(node, grk.measureConcept, self.concept(concept))
        if metric.direction:
            self.add(node, grk.direction, terms.string(metric.direction))
        if metric.basis:
            self.add(node, grk.basis, terms.zh(metric.basis))
        if quantity.value_max is not None:
            self.add(node, schema.minValue, terms.decimal(quantity.value))
            self.add(node, schema.maxValue, terms.decimal(quantity.value_max))
        if quantity.base_value_max is not None:
            self.add(node, grk.baseValueMax, terms.decimal(quantity.base_value_max))
        if metric.year is not None:
            self.add_year(node, metric.year)
        if metric.entity_key is not None and metric.entity_type is not None:
            about = self.entity_node(metric.entity_key, metric.entity_type)
            self.add(node, grk.aboutEntity, about)
        self.add_span(node, quantity.start, quantity.end)
        self.add(node, prov.wasDerivedFrom, self.sentence(metric.sentence_index))
