"""Shared fixtures: paths to the bundled sample and the shared corpus, and cached extractions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import extract_file
from kg.records import Extraction

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "examples" / "sample-report.txt"
SEED = SHARED / "corpus" / "dev" / "seed-2024-district-report.txt"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def sample_extraction() -> Extraction:
    return extract_file(SAMPLE)


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    return extract_file(SEED)
