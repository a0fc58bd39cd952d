"""Turn one report's extraction into an RDF graph under the govreport-kg ontology."""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.rdf.iris import entity_iri, report_iri
from kg.rdf.namespaces import DEFAULT_BASE, GRK, SCHEMA
from kg.records import Extraction, Sentence, Status

STATUS_IRIS = {
    Status.PLANNED: SCHEMA.PotentialActionStatus,
    Status.ONGOING: SCHEMA.ActiveActionStatus,
    Status.COMPLETED: SCHEMA.CompletedActionStatus,
}


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> None:
    graph.bind("grk", GRK._NS)
    graph.bind("schema", SCHEMA._NS)
    graph.bind("prov", PROV)
    graph.bind("skos", SKOS)
    graph.bind("id", base)


def extraction_to_graph(extraction: Extraction, *, base: str = DEFAULT_BASE) -> Graph:
    """The graph of one report: the report, its sentences in use, entities, actions, metrics."""
    graph = Graph()
    bind_prefixes(graph, base)
    report = extraction.report
    report_node = report_iri(base, report.checksum)
    graph.add((report_node, RDF.type, GRK.Report))
    graph.add((report_node, RDFS.label, Literal(report.title, lang="zh")))
    graph.add((report_node, GRK.sourceFile, Literal(report.source_name)))
    graph.add((report_node, GRK.checksum, Literal(report.checksum)))
    if report.region:
        graph.add((report_node, GRK.region, Literal(report.region, lang="zh")))
    if report.review_year:
        graph.add((report_node, GRK.reviewYear, Literal(report.review_year, datatype=XSD.gYear)))
    if report.plan_year:
        graph.add((report_node, GRK.planYear, Literal(report.plan_year, datatype=XSD.gYear)))

    sentence_nodes: dict[int, URIRef] = {}

    def sentence_node(index: int) -> URIRef:
        if index not in sentence_nodes:
            sentence = report.sentences[index]
            node = URIRef(f"{report_node}/sentence/{sentence.start}-{sentence.end}")
            _add_sentence(
                graph, node, report_node, sentence, report.section_of(sentence).kind.value
            )
            sentence_nodes[index] = node
        return sentence_nodes[index]

    entity_nodes = {}
    for entity in extraction.entities:
        node = entity_iri(base, entity.type, entity.key)
        entity_nodes[(entity.key, entity.type)] = node
        graph.add((node, RDF.type, getattr(GRK, entity.type.value)))
        for other in entity.other_types:
            graph.add((node, RDF.type, getattr(GRK, other.value)))
        graph.add((node, RDFS.label, Literal(entity.label, lang="zh")))
        for alt in entity.alt_labels:
            graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
        for mention in entity.mentions:
            graph.add((node, GRK.mentionedIn, sentence_node(mention.sentence_index)))

    for index, action in enumerate(extraction.actions):
        node = URIRef(f"{report_node}/action/{index}")
        graph.add((node, RDF.type, GRK.Action))
        graph.add((node, GRK.verb, Literal(action.verb, lang="zh")))
        graph.add((node, SCHEMA.actionStatus, STATUS_IRIS[action.status]))
        for key in action.objects:
            graph.add((node, SCHEMA.object, entity_nodes[key]))
        if action.agent:
            graph.add((node, SCHEMA.agent, entity_nodes[action.agent]))
        if action.place:
            graph.add((node, SCHEMA.location, entity_nodes[action.place]))
        if action.year:
            graph.add((node, GRK.year, Literal(action.year, datatype=XSD.gYear)))
        graph.add((node, PROV.wasDerivedFrom, sentence_node(action.sentence_index)))

    for index, metric in enumerate(extraction.metrics):
        quantity = metric.quantity
        node = URIRef(f"{report_node}/metric/{index}")
        graph.add((node, RDF.type, GRK.Metric))
        graph.add((node, SCHEMA.value, Literal(quantity.value, datatype=XSD.decimal)))
        graph.add((node, SCHEMA.unitText, Literal(quantity.unit)))
        graph.add((node, GRK.valueAsWritten, Literal(quantity.text)))
        graph.add((node, GRK.baseValue, Literal(quantity.base_value, datatype=XSD.decimal)))
        graph.add((node, GRK.baseUnit, Literal(quantity.base_unit)))
        graph.add((node, GRK.metricKind, Literal(metric.kind.value)))
        for prop, value in (
            (GRK.qualifier, quantity.qualifier),
            (GRK.measure, metric.measure),
            (GRK.direction, metric.direction),
            (GRK.basis, metric.basis),
        ):
            if value:
                graph.add(
                    (
                        node,
                        prop,
                        Literal(value, lang="zh") if prop is not GRK.direction else Literal(value),
                    )
                )
        if metric.entity_key and metric.entity_type:
            graph.add(
                (node, GRK.aboutEntity, entity_nodes[(metric.entity_key, metric.entity_type)])
            )
        graph.add((node, PROV.wasDerivedFrom, sentence_node(metric.sentence_index)))
    return graph


def _add_sentence(
    graph: Graph, node: URIRef, report_node: URIRef, sentence: Sentence, section_kind: str
) -> None:
    graph.add((node, RDF.type, GRK.Sentence))
    graph.add((node, GRK.text, Literal(sentence.text, lang="zh")))
    graph.add((node, GRK.startOffset, Literal(sentence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, GRK.endOffset, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, GRK.inReport, report_node))
    graph.add((node, GRK.sectionKind, Literal(section_kind)))
