"""Run the pipeline over a report's sentences and turn its entities into Mention records."""

from __future__ import annotations

from collections.abc import Iterator

from kg.nlp.entity_ruler import span_other_types
from kg.nlp.pipeline import load_pipeline
from kg.records import EntityType, Mention, Report
from kg.text.cleaning import normalize_width


def find_mentions(report: Report) -> Iterator[Mention]:
    """Every entity mention in the report's sentences, with offsets into the report's text."""
    nlp = load_pipeline()
    texts = (normalize_width(sentence.text) for sentence in report.sentences)
    for sentence, doc in zip(report.sentences, nlp.pipe(texts, batch_size=256), strict=True):
        for span in doc.ents:
            start, end = sentence.start + span.start_char, sentence.start + span.end_char
            yield Mention(
                sentence_index=sentence.index,
                start=start,
                end=end,
                text=report.text[start:end],  # as written (full-width kept), like the gold
                type=EntityType(span.label_),
                other_types=tuple(EntityType(t) for t in span_other_types(span)),
            )
