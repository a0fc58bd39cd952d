"""The extraction pipeline: source text -> report -> mentions, entities, metrics, actions."""

from __future__ import annotations

from pathlib import Path

from kg.extract.actions import find_actions
from kg.extract.entities import resolve_entities
from kg.extract.metrics import find_metrics
from kg.nlp import find_mentions
from kg.records import Extraction
from kg.text.metadata import GivenMetadata
from kg.text.reading import Source, read_source
from kg.text.segment import segment_report


def extract_source(source: Source, given: GivenMetadata | None = None) -> Extraction:
    """Run every extraction stage on one decoded source (``given``: its region and plan year,
    where the user set them)."""
    report = segment_report(source, given)
    mentions = list(find_mentions(report))
    return Extraction(
        report=report,
        entities=resolve_entities(mentions),
        metrics=tuple(find_metrics(report, mentions)),
        actions=tuple(find_actions(report, mentions)),
    )


def extract_file(path: str | Path) -> Extraction:
    """Read, decode and extract one report file (``-`` for standard input)."""
    return extract_source(read_source(path))
