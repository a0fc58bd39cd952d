"""The work done for one report, in whichever process runs it: bytes in, its graph out.

The result is plain data (N-Triples text and small tuples) so that it crosses process and
machine boundaries cheaply and can be cached on disk as it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kg.errors import KgError
from kg.pipeline import extract_source
from kg.places import link_places
from kg.rdf.divisions import entity_identity
from kg.rdf.graph import report_triples
from kg.rdf.provenance import BuildInfo
from kg.records import EntityType, Report
from kg.text.metadata import GivenMetadata
from kg.text.reading import source_from_bytes


@dataclass(frozen=True, slots=True)
class EntityRow:
    """An entity as the corpus merge sees it: its IRI, type and label."""

    iri: str
    type: EntityType
    label: str


@dataclass(frozen=True, slots=True)
class ReportGraph:
    """One report's graph, ready to merge: the graph as N-Triples and what the merge needs."""

    name: str  # the input as given on the command line
    checksum: str  # sha256 of the input bytes
    report_iri: str
    ntriples: bytes  # UTF-8: what the store parses, and what crosses processes fastest
    entities: tuple[EntityRow, ...]
    counts: tuple[tuple[str, int], ...]  # by type: Project, Organization, Place, Action, Metric
    unknown: tuple[str, ...] = ()  # what the report does not say of itself: "region", "years"

    @property
    def triples(self) -> int:
        return self.ntriples.count(b"\n")


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be built, with the one-line reason."""

    name: str
    reason: str


def warm_up() -> None:
    """Load jieba's dictionary and the spaCy pipeline: once per worker, before any report."""
    from kg.nlp.pipeline import load_pipeline

    load_pipeline()


def build_report(
    name: str,
    file_name: str,
    data: bytes,
    base: str,
    build: BuildInfo,
    given: GivenMetadata | None = None,
) -> ReportGraph | Skipped:
    """Decode, extract and graph one report; a bad report gives ``Skipped``, never raises.

    ``given``: the region and plan year the user set for every report of the build.
    """
    try:
        source = source_from_bytes(data, file_name)
        extraction = extract_source(source, given)
        places = link_places(extraction.report.region, extraction.entities)
        graph = report_triples(extraction, base=base, build=build, places=places)
    except KgError as error:
        return Skipped(name, str(error))
    except Exception as error:  # a bug on one report must not lose the corpus
        return Skipped(name, f"{file_name}: internal error: {type(error).__name__}: {error}")
    counts: Counter[str] = Counter(entity.type.value for entity in extraction.entities)
    counts["Action"] += len(extraction.actions)
    counts["Metric"] += len(extraction.metrics)
    entities = {
        EntityRow(entity_identity(base, entity, places).iri, entity.type, entity.label)
        for entity in extraction.entities
    }
    return ReportGraph(
        name=name,
        checksum=source.checksum,
        report_iri=graph.report.value,
        ntriples=graph.ntriples,
        entities=tuple(sorted(entities, key=lambda e: (e.iri, e.type))),
        counts=tuple(sorted(counts.items())),
        unknown=unknown_metadata(extraction.report),
    )


def unknown_metadata(report: Report) -> tuple[str, ...]:
    """What a report leaves unknown of itself: "region", "years", both or neither."""
    unknown = ("region",) if report.region is None else ()
    return unknown + (("years",) if report.plan_year is None else ())
