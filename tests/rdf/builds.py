"""Graphs built once per test session and shared by the RDF, export and query tests."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from kg.pipeline import extract_file
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.graph import ReportTriples, report_triples
from kg.rdf.provenance import BuildInfo
from kg.records import Extraction
from tests.conftest import SAMPLE, SHARED

CORPUS = sorted((SHARED / "corpus").glob("**/*.txt"))
FIXED_BUILD = BuildInfo("0.0.0-test", datetime(2024, 1, 10, 8, 0, 0, tzinfo=UTC))


@cache
def extraction(path: Path) -> Extraction:
    return extract_file(path)


@cache
def report(path: Path) -> ReportTriples:
    return report_triples(extraction(path), build=FIXED_BUILD)


@cache
def sample_graph() -> KnowledgeGraph:
    return KnowledgeGraph.of([report(SAMPLE)])


def source_text(path: Path) -> str:
    """The file's text as the offsets count it, decoded here without the tool's reader."""
    return path.read_bytes().decode("utf-8-sig")
