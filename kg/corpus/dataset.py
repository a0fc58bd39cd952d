"""The corpus as an RDF dataset in pyoxigraph: one named graph per report, and their merge.

The default graph is the merged corpus graph: every report's triples, with aliased entities
rewritten to their canonical resource (the alias's label kept as ``skos:altLabel``). The named
graph of each report (its report IRI) holds that report's triples, rewritten the same way, so a
query across reports meets one resource per entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox
from rdflib.namespace import RDFS, SKOS

from kg.corpus.aliases import Alias
from kg.corpus.task import ReportGraph
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.graph import ReportTriples

LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
_DEFAULT = ox.DefaultGraph()


class CorpusDataset:
    """Reports' graphs merged in an in-memory pyoxigraph store."""

    def __init__(self, aliases: Mapping[str, Alias], base: str) -> None:
        self.store = ox.Store()
        self.base = base
        self._aliases = {iri: ox.NamedNode(alias.canonical_iri) for iri, alias in aliases.items()}
        self.report_iris: list[str] = []

    def add_report(self, report: ReportGraph) -> None:
        graph = ox.NamedNode(report.report_iri)
        self.report_iris.append(report.report_iri)
        if any(entity.iri in self._aliases for entity in report.entities):
            triples = list(self._rewrite(ox.parse(report.ntriples, ox.RdfFormat.N_TRIPLES)))
            self.store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
            self.store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        else:
            data = report.ntriples.encode("utf-8")
            self.store.load(data, ox.RdfFormat.N_TRIPLES, to_graph=graph)
            self.store.load(data, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())

    def _rewrite(self, triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
        aliases = self._aliases
        for triple in triples:
            subject, predicate, obj = triple.subject, triple.predicate, triple.object
            if isinstance(subject, ox.NamedNode) and subject.value in aliases:
                subject = aliases[subject.value]
                if predicate == LABEL:
                    predicate = ALT_LABEL
            if isinstance(obj, ox.NamedNode) and obj.value in aliases:
                obj = aliases[obj.value]
            yield ox.Triple(subject, predicate, obj)

    def settle_labels(self) -> None:
        """Keep one ``rdfs:label`` per resource and language in the merged graph; others alt."""
        query = f"""
            SELECT ?s ?label WHERE {{
              {{ SELECT ?s ?lang (MIN(STR(?l)) AS ?keep) WHERE {{
                   ?s <{RDFS.label}> ?l BIND(LANG(?l) AS ?lang) }}
                 GROUP BY ?s ?lang HAVING (COUNT(?l) > 1) }}
              ?s <{RDFS.label}> ?label .
              FILTER(LANG(?label) = ?lang && STR(?label) != ?keep)
            }}"""
        extra = [(row["s"], row["label"]) for row in self.store.query(query)]  # type: ignore[union-attr]
        for subject, label in extra:
            self.store.remove(ox.Quad(subject, LABEL, label))
            self.store.add(ox.Quad(subject, ALT_LABEL, label))

    def __len__(self) -> int:
        """Triples in the merged graph."""
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def to_knowledge_graph(self) -> KnowledgeGraph:
        """The named graphs and the merged graph, for the exporters to write."""
        reports = [
            ReportTriples(
                ox.NamedNode(iri),
                tuple(
                    q.triple
                    for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(iri))
                ),
            )
            for iri in self.report_iris
        ]
        merged = (q.triple for q in self.store.quads_for_pattern(None, None, None, _DEFAULT))
        return KnowledgeGraph.of(reports, self.base, merged)
