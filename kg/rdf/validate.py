"""Check graphs against the SHACL shapes (pyshacl) and describe violations readably."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.rdf.iris import prefixes
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.ontology import load_shapes
from kg.rdf.terms import to_rdflib


@dataclass(frozen=True, slots=True)
class Violation:
    focus: str  # the node that fails, as a prefixed name where one fits
    path: str  # the property, or "" for a node-level constraint
    value: str  # the offending value, or ""
    message: str
    severity: str  # Violation, Warning, Info


@dataclass(frozen=True, slots=True)
class ValidationResult:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def summary(self, *, limit: int = 20) -> str:
        """A few lines: the verdict, each distinct problem with a count, then examples."""
        if self.conforms:
            return f"conforms: {self.triples} triples, no violations"
        lines = [f"does not conform: {len(self.violations)} violation(s) in {self.triples} triples"]
        by_problem = Counter((v.path, v.message) for v in self.violations)
        for (path, message), count in by_problem.most_common():
            where = f"{path}: " if path else ""
            lines.append(f"  {count} x {where}{message}")
        lines.append("examples:")
        for violation in self.violations[:limit]:
            value = f" (value {violation.value})" if violation.value else ""
            where = f" {violation.path}" if violation.path else ""
            lines.append(f"  {violation.focus}{where}: {violation.message}{value}")
        if len(self.violations) > limit:
            lines.append(f"  … and {len(self.violations) - limit} more")
        return "\n".join(lines)


def quads_to_graph(quads: Iterable[ox.Quad]) -> Graph:
    """The union of the quads' graphs as one rdflib graph (what the shapes are checked on)."""
    graph = Graph()
    graph.addN(
        (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), graph) for q in quads
    )
    return graph


def validate_graph(
    graph: Graph, *, shapes: Path | None = None, base: str = DEFAULT_BASE
) -> ValidationResult:
    """Run the SHACL shapes on ``graph``; violations sorted by focus node and path."""
    conforms, results, _ = shacl_validate(
        graph,
        shacl_graph=load_shapes(shapes),
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,  # nothing is inferred, so the data graph need not be copied first
    )
    names = _Names(base)
    violations = sorted(
        (
            Violation(
                focus=names(results.value(result, SH.focusNode)),
                path=names(results.value(result, SH.resultPath)),
                value=names(results.value(result, SH.value)),
                message=str(results.value(result, SH.resultMessage) or "violation"),
                severity=names(results.value(result, SH.resultSeverity)).removeprefix("sh:"),
            )
            for result in results.subjects(RDF.type, SH.ValidationResult)
        ),
        key=lambda v: (v.focus, v.path, v.message, v.value),
    )
    return ValidationResult(bool(conforms), tuple(violations), len(graph))


class _Names:
    """Short names for nodes in messages: ``sentence:ff1c…-12-30`` rather than a full IRI."""

    def __init__(self, base: str) -> None:
        self.prefixes = sorted(prefixes(base).items(), key=lambda p: -len(p[1]))
        self.prefixes.append(("sh", str(SH)))
        self.namespaces = Graph().namespace_manager
        for prefix, namespace in self.prefixes:
            self.namespaces.bind(prefix, namespace, override=True, replace=True)

    def __call__(self, node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            for prefix, namespace in self.prefixes:
                if node.startswith(namespace) and len(node) > len(namespace):
                    return f"{prefix}:{node[len(namespace) :]}"
            return f"<{node}>"
        if isinstance(node, Literal):
            return node.n3(self.namespaces)
        return str(node)
