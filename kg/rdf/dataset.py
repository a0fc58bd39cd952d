"""The graphs of one or more reports together: the merged graph and a named graph per report.

Triples are kept as pyoxigraph values and put in a fixed order before writing (subject, then
``rdf:type`` first, predicate, object), so the same reports give the same bytes whatever order
they were read in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.rdf.graph import ReportTriples, bind_prefixes
from kg.rdf.iris import prefixes
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.terms import Term, to_rdflib

_RDF_TYPE = ox.NamedNode(str(RDF.type))


def triple_order(triple: ox.Triple) -> tuple[str, bool, str]:
    """The order graphs are written in: subject, rdf:type first, predicate, object."""
    return (str(triple.subject), *order_in_subject(triple))


def order_in_subject(triple: ox.Triple) -> tuple[bool, str]:
    """The order of a subject's triples: rdf:type first, then by predicate and object (the
    N-Triples text, one call to pyoxigraph instead of one per term)."""
    return (triple.predicate != _RDF_TYPE, str(triple))


@dataclass(frozen=True)
class KnowledgeGraph:
    """Reports' graphs, in a deterministic order, with the prefixes to write them with."""

    reports: tuple[ReportTriples, ...]
    base: str = DEFAULT_BASE
    # The merged graph when it is more than the union of the reports' graphs (the corpus merge
    # rewrites aliased entities to one resource); None: the union.
    merged: tuple[ox.Triple, ...] | None = None
    prefixes: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.reports, key=lambda r: r.report.value))
        object.__setattr__(self, "reports", ordered)
        object.__setattr__(self, "prefixes", prefixes(self.base))

    @classmethod
    def of(
        cls,
        reports: Iterable[ReportTriples],
        base: str = DEFAULT_BASE,
        merged: Iterable[ox.Triple] | None = None,
    ) -> KnowledgeGraph:
        return cls(tuple(reports), base, None if merged is None else tuple(merged))

    @cached_property
    def triples(self) -> tuple[ox.Triple, ...]:
        """The merged graph: every report's triples once, in order."""
        if self.merged is not None:
            return tuple(sorted(set(self.merged), key=triple_order))
        union = dict.fromkeys(t for report in self.reports for t in report.triples)
        return tuple(sorted(union, key=triple_order))

    def quads(self) -> list[ox.Quad]:
        """Each report's triples in the report's named graph, reports and triples in order."""
        rank = {triple: index for index, triple in enumerate(self.triples)}
        return [
            ox.Quad(t.subject, t.predicate, t.object, report.report)
            for report in self.reports
            for t in sorted(report.triples, key=rank.__getitem__)
        ]

    def __len__(self) -> int:
        """Triples in the merged graph."""
        return len(self.triples)

    def streamed_length(self) -> int | None:
        """Triples in the merged graph if a writer has streamed it whole (counted on the way),
        else None: what a writer in another process tells its parent at no cost."""
        return len(self.triples) if "triples" in self.__dict__ else None

    def subject_objects(self, predicate: ox.NamedNode) -> Iterator[tuple[Term, Term]]:
        """Each (subject, object) of ``predicate`` in the merged graph, in no particular order;
        a pair may come more than once (for readers that index them, such as the page's view)."""
        return ((t.subject, t.object) for t in self.triples if t.predicate == predicate)

    def to_rdflib(self) -> Graph:
        """The merged graph as an rdflib ``Graph``, for code that reads one (the HTML page)."""
        graph = Graph()
        bind_prefixes(graph, self.base)
        graph.addN(
            (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), graph)
            for t in self.triples
        )
        return graph

    def to_rdflib_dataset(self) -> Dataset:
        """The named graphs as an rdflib ``Dataset``."""
        dataset = Dataset()
        bind_prefixes(dataset, self.base)
        for report in self.reports:
            graph = dataset.graph(URIRef(report.report.value))
            graph.addN(
                (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), graph)
                for t in sorted(report.triples, key=triple_order)
            )
        return dataset
