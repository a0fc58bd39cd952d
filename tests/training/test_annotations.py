"""The passages annotated for training (training/annotations/) are well formed: each name is
written in its document's windows, with the gold's types, and the selector learns from nothing
outside the windows."""

import json
import re
from pathlib import Path

import pytest

from kg.evaluate.predictions import norm
from kg.text.reading import read_source
from training.selector.examples import (
    ANNOTATIONS,
    SHARED,
    annotated_documents,
    document_examples,
)

FILES = sorted(ANNOTATIONS.glob("*.json"))
TYPES = {"Project", "Organization", "Place"}


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_there_are_annotated_passages() -> None:
    assert len(FILES) >= 20


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.stem)
def test_every_name_is_written_in_a_window(file: Path) -> None:
    data = json.loads(file.read_text(encoding="utf-8"))
    text = read_source(SHARED / "corpus" / data["corpus"] / data["doc"]).text
    windows = [_squeezed(text[a:b]) for a, b in data["windows"]]
    assert data["entities"] is not None, "not annotated yet"
    for entity in data["entities"]:
        assert set(entity["types"]) <= TYPES and entity["types"], entity
        for surface in [entity["text"], *entity.get("alts", [])]:
            assert any(_squeezed(surface) in w for w in windows), surface
    for surface in data.get("ignore", []):
        assert any(_squeezed(surface) in w for w in windows), surface


def test_examples_come_from_the_windows_only() -> None:
    document = annotated_documents()[0]
    assert document.windows is not None
    text = read_source(document.text).text
    examples = list(document_examples(document))
    assert examples and any(e.label for e in examples)
    windows = [norm(text[a:b]) for a, b in document.windows]
    assert all(any(e.surface in w for w in windows) for e in examples)
