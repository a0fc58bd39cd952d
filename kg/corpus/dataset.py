"""The corpus as an RDF dataset in pyoxigraph: one named graph per report, and their merge.

The store holds each report's graph as a named graph (its report IRI), with aliased entities
rewritten to their canonical resource (the alias's label kept as ``skos:altLabel``), so a query
across reports meets one resource per entity. The merged corpus graph is the union of the named
graphs, with one ``rdfs:label`` per resource and language (others become ``skos:altLabel``).

``to_knowledge_graph`` hands the exporters a view that reads the store as it is written, in the
same deterministic order as ``kg.rdf.dataset.KnowledgeGraph`` (where every subject has a type,
as in the graphs kg makes), subject by subject and report by report: a corpus of millions of
triples is never copied into Python objects.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import chain

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.corpus.aliases import Alias
from kg.corpus.task import ReportGraph
from kg.errors import InputError
from kg.rdf.dataset import KnowledgeGraph, triple_order
from kg.rdf.graph import bind_prefixes
from kg.rdf.terms import Term, to_rdflib

LABEL = ox.NamedNode(str(RDFS.label))
TYPE = ox.NamedNode(str(RDF.type))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
Subject = ox.NamedNode | ox.BlankNode | ox.Triple  # what a triple's subject can be


class CorpusDataset:
    """Reports' graphs as named graphs of an in-memory pyoxigraph store."""

    def __init__(self, base: str) -> None:
        self._store = ox.Store()
        self.base = base
        # Reports are parsed into the store by a thread of their own: pyoxigraph lets go of the
        # interpreter while it parses, so loading one report overlaps building the next.
        self._loader: ThreadPoolExecutor | None = None
        self._loading: list[Future[None]] = []
        # Triples in the merged graph, once a writer has streamed it whole (counting them in
        # SPARQL takes as long as a tenth of the build).
        self.merged_count: int | None = None
        self.report_iris: list[str] = []
        # Labels that become altLabels in the merged graph: {subject: {label literal}}.
        self.demoted: dict[Subject, set[ox.Literal]] = {}
        # AltLabels that are the merged graph's label too (one report's label, another's
        # altLabel): dropped there, since a resource's other names are not its name.
        self.repeated: dict[Subject, set[ox.Literal]] = {}
        # AltLabels that are some report's label: dropped from the reports' graphs as written
        # (N-Quads, TriG), whose union is what a reader or the shapes see.
        self.shadowed: dict[Subject, set[ox.Literal]] = {}

    def add_report(self, report: ReportGraph, *, check: bool = True) -> None:
        """Load a report's graph into its named graph (aliases are merged afterwards), in the
        background: ``store`` waits for every report given so far.

        ``check=False`` skips the parser's check of every IRI, for a graph this build's own
        N-Triples writer just made (IRIs valid by construction, literals escaped): it takes a
        third of the load's time. A graph read back from disk is always checked."""
        self.report_iris.append(report.report_iri)
        self.merged_count = None
        graph = ox.NamedNode(report.report_iri)
        if self._loader is None:
            self._loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-store-load")
        load = self._loader.submit(self._load, report.name, report.ntriples, graph, check)
        self._loading.append(load)

    def add_graph(self, iri: str, ntriples: bytes) -> None:
        """Add a graph this tool made from the reports' graphs (``kg track``'s outcomes) as a
        named graph of its own: the writers write it with the reports' graphs."""
        self.wait_for_loads()
        self.report_iris.append(iri)
        self.merged_count = None
        self._load(iri, ntriples, ox.NamedNode(iri), True)

    def _load(self, name: str, ntriples: bytes, graph: ox.NamedNode, check: bool) -> None:
        try:
            self._store.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=not check)
        except SyntaxError as error:  # the load is all or nothing: the store is as it was
            raise InputError(f"{name}: its graph does not parse ({error})") from None

    @property
    def store(self) -> ox.Store:
        """The store, with every report added so far loaded (a failed load raises here, as an
        InputError naming the report)."""
        self.wait_for_loads()
        return self._store

    def wait_for_loads(self) -> None:
        """Wait until every report added so far is in the store, and the loading thread has
        ended (a process with a thread of its own must not fork)."""
        if self._loader is not None:
            loader, pending = self._loader, self._loading
            self._loader, self._loading = None, []
            # The thread ends before the store is read or the process forks to write.
            loader.shutdown(wait=True)
            for loaded in pending:
                loaded.result()

    def merge_aliases(self, aliases: Mapping[str, Alias]) -> None:
        """Rewrite every aliased resource to its canonical one in every report's graph (in the
        store, far faster than in Python): the alias's label becomes an altLabel."""
        if not aliases:
            return
        self.merged_count = None
        pairs = " ".join(f"(<{iri}> <{alias.canonical_iri}>)" for iri, alias in aliases.items())
        self.store.update(f"""
            DELETE {{ GRAPH ?g {{ ?alias ?p ?o }} }}
            INSERT {{ GRAPH ?g {{ ?canonical ?q ?o }} }}
            WHERE {{
              VALUES (?alias ?canonical) {{ {pairs} }}
              GRAPH ?g {{ ?alias ?p ?o }}
              BIND(IF(?p = <{RDFS.label}>, <{SKOS.altLabel}>, ?p) AS ?q)
            }}""")
        self.store.update(f"""
            DELETE {{ GRAPH ?g {{ ?s ?p ?alias }} }}
            INSERT {{ GRAPH ?g {{ ?s ?p ?canonical }} }}
            WHERE {{ VALUES (?alias ?canonical) {{ {pairs} }} GRAPH ?g {{ ?s ?p ?alias }} }}""")

    def settle_labels(self) -> None:
        """Find resources with several labels in one language across reports: in the merged
        graph the least one (by code point) stays ``rdfs:label``, the others become altLabels;
        an altLabel equal to the label that stays is dropped. The reports' graphs as written
        keep their own labels and drop an altLabel that is any report's label."""
        self.merged_count = None
        query = f"""
            SELECT DISTINCT ?s ?label WHERE {{
              {{ SELECT ?s ?lang (MIN(STR(?l)) AS ?keep) WHERE {{
                   GRAPH ?g {{ ?s <{RDFS.label}> ?l }} BIND(LANG(?l) AS ?lang) }}
                 GROUP BY ?s ?lang HAVING (COUNT(DISTINCT ?l) > 1) }}
              GRAPH ?h {{ ?s <{RDFS.label}> ?label }}
              FILTER(LANG(?label) = ?lang && STR(?label) != ?keep)
            }}"""
        demoted: dict[Subject, set[ox.Literal]] = defaultdict(set)
        for row in self._select(query):
            demoted[row["s"]].add(row["label"])
        self.demoted = dict(demoted)
        repeated: dict[Subject, set[ox.Literal]] = defaultdict(set)
        shadowed: dict[Subject, set[ox.Literal]] = defaultdict(set)
        query = f"""SELECT DISTINCT ?s ?l WHERE {{
            GRAPH ?g {{ ?s <{SKOS.altLabel}> ?l }} GRAPH ?h {{ ?s <{RDFS.label}> ?l }} }}"""
        for row in self._select(query):
            shadowed[row["s"]].add(row["l"])
            if row["l"] not in self.demoted.get(row["s"], ()):
                repeated[row["s"]].add(row["l"])
        self.repeated = dict(repeated)
        self.shadowed = dict(shadowed)

    def merged_triples(self) -> Iterator[ox.Triple]:
        """The merged graph, each triple once, sorted as KnowledgeGraph sorts (by subject).

        The subjects are read off the rdf:type index (every resource kg makes has a type), 0.1 s
        less than a SPARQL query for the distinct subjects. Should the reports' quads outnumber
        those of the typed subjects, the untyped subjects follow, in the same order."""
        store = self.store
        typed = {quad.subject for quad in store.quads_for_pattern(None, TYPE, None, None)}
        count = read = 0
        for subject in sorted(typed, key=str):
            triples, quads = self._subject_triples(store, subject)
            count += len(triples)
            read += quads
            yield from triples
        if read < len(store):
            for subject in sorted(set(self._subjects()) - typed, key=str):
                triples, _ = self._subject_triples(store, subject)
                count += len(triples)
                yield from triples
        self.merged_count = count

    def _subject_triples(self, store: ox.Store, subject: Subject) -> tuple[list[ox.Triple], int]:
        """A subject's triples in the merged graph, in order, and how many quads held them."""
        # Each triple once (several reports may hold it), by its N-Triples text: Python hashes
        # and sorts that text faster than it compares pyoxigraph's terms.
        triples: dict[str, ox.Triple] = {}
        quads = 0
        for quad in store.quads_for_pattern(subject, None, None, None):
            triple = quad.triple
            triples[str(triple)] = triple
            quads += 1
        if subject in self.demoted or subject in self.repeated:
            triples = self._merged_labels(subject, triples)
        lines = _type_first(sorted(triples), f"{subject} {TYPE} ")
        return [triples[line] for line in lines], quads

    def _merged_labels(
        self, subject: Subject, triples: dict[str, ox.Triple]
    ) -> dict[str, ox.Triple]:
        """A subject's triples with its demoted labels as altLabels, its repeated ones gone."""
        demoted = self.demoted.get(subject, set())
        repeated = self.repeated.get(subject, set())
        merged = {}
        for triple in triples.values():
            if triple.predicate == LABEL and triple.object in demoted:
                triple = ox.Triple(triple.subject, ALT_LABEL, triple.object)
            elif triple.predicate == ALT_LABEL and triple.object in repeated:
                continue
            merged[str(triple)] = triple
        return merged

    def _subjects(self) -> Iterator[ox.NamedNode | ox.BlankNode]:
        for row in self._select("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield row["s"]

    def subject_objects(self, predicate: ox.NamedNode) -> Iterator[tuple[Term, Term]]:
        """Each (subject, object) of ``predicate`` in the merged graph, unordered, straight from
        the store's index (a pair repeats when several reports hold it); labels as merged."""
        quads = self.store.quads_for_pattern(None, predicate, None, None)
        if predicate == LABEL:
            return _pairs_except(quads, self.demoted)
        if predicate == ALT_LABEL:
            demoted = ((s, label) for s, labels in self.demoted.items() for label in labels)
            return chain(_pairs_except(quads, self.repeated), demoted)
        # Two terms read off each quad: unpacking it would make all four.
        return ((quad.subject, quad.object) for quad in quads)

    def report_quads(self) -> Iterator[ox.Quad]:
        """Each report's graph in turn (reports by IRI), its triples in KnowledgeGraph's order;
        an altLabel that is some report's label is left out (their union would hold a resource
        whose other name is its name)."""
        for iri in sorted(set(self.report_iris)):
            graph = ox.NamedNode(iri)
            triples = [
                q.triple
                for q in self.store.quads_for_pattern(None, None, None, graph)
                if not (q.predicate == ALT_LABEL and q.object in self.shadowed.get(q.subject, ()))
            ]
            for t in sorted(triples, key=triple_order):
                yield ox.Quad(t.subject, t.predicate, t.object, graph)

    def stored_quads(self) -> int:
        """Triples in all the reports' graphs together (a triple in two reports counts twice):
        the size of what the store holds, known at once."""
        return len(self.store)

    def __len__(self) -> int:
        """Triples in the merged graph."""
        if self.merged_count is not None:
            return self.merged_count
        query = (
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"
        )
        count = next(iter(self._select(query)))["n"]
        distinct = int(count.value) if isinstance(count, ox.Literal) else 0
        # A demoted label that is some report's altLabel already becomes that same triple.
        collisions = sum(
            1
            for subject, labels in self.demoted.items()
            for label in labels
            if next(iter(self.store.quads_for_pattern(subject, ALT_LABEL, label, None)), None)
        )
        return distinct - collisions - sum(len(labels) for labels in self.repeated.values())

    def _select(self, query: str) -> ox.QuerySolutions:
        solutions = self.store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)  # a SELECT query
        return solutions

    def to_knowledge_graph(self) -> KnowledgeGraph:
        """The view of this corpus that the exporters write (see the module's comment)."""
        return StoreGraph(self)


