"""The corpus as an RDF dataset in pyoxigraph: one named graph per report, and their merge.

The default graph is the merged corpus graph: every report's triples, with aliased entities
rewritten to their canonical resource (the alias's label kept as ``skos:altLabel``). The named
graph of each report (its report IRI) holds that report's triples, rewritten the same way, so a
query across reports meets one resource per entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from kg.corpus.aliases import Alias
from kg.corpus.task import ReportGraph
from kg.export.atomic import atomic_write
from kg.rdf.graph import bind_prefixes

LABEL = ox.NamedNode(str(RDFS.label))
ALT_LABEL = ox.NamedNode(str(SKOS.altLabel))
_DEFAULT = ox.DefaultGraph()

# Formats the dataset writes itself (fast, in Rust), by format name: (RdfFormat, whole dataset?)
DATASET_FORMATS: dict[str, tuple[ox.RdfFormat, bool, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, False, "graph.ttl"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False, "graph.nt"),
    "nquads": (ox.RdfFormat.N_QUADS, True, "graph.nq"),
    "trig": (ox.RdfFormat.TRIG, True, "graph.trig"),
}


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

    def prefixes(self) -> dict[str, str]:
        from kg.store.local import project_prefixes

        return project_prefixes(self.base)

    def write(self, format_name: str, path: Path) -> None:
        """Write the merged graph (Turtle, N-Triples) or the named graphs (N-Quads, TriG)."""
        rdf_format, whole, _ = DATASET_FORMATS[format_name]
        with_prefixes = rdf_format in {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG}
        prefixes = self.prefixes() if with_prefixes else None
        with atomic_write(path, binary=True) as handle:
            if whole:
                quads = (
                    quad
                    for iri in self.report_iris
                    for quad in self.store.quads_for_pattern(None, None, None, ox.NamedNode(iri))
                )
                ox.serialize(quads, handle, rdf_format, prefixes=prefixes)
            else:
                # The in-memory store keeps no order: sort so that Turtle groups each subject's
                # triples under it, and the same corpus always gives the same file.
                triples = sorted(
                    (q.triple for q in self.store.quads_for_pattern(None, None, None, _DEFAULT)),
                    key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
                )
                ox.serialize(triples, handle, rdf_format, prefixes=prefixes)

    def to_rdflib(self) -> Graph:
        """The merged graph as an rdflib graph, for the exporters that read one.

        Terms are converted directly and each distinct term once (twice as fast as rdflib
        parsing N-Triples); rdflib's own store still costs most of the time.
        """
        graph = Graph()
        bind_prefixes(graph, self.base)
        convert = _TermConverter()
        graph.addN(
            (convert(q.subject), convert(q.predicate), convert(q.object), graph)
            for q in self.store.quads_for_pattern(None, None, None, _DEFAULT)
        )
        return graph


class _TermConverter:
    """pyoxigraph terms to rdflib terms, remembering each one converted."""

    def __init__(self) -> None:
        self._seen: dict[object, Node] = {}

    def __call__(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
        converted = self._seen.get(term)
        if converted is None:
            converted = self._seen[term] = self._convert(term)
        return converted

    @staticmethod
    def _convert(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if isinstance(term, ox.Literal):
            if term.language:
                return Literal(term.value, lang=term.language)
            return Literal(term.value, datatype=URIRef(term.datatype.value))
        raise TypeError(f"RDF-star triple terms are not supported: {term}")
