"""The outcomes as RDF: a ``grk:TargetOutcome`` links a target metric to the actual one (both
derived from their sentences already), a ``grk:ProjectOutcome`` a project to the sentences of
the plan and of the next report.

The outcomes are one named graph of their own, beside the reports' graphs; their IRIs are made
from what they join, so that the same inputs give the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib.namespace import RDF

from kg.rdf import ntriples as terms
from kg.rdf.namespaces import GRK, MEASURES_IRI, Terms
from kg.track.records import ProjectOutcome, TargetOutcome

grk, rdf = Terms(GRK, terms.iri), Terms(RDF, terms.iri)


def outcomes_graph_iri(base: str) -> str:
    return f"{base}outcomes"


def outcome_iri(base: str, kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{base}outcome/{kind}-{digest}"


def outcome_ntriples(
    targets: Iterable[TargetOutcome], projects: Iterable[ProjectOutcome], base: str
) -> bytes:
    """N-Triples of every outcome, a line each."""
    lines: list[str] = []

    def add(subject: str, predicate: str, obj: str) -> None:
        lines.append(f"{subject} {predicate} {obj} .\n")

    for target in targets:
        node = terms.iri(outcome_iri(base, "target", target.target.iri, str(target.year)))
        add(node, rdf.type, grk.TargetOutcome)
        add(node, grk.target, terms.iri(target.target.iri))
        if target.actual is not None:
            add(node, grk.actual, terms.iri(target.actual.iri))
        add(node, grk.verdict, terms.string(target.verdict))
        add(node, grk.figureKind, terms.string(target.kind))
        add(node, grk.measureConcept, terms.iri(f"{MEASURES_IRI}#{target.concept}"))
        add(node, grk.year, terms.year(target.year))
    for project in projects:
        node = terms.iri(
            outcome_iri(base, "project", project.plan.report, project.project, str(project.year))
        )
        add(node, rdf.type, grk.ProjectOutcome)
        add(node, grk.project, terms.iri(project.project))
        add(node, grk.nextStatus, terms.string(project.next_status))
        add(node, grk.planSentence, terms.iri(project.plan.sentence.iri))
        if project.follow_up is not None:
            add(node, grk.reviewSentence, terms.iri(project.follow_up.sentence.iri))
        add(node, grk.year, terms.year(project.year))
    return "".join(dict.fromkeys(lines)).encode("utf-8")