class StoreGraph(KnowledgeGraph):
    """A KnowledgeGraph whose triples and quads stream from a ``CorpusDataset``'s store."""

    dataset: CorpusDataset

    def __init__(self, dataset: CorpusDataset) -> None:
        super().__init__((), dataset.base)
        object.__setattr__(self, "dataset", dataset)

    @property
    def triples(self) -> Iterator[ox.Triple]:  # type: ignore[override]
        return self.dataset.merged_triples()

    def quads(self) -> Iterator[ox.Quad]:  # type: ignore[override]
        return self.dataset.report_quads()

    def __len__(self) -> int:
        return len(self.dataset)

    def streamed_length(self) -> int | None:
        return self.dataset.merged_count

    def subject_objects(self, predicate: ox.NamedNode) -> Iterator[tuple[Term, Term]]:
        return self.dataset.subject_objects(predicate)

    def to_rdflib_dataset(self) -> Dataset:
        dataset = Dataset()
        bind_prefixes(dataset, self.base)
        graphs: dict[str, Graph] = {}
        for quad in self.quads():
            name = quad.graph_name.value  # type: ignore[union-attr]
            if name not in graphs:
                graphs[name] = dataset.graph(URIRef(name))
            graphs[name].add(
                (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
            )
        return dataset


def _type_first(lines: list[str], typed: str) -> list[str]:
    """A subject's sorted N-Triples lines with its ``rdf:type`` ones (those starting with
    ``typed``: a run of the sorted lines) moved first, as ``order_in_subject`` orders them."""
    start = bisect_left(lines, typed)
    if start == 0:
        return lines
    end = bisect_left(lines, typed[:-1] + "!")  # "!" follows the space that ends ``typed``
    return lines[start:end] + lines[:start] + lines[end:]


def _pairs_except(
    quads: Iterator[ox.Quad], dropped: dict[Subject, set[ox.Literal]]
) -> Iterator[tuple[Term, Term]]:
    """(subject, object) of each quad but those whose object ``dropped`` lists for the subject."""
    for quad in quads:
        subject, obj = quad.subject, quad.object
        if subject not in dropped or obj not in dropped[subject]:
            yield subject, obj
