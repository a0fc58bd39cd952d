"""The graph as people explore it: entities, the actions on them, metrics and their sentences.

Read once from the RDF graph (through the closed namespaces, so renamed terms are followed)
into plain frozen records that the page and the networkx view both draw from. The graph is
an rdflib ``Graph`` or, in a build, the ``KnowledgeGraph`` being written: its triples are read
as pyoxigraph terms into a small index (only the predicates the view needs), never copied
into an rdflib graph.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import PROV, SKOS

from kg.rdf.counts import count_types
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.namespaces import GRK, SCHEMA, Terms
from kg.rdf.terms import Term, from_rdflib

# The vocabularies' terms, each looked up once: the view reads some 100,000 of them.
grk, schema, prov = Terms(GRK, URIRef), Terms(SCHEMA, URIRef), Terms(PROV, URIRef)
rdf, rdfs, skos = Terms(RDF, URIRef), Terms(RDFS, URIRef), Terms(SKOS, URIRef)

# Order matters: an entity typed twice is drawn with the first of its types.
ENTITY_TYPES: tuple[tuple[str, URIRef], ...] = (
    ("Project", grk.Project),
    ("Organization", grk.Organization),
    ("Place", grk.Place),
)
STATUS_NAMES: dict[str, str] = {
    str(schema.PotentialActionStatus): "planned",
    str(schema.ActiveActionStatus): "ongoing",
    str(schema.CompletedActionStatus): "completed",
}
NO_SECTION = "unknown"
# The predicates the view reads; the rest of a graph (offsets' ends, base values, OWL-Time…)
# is not read at all.
READ_PREDICATES: tuple[URIRef, ...] = (
    rdf.type,
    rdfs.label,
    skos.altLabel,
    prov.wasDerivedFrom,
    grk.refersTo,
    grk.inSentence,
    grk.mentionedIn,
    grk.inSection,
    grk.sectionKind,
    grk.inReport,
    grk.startOffset,
    grk.text,
    grk.sourceFile,
    grk.region,
    grk.planYear,
    grk.reviewYear,
    grk.verb,
    grk.year,
    grk.qualifier,
    grk.measure,
    grk.metricKind,
    grk.aboutEntity,
    schema.actionStatus,
    schema.object,
    schema.agent,
    schema.location,
    schema.value,
    schema.unitText,
)


@dataclass(frozen=True, slots=True)
class SentenceView:
    iri: str
    text: str
    section: str  # the section kind: review, plan, outlook, preamble, other (or unknown)
    report: str  # the report's title (with its file name if another report has the same title)
    start: int | None = None
    heading: str = ""  # the section's heading as written, where the graph has it


@dataclass(frozen=True, slots=True)
class ActionView:
    iri: str
    verb: str
    status: str  # planned, ongoing, completed, or "" when the graph gives none
    objects: tuple[str, ...]  # entity IRIs
    agent: str | None = None
    location: str | None = None
    year: str | None = None
    sentence: str | None = None  # sentence IRI


@dataclass(frozen=True, slots=True)
class MetricView:
    iri: str
    value: str  # the number as written (lexical form of schema:value)
    unit: str
    qualifier: str = ""
    measure: str = ""
    kind: str = ""  # actual or target
    entity: str | None = None  # the entity IRI the metric is about
    sentence: str | None = None

    @property
    def display(self) -> str:
        """The quantity as a reader says it: 超 3.6 万平方米."""
        return f"{self.qualifier}{self.value}{self.unit}"


@dataclass(frozen=True, slots=True)
class EntityView:
    iri: str
    label: str
    type: str  # Project, Organization or Place
    other_types: tuple[str, ...] = ()
    alt_labels: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()  # sentence IRIs where it is mentioned or acted on


@dataclass(frozen=True, slots=True)
class CoMention:
    """Two entities named in the same sentence."""

    first: str
    second: str
    sentence: str


@dataclass(frozen=True, slots=True)
class ReportView:
    name: str  # a distinct name: its title, region and year where the title lacks them
    region: str = ""
    year: str = ""  # the year the report is for (its plan year)
    file: str = ""


@dataclass(frozen=True, slots=True)
class GraphView:
    entities: tuple[EntityView, ...]
    actions: tuple[ActionView, ...]
    metrics: tuple[MetricView, ...]
    sentences: dict[str, SentenceView]
    reports: tuple[str, ...]  # report names, as sentences give them (SentenceView.report)
    report_details: dict[str, ReportView] = field(default_factory=dict)  # by name
    counts: dict[str, int] = field(default_factory=dict)  # kg.rdf.counts of the graph

    def co_mentions(self) -> list[CoMention]:
        """Each pair of entities sharing a sentence, once per sentence, in a stable order."""
        by_sentence: dict[str, list[str]] = defaultdict(list)
        for entity in self.entities:
            for sentence in entity.sentences:
                by_sentence[sentence].append(entity.iri)
        pairs = []
        for sentence in sorted(by_sentence):
            for first, second in combinations(sorted(set(by_sentence[sentence])), 2):
                pairs.append(CoMention(first, second, sentence))
        return pairs


class _Index:
    """The triples the view reads, by predicate IRI and subject."""

    def __init__(self, pairs: Callable[[URIRef], Iterable[tuple[Term, Term]]]) -> None:
        self.by_predicate: dict[URIRef, dict[Term, list[Term]]] = {}
        for predicate in READ_PREDICATES:
            objects_of: dict[Term, list[Term]] = {}
            for subject, obj in pairs(predicate):
                # A pair may repeat (a triple in several reports' graphs): readers use sets.
                found = objects_of.get(subject)
                if found is None:
                    objects_of[subject] = [obj]
                else:
                    found.append(obj)
            self.by_predicate[predicate] = objects_of
        self.instances: dict[str, list[Term]] = defaultdict(list)  # class IRI -> subjects
        for subject, classes in self.by_predicate[rdf.type].items():
            for cls in classes:
                if isinstance(cls, ox.NamedNode):
                    self.instances[cls.value].append(subject)

    def objects(self, subject: Term | None, predicate: URIRef) -> list[Term]:
        if subject is None:
            return []
        return self.by_predicate[predicate].get(subject, [])

    def value(self, subject: Term | None, predicate: URIRef) -> Term | None:
        """One object (the least in N-Triples order when there are several), or None."""
        found = self.objects(subject, predicate)
        if not found:
            return None
        return found[0] if len(found) == 1 else min(found, key=str)

    def subject_objects(self, predicate: URIRef) -> Iterable[tuple[Term, list[Term]]]:
        return self.by_predicate[predicate].items()

    def types(self, subject: Term) -> list[Term]:
        return self.objects(subject, rdf.type)


def _pairs(graph: Graph | KnowledgeGraph) -> Callable[[URIRef], Iterable[tuple[Term, Term]]]:
    """How to read the (subject, object) pairs of a predicate from ``graph``."""
    if isinstance(graph, KnowledgeGraph):
        return lambda predicate: graph.subject_objects(ox.NamedNode(str(predicate)))

    def from_rdflib_graph(predicate: URIRef) -> Iterable[tuple[Term, Term]]:
        return ((from_rdflib(s), from_rdflib(o)) for s, o in graph.subject_objects(predicate))

    return from_rdflib_graph


def read_view(graph: Graph | KnowledgeGraph) -> GraphView:
    """The exploration view of an RDF graph built by ``kg.rdf`` (one report or many)."""
    index = _Index(_pairs(graph))
    sentences: dict[str, SentenceView] = {}
    report_names = _report_names(index)

    def sentence_iri(node: Term | None) -> str | None:
        if not isinstance(node, ox.NamedNode):
            return None
        key = node.value
        if key not in sentences:
            sentences[key] = _read_sentence(index, node, report_names)
        return key

    actions = tuple(
        _read_action(index, node, sentence_iri(index.value(node, prov.wasDerivedFrom)))
        for node in _sorted_subjects(index, grk.Action)
    )
    metrics = tuple(
        _read_metric(index, node, sentence_iri(index.value(node, prov.wasDerivedFrom)))
        for node in _sorted_subjects(index, grk.Metric)
    )
    acted_in: dict[str, set[str]] = defaultdict(set)
    for action in actions:
        if action.sentence:
            for iri in (*action.objects, action.agent, action.location):
                if iri:
                    acted_in[iri].add(action.sentence)

    # Mentions are resources (grk:refersTo the entity, grk:inSentence); older graphs link the
    # entity to its sentences directly (grk:mentionedIn).
    mentioned_in: dict[Term, set[Term]] = defaultdict(set)
    for mention, referred in index.subject_objects(grk.refersTo):
        in_sentences = index.objects(mention, grk.inSentence)
        for entity in referred:
            mentioned_in[entity].update(in_sentences)
    for entity, sentence_nodes in index.subject_objects(grk.mentionedIn):
        mentioned_in[entity].update(sentence_nodes)

    entities = []
    typed = {s for _, cls in ENTITY_TYPES for s in _subjects(index, cls)}
    for node in sorted(typed, key=lambda n: n.value):
        node_types = {t.value for t in index.types(node) if isinstance(t, ox.NamedNode)}
        types = [name for name, cls in ENTITY_TYPES if str(cls) in node_types]
        # In IRI order, so that sentences are numbered the same way in every run.
        mentioned = {sentence_iri(s) for s in sorted(mentioned_in[node], key=str)}
        named_in = sorted(
            {s for s in mentioned if s} | acted_in[node.value],
            key=lambda iri: (sentences[iri].report, sentences[iri].start or 0, iri),
        )
        entities.append(
            EntityView(
                iri=node.value,
                label=_text(index.value(node, rdfs.label)) or _local_name(node),
                type=types[0],
                other_types=tuple(types[1:]),
                alt_labels=tuple(
                    sorted({_text(alt) for alt in index.objects(node, skos.altLabel)})
                ),
                sentences=tuple(named_in),
            )
        )
    entities.sort(key=lambda e: ([n for n, _ in ENTITY_TYPES].index(e.type), e.label, e.iri))
    reports = tuple(sorted({s.report for s in sentences.values()}))
    details = {
        name: ReportView(
            name=name,
            region=_text(index.value(report, grk.region)),
            year=_year(index, report),
            file=_text(index.value(report, grk.sourceFile)),
        )
        for report, name in report_names.items()
    }
    counts = count_types(
        (subject, cls) for subject, classes in index.subject_objects(rdf.type) for cls in classes
    )
    return GraphView(tuple(entities), actions, metrics, sentences, reports, details, counts)


def _report_names(index: _Index) -> dict[Term, str]:
    """A distinct name per report: its title, made of its year and region where the title
    names neither (政府工作报告 of 广东省 in 2026: 2026年广东省政府工作报告), with its file name
    where names still repeat."""
    reports = set(index.instances[str(grk.Report)])
    for objects in index.by_predicate[grk.inReport].values():
        reports.update(objects)
    titles = {r: _title(index, r) for r in reports}
    repeated = Counter(titles.values())
    names = {}
    for report, title in titles.items():
        source = _text(index.value(report, grk.sourceFile))
        names[report] = f"{title} ({source})" if repeated[title] > 1 else title
    still = Counter(names.values())
    return {
        r: f"{titles[r]} ({_node_text(r)})" if still[name] > 1 else name
        for r, name in names.items()
    }


_GENERIC_TITLE = re.compile(r"(?:\d{4}年)?((?:人民)?政府工作报告)?")


def _title(index: _Index, report: Term) -> str:
    """The report's title; where it names no region (政府工作报告, 2026年政府工作报告), one
    made of the year and region the graph gives it."""
    title = _text(index.value(report, rdfs.label))
    region = _text(index.value(report, grk.region))
    generic = _GENERIC_TITLE.fullmatch(title)
    if region and generic is not None:
        year = _year(index, report)
        kind = generic.group(1) or "政府工作报告"
        return f"{year}年{region}{kind}" if year else f"{region}{kind}"
    return title or _node_text(report)


def _year(index: _Index, report: Term) -> str:
    """The year a report is for: its plan year, else the year after the one it reviews."""
    plan = index.value(report, grk.planYear)
    if plan is not None:
        return _node_text(plan)[:4]
    review = index.value(report, grk.reviewYear)
    if review is not None and _node_text(review)[:4].isdigit():
        return str(int(_node_text(review)[:4]) + 1)
    return ""


def _read_sentence(
    index: _Index, node: ox.NamedNode, report_names: dict[Term, str]
) -> SentenceView:
    section_node = index.value(node, grk.inSection)
    section = index.value(node, grk.sectionKind)
    if section is None and section_node is not None:  # the kind may be on the section only
        section = index.value(section_node, grk.sectionKind)
    report = index.value(node, grk.inReport)
    return SentenceView(
        iri=node.value,
        text=_text(index.value(node, grk.text)),
        section=_text(section) or NO_SECTION,
        report=report_names.get(report, "") if report is not None else "",
        start=_integer(index.value(node, grk.startOffset)),
        heading=_text(index.value(section_node, rdfs.label)) if section_node else "",
    )


def _read_action(index: _Index, node: ox.NamedNode, sentence: str | None) -> ActionView:
    year = index.value(node, grk.year)
    status = index.value(node, schema.actionStatus)
    return ActionView(
        iri=node.value,
        verb=_text(index.value(node, grk.verb)),
        status=STATUS_NAMES.get(status.value, "") if isinstance(status, ox.NamedNode) else "",
        objects=tuple(sorted({_node_text(o) for o in index.objects(node, schema.object)})),
        agent=_iri(index.value(node, schema.agent)),
        location=_iri(index.value(node, schema.location)),
        year=_node_text(year)[:4] if year is not None else None,
        sentence=sentence,
    )


def _read_metric(index: _Index, node: ox.NamedNode, sentence: str | None) -> MetricView:
    return MetricView(
        iri=node.value,
        value=_text(index.value(node, schema.value)),
        unit=_text(index.value(node, schema.unitText)),
        qualifier=_text(index.value(node, grk.qualifier)),
        measure=_text(index.value(node, grk.measure)),
        kind=_text(index.value(node, grk.metricKind)),
        entity=_iri(index.value(node, grk.aboutEntity)),
        sentence=sentence,
    )


def _subjects(index: _Index, cls: URIRef) -> list[ox.NamedNode]:
    return [s for s in index.instances[str(cls)] if isinstance(s, ox.NamedNode)]


def _sorted_subjects(index: _Index, cls: URIRef) -> list[ox.NamedNode]:
    return sorted(set(_subjects(index, cls)), key=lambda node: _natural_key(node.value))


def _natural_key(node: str) -> tuple[str, int, str]:
    """Sort …/action/9 before …/action/10."""
    head, _, tail = node.rpartition("/")
    return (head, int(tail), "") if tail.isdigit() else (head, -1, tail)


def _text(node: Term | None) -> str:
    return node.value if isinstance(node, ox.Literal) else ""


def _node_text(node: Term) -> str:
    """What rdflib's ``str`` gives: the IRI, the blank node's id or the literal's lexical form."""
    return node.value if not isinstance(node, ox.Triple) else str(node)


def _integer(node: Term | None) -> int | None:
    if not isinstance(node, ox.Literal):
        return None
    try:
        return int(node.value)
    except ValueError:
        return None


def _iri(node: Term | None) -> str | None:
    return node.value if isinstance(node, ox.NamedNode) else None


def _local_name(node: ox.NamedNode) -> str:
    return node.value.rstrip("/").rpartition("/")[2]
