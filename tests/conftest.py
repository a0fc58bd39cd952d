"""Shared fixtures: paths to the bundled sample and the shared corpus, and cached extractions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import BuildSummary, build
from kg.pipeline import extract_file
from kg.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "examples" / "sample-report.txt"
SEED = SHARED / "corpus" / "dev" / "seed-2024-district-report.txt"
GOLD = SHARED / "gold"
PROVINCES = SHARED / "corpus" / "provinces-2026"


@pytest.fixture(scope="session")
def sample_extraction() -> Extraction:
    return extract_file(SAMPLE)


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    return extract_file(SEED)


@pytest.fixture(scope="session")
def provinces(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildSummary, Path]:
    """The 31 provincial reports built once: graph.ttl (merged), graph.nq (a named graph per
    report), neo4j/ (import files) and virtuoso/ (bulk-load files)."""
    out = tmp_path_factory.mktemp("provinces")
    formats = ("turtle", "nquads", "neo4j", "virtuoso")
    summary = build([PROVINCES], out, formats=formats, workers=2, use_cache=False)
    return summary, out
