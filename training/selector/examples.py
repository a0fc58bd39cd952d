"""Training examples for the selector: every (span, type) the sources propose in a gold
document, with its features and whether the gold names it so.

A proposal is positive when its surface (white space aside, as the scorer reads it) is the
text or an alt of a gold entity of that type; proposals whose surface the gold ignores are left
out. The decoding below is the selector's (kg.nlp.select.choose_names) on stored probabilities,
so thresholds and models can be compared without building graphs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kg.evaluate.predictions import norm
from kg.nlp.lexicon import load_lexicon
from kg.nlp.mentions import read_paragraphs
from kg.nlp.select import span_examples
from kg.text.reading import read_source
from kg.text.segment import segment_report

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD_SETS = {
    "dev": (SHARED / "gold", SHARED / "corpus" / "dev"),
    "excerpts": (SHARED / "gold" / "excerpts", SHARED / "corpus" / "excerpts"),
}
# Passages of reports no score is taken on, annotated here under the gold's guidelines
# (training/annotations/README.md): training data only, never scored.
ANNOTATIONS = ROOT / "training" / "annotations"


@dataclass(frozen=True)
class Example:
    doc: str
    paragraph: int
    start: int  # view offsets in the paragraph
    end: int
    surface: str  # normalized as the scorer does
    features: tuple[str, ...]
    types: frozenset[str]  # the gold's types of this surface: a name when there are any

    @property
    def label(self) -> bool:
        return bool(self.types)


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: Path
    entities: tuple[tuple[frozenset[str], frozenset[str]], ...]  # (surfaces, types)
    ignore: frozenset[str]
    # The annotated parts of the text (source offsets), None where the whole text is.
    windows: tuple[tuple[int, int], ...] | None = None


def frozen_documents() -> set[str]:
    data = json.loads((ROOT / "training" / "splits.json").read_text(encoding="utf-8"))
    return {Path(name).stem for name in data["frozen"]}


def gold_documents(include_frozen: bool = False) -> list[GoldDoc]:
    """The gold documents the selector may learn from: dev and the open excerpts."""
    frozen = frozen_documents()
    documents = []
    for gold_dir, text_dir in GOLD_SETS.values():
        for file in sorted(gold_dir.glob("*.json")):
            if file.stem in frozen and not include_frozen:
                continue
            documents.append(_read_gold(_json(file), text_dir))
    return documents


def annotated_documents() -> list[GoldDoc]:
    """The passages annotated for training only (``ANNOTATIONS``)."""
    files = [_json(file) for file in sorted(ANNOTATIONS.glob("*.json"))]
    # A skeleton not annotated yet (its entities null) teaches nothing.
    return [_read_gold(data, SHARED / "corpus") for data in files if data["entities"] is not None]


def _json(file: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    return data


def _read_gold(data: dict[str, Any], text_dir: Path) -> GoldDoc:
    if "corpus" in data:  # an annotated passage names its corpus folder
        text_dir = text_dir / data["corpus"]
    entities = tuple(
        (
            frozenset(norm(s) for s in [e["text"], *e.get("alts", [])]),
            frozenset(e["types"]),
        )
        for e in data["entities"]
    )
    ignore = frozenset(norm(s) for s in data.get("ignore", []))
    windows = data.get("windows")
    return GoldDoc(
        data["doc"],
        text_dir / data["doc"],
        entities,
        ignore,
        None if windows is None else tuple((a, b) for a, b in windows),
    )


def document_examples(gold: GoldDoc) -> Iterator[Example]:
    lexicon = load_lexicon()
    report = segment_report(read_source(gold.text))
    paragraphs, document = read_paragraphs(report)
    for paragraph in paragraphs:
        examples = []
        spans = span_examples(paragraph.candidates, paragraph.context, document, lexicon)
        for span, features in spans:  # spans that name nothing are left out already
            start, end = paragraph.view.source_span(span.start, span.end)
            if gold.windows is not None and not any(
                a <= start and end <= b for a, b in gold.windows
            ):
                continue  # outside the annotated passages: its label is unknown
            surface = norm(report.text[start:end])
            if not surface or surface in gold.ignore:
                continue
            types = frozenset(t for s, ts in gold.entities if surface in s for t in ts)
            examples.append(
                Example(
                    gold.name,
                    paragraph.index,
                    span.start,
                    span.end,
                    surface,
                    tuple(features),
                    types,
                )
            )
        yield from _longest_named(examples)


def _longest_named(examples: list[Example]) -> Iterator[Example]:
    """A gold name inside a longer gold name of the same occurrence is not named there (the
    邢台市 of 邢台市人民政府): the gold holds the longest span."""
    named = [(e.start, e.end) for e in examples if e.label]
    for example in examples:
        inside = any(
            a <= example.start and example.end <= b and (a, b) != (example.start, example.end)
            for a, b in named
        )
        yield replace(example, types=frozenset()) if example.label and inside else example
