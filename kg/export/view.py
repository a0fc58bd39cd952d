"""The graph as people explore it: entities, the actions on them, metrics and their sentences.

Read once from the RDF graph (through the closed namespaces, so renamed terms are followed)
into plain frozen records that the page and the networkx view both draw from.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS
from rdflib.term import Node

from kg.rdf.namespaces import GRK, SCHEMA

# Order matters: an entity typed twice is drawn with the first of its types.
ENTITY_TYPES: tuple[tuple[str, URIRef], ...] = (
    ("Project", GRK.Project),
    ("Organization", GRK.Organization),
    ("Place", GRK.Place),
)
STATUS_NAMES: dict[Node, str] = {
    SCHEMA.PotentialActionStatus: "planned",
    SCHEMA.ActiveActionStatus: "ongoing",
    SCHEMA.CompletedActionStatus: "completed",
}
NO_SECTION = "unknown"


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
class GraphView:
    entities: tuple[EntityView, ...]
    actions: tuple[ActionView, ...]
    metrics: tuple[MetricView, ...]
    sentences: dict[str, SentenceView]
    reports: tuple[str, ...]

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


def read_view(graph: Graph) -> GraphView:
    """The exploration view of an RDF graph built by ``kg.rdf`` (one report or many)."""
    sentences: dict[str, SentenceView] = {}
    report_names = _report_names(graph)

    def sentence_iri(node: Node | None) -> str | None:
        if not isinstance(node, URIRef):
            return None
        key = str(node)
        if key not in sentences:
            sentences[key] = _read_sentence(graph, node, report_names)
        return key

    actions = tuple(
        _read_action(graph, node, sentence_iri(graph.value(node, PROV.wasDerivedFrom)))
        for node in _sorted_subjects(graph, GRK.Action)
    )
    metrics = tuple(
        _read_metric(graph, node, sentence_iri(graph.value(node, PROV.wasDerivedFrom)))
        for node in _sorted_subjects(graph, GRK.Metric)
    )
    acted_in: dict[str, set[str]] = defaultdict(set)
    for action in actions:
        if action.sentence:
            for iri in (*action.objects, action.agent, action.location):
                if iri:
                    acted_in[iri].add(action.sentence)

    # Mentions are resources (grk:refersTo the entity, grk:inSentence); older graphs link the
    # entity to its sentences directly (grk:mentionedIn).
    mentioned_in: dict[Node, set[Node]] = defaultdict(set)
    for mention, entity in graph.subject_objects(GRK.refersTo):
        mentioned_in[entity].update(graph.objects(mention, GRK.inSentence))
    for entity, sentence in graph.subject_objects(GRK.mentionedIn):
        mentioned_in[entity].add(sentence)

    entities = []
    for node in sorted({s for _, cls in ENTITY_TYPES for s in _subjects(graph, cls)}):
        types = [name for name, cls in ENTITY_TYPES if (node, RDF.type, cls) in graph]
        mentioned = {sentence_iri(s) for s in mentioned_in[node]}
        in_sentences = sorted(
            {s for s in mentioned if s} | acted_in[str(node)],
            key=lambda iri: (sentences[iri].report, sentences[iri].start or 0, iri),
        )
        entities.append(
            EntityView(
                iri=str(node),
                label=_text(graph.value(node, RDFS.label)) or _local_name(node),
                type=types[0],
                other_types=tuple(types[1:]),
                alt_labels=tuple(sorted(_text(alt) for alt in graph.objects(node, SKOS.altLabel))),
                sentences=tuple(in_sentences),
            )
        )
    entities.sort(key=lambda e: ([n for n, _ in ENTITY_TYPES].index(e.type), e.label, e.iri))
    reports = tuple(sorted({s.report for s in sentences.values()}))
    return GraphView(tuple(entities), actions, metrics, sentences, reports)


def _report_names(graph: Graph) -> dict[Node, str]:
    """A distinct name per report: its title, with its file name where titles repeat."""
    reports = set(graph.subjects(RDF.type, GRK.Report)) | set(graph.objects(None, GRK.inReport))
    titles = {r: _text(graph.value(r, RDFS.label)) or str(r) for r in reports}
    repeated = Counter(titles.values())
    names = {}
    for report, title in titles.items():
        source = _text(graph.value(report, GRK.sourceFile))
        names[report] = f"{title} ({source})" if repeated[title] > 1 else title
    still = Counter(names.values())
    return {r: f"{titles[r]} ({r})" if still[name] > 1 else name for r, name in names.items()}


def _read_sentence(graph: Graph, node: URIRef, report_names: dict[Node, str]) -> SentenceView:
    section_node = graph.value(node, GRK.inSection)
    section = graph.value(node, GRK.sectionKind)
    if section is None and section_node is not None:  # the kind may be on the section only
        section = graph.value(section_node, GRK.sectionKind)
    report = graph.value(node, GRK.inReport)
    start = graph.value(node, GRK.startOffset)
    return SentenceView(
        iri=str(node),
        text=_text(graph.value(node, GRK.text)),
        section=_text(section) or NO_SECTION,
        report=report_names.get(report, "") if report is not None else "",
        start=int(start.toPython()) if isinstance(start, Literal) else None,
        heading=_text(graph.value(section_node, RDFS.label)) if section_node else "",
    )


def _read_action(graph: Graph, node: URIRef, sentence: str | None) -> ActionView:
    year = graph.value(node, GRK.year)
    return ActionView(
        iri=str(node),
        verb=_text(graph.value(node, GRK.verb)),
        status=STATUS_NAMES.get(graph.value(node, SCHEMA.actionStatus), ""),  # type: ignore[arg-type]
        objects=tuple(sorted(str(o) for o in graph.objects(node, SCHEMA.object))),
        agent=_iri(graph.value(node, SCHEMA.agent)),
        location=_iri(graph.value(node, SCHEMA.location)),
        year=str(year)[:4] if year is not None else None,
        sentence=sentence,
    )


def _read_metric(graph: Graph, node: URIRef, sentence: str | None) -> MetricView:
    return MetricView(
        iri=str(node),
        value=_text(graph.value(node, SCHEMA.value)),
        unit=_text(graph.value(node, SCHEMA.unitText)),
        qualifier=_text(graph.value(node, GRK.qualifier)),
        measure=_text(graph.value(node, GRK.measure)),
        kind=_text(graph.value(node, GRK.metricKind)),
        entity=_iri(graph.value(node, GRK.aboutEntity)),
        sentence=sentence,
    )


def _subjects(graph: Graph, cls: URIRef) -> list[URIRef]:
    return [s for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)]


def _sorted_subjects(graph: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(set(_subjects(graph, cls)), key=_natural_key)


def _natural_key(node: str) -> tuple[str, int, str]:
    """Sort …/action/9 before …/action/10."""
    head, _, tail = node.rpartition("/")
    return (head, int(tail), "") if tail.isdigit() else (head, -1, tail)


def _text(node: Node | None) -> str:
    return str(node) if isinstance(node, Literal) else ""


def _iri(node: Node | None) -> str | None:
    return str(node) if isinstance(node, URIRef) else None


def _local_name(node: URIRef) -> str:
    return str(node).rstrip("/").rpartition("/")[2]
