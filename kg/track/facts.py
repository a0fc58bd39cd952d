"""Read from a graph what ``kg track`` joins: reports, metrics with a canonical measure, and
the projects each report names.

The graph is a pyoxigraph store holding the reports' named graphs (or one merged graph). The
facts are read off the store's indexes subject by subject rather than with SPARQL: a query
joining a dozen optional properties over the union of 40 reports' graphs took minutes, the
indexes take a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS

from kg.rdf.namespaces import GRK, MEASURES_IRI, SCHEMA
from kg.track.records import MetricFact, ProjectFact, ReportFacts, Sentence

STATUSES = {
    str(SCHEMA.CompletedActionStatus): "completed",
    str(SCHEMA.ActiveActionStatus): "ongoing",
    str(SCHEMA.PotentialActionStatus): "planned",
}

Properties = dict[str, list[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]]


def _node(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


TYPE, LABEL = _node(RDF.type), _node(RDFS.label)


class GraphReader:
    """The facts of a store, each subject's properties read once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._properties: dict[str, Properties] = {}
        self._sentences: dict[str, tuple[str, Sentence] | None] = {}

    def properties(self, subject: ox.NamedNode) -> Properties:
        """A subject's properties in any graph of the store, each value once."""
        found = self._properties.get(subject.value)
        if found is None:
            found = {}
            for quad in self.store.quads_for_pattern(subject, None, None, None):
                values = found.setdefault(quad.predicate.value, [])
                if quad.object not in values:
                    values.append(quad.object)
            self._properties[subject.value] = found
        return found

    def value(self, subject: ox.NamedNode, predicate: object) -> str:
        """The least of a subject's values of a property (as the merged graph keeps one
        label), or ""."""
        values = self.properties(subject).get(str(predicate), [])
        return min((_text(v) for v in values), default="")

    def subjects(self, predicate: object, obj: ox.NamedNode | None = None) -> list[ox.NamedNode]:
        """The subjects of a property (with that value), each once, in order."""
        quads = self.store.quads_for_pattern(None, _node(predicate), obj, None)
        subjects = {
            q.subject.value: q.subject for q in quads if isinstance(q.subject, ox.NamedNode)
        }
        return [subject for _, subject in sorted(subjects.items())]

    def is_a(self, subject: ox.NamedNode, cls: object) -> bool:
        return (
            next(iter(self.store.quads_for_pattern(subject, TYPE, _node(cls), None)), None)
            is not None
        )

    def sentence(self, iri: str) -> tuple[str, Sentence] | None:
        """The report a sentence is in, and the sentence (each read once: many facts share
        one sentence)."""
        if iri not in self._sentences:
            self._sentences[iri] = self._read_sentence(iri)
        return self._sentences[iri]

    def _read_sentence(self, iri: str) -> tuple[str, Sentence] | None:
        if not iri:
            return None
        node = ox.NamedNode(iri)
        report = self.value(node, GRK.inReport)
        if not report:
            return None
        section = self.value(node, GRK.inSection)
        title = self.value(ox.NamedNode(section), RDFS.label) if section else ""
        return report, Sentence(
            iri=iri,
            text=self.value(node, GRK.text),
            section_kind=self.value(node, GRK.sectionKind),
            section_title=title,
            start=int(self.value(node, GRK.startOffset) or 0),
        )


def read_reports(reader: GraphReader) -> dict[str, ReportFacts]:
    """Each report with a region, by IRI (a report that names no region joins nothing)."""
    reports: dict[str, ReportFacts] = {}
    for report in reader.subjects(RDF.type, _node(GRK.Report)):
        region = reader.value(report, GRK.region)
        if not region:
            continue
        place = reader.value(report, SCHEMA.spatialCoverage)
        code = reader.value(ox.NamedNode(place), str(GRK.divisionCode)) if place else ""
        reports[report.value] = ReportFacts(
            report.value,
            region,
            _year(reader.value(report, GRK.reviewYear)),
            _year(reader.value(report, GRK.planYear)),
            code,
        )
    return reports


def read_metrics(reader: GraphReader) -> Iterator[MetricFact]:
    """Every metric the graph links to a canonical measure."""
    prefix = f"{MEASURES_IRI}#"
    for metric in reader.subjects(GRK.measureConcept):
        found = reader.sentence(reader.value(metric, PROV.wasDerivedFrom))
        if found is None:
            continue
        report, sentence = found

        def get(predicate: object, metric: ox.NamedNode = metric) -> str:
            return reader.value(metric, predicate)

        yield MetricFact(
            iri=metric.value,
            report=report,
            kind=get(GRK.metricKind),
            concept=get(GRK.measureConcept).removeprefix(prefix),
            measure=get(GRK.measure),
            value=Decimal(get(SCHEMA.value)),
            value_max=_decimal(get(SCHEMA.maxValue)),
            unit=get(SCHEMA.unitText),
            base_value=Decimal(get(GRK.baseValue)),
            base_value_max=_decimal(get(GRK.baseValueMax)),
            base_unit=get(GRK.baseUnit),
            qualifier=get(GRK.qualifier),
            direction=get(GRK.direction),
            year=_year(get(GRK.year)),
            sentence=sentence,
            start=int(get(GRK.startOffset) or 0),
        )


def read_projects(reader: GraphReader) -> Iterator[ProjectFact]:
    """Every project a sentence names (its mentions), and every action on a project with the
    status it gives it there."""
    for mention in reader.subjects(GRK.refersTo):
        project = ox.NamedNode(reader.value(mention, GRK.refersTo))
        found = reader.sentence(reader.value(mention, GRK.inSentence))
        if found is None or not reader.is_a(project, GRK.Project):
            continue
        label = reader.value(mention, GRK.text) or reader.value(project, RDFS.label)
        yield ProjectFact(project.value, label, found[0], "", None, found[1])
    for action in reader.subjects(RDF.type, _node(GRK.Action)):
        found = reader.sentence(reader.value(action, PROV.wasDerivedFrom))
        if found is None:
            continue
        status = STATUSES.get(reader.value(action, SCHEMA.actionStatus), "")
        year = _year(reader.value(action, GRK.year))
        for obj in reader.properties(action).get(str(SCHEMA.object), []):
            if isinstance(obj, ox.NamedNode) and reader.is_a(obj, GRK.Project):
                label = reader.value(obj, RDFS.label)
                yield ProjectFact(obj.value, label, found[0], status, year, found[1])


def read_sentences(reader: GraphReader) -> dict[str, list[Sentence]]:
    """Every sentence of each report, by the report's IRI, in the report's order: the next
    report's text is searched for a project its extractor did not name."""
    by_report: dict[str, list[Sentence]] = {}
    for node in reader.subjects(RDF.type, _node(GRK.Sentence)):
        found = reader.sentence(node.value)
        if found is not None:
            by_report.setdefault(found[0], []).append(found[1])
    for sentences in by_report.values():
        sentences.sort(key=lambda sentence: sentence.start)
    return by_report


def _text(term: object) -> str:
    return str(getattr(term, "value", ""))


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _year(text: str) -> int | None:
    return int(text[:4]) if text[:4].isdigit() else None
