"""Mentions taken from the gold instead of the recognizer, to score later stages on their own.

Project status depends on entity recognition: a project the recognizer misses gets no status.
Feeding the gold's names as mentions measures the status rules alone (the "conditional" status
score of ``kg evaluate``), so status errors can be told from entity misses.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.evaluate.gold import GoldDocument
from kg.records import Mention, Report
from kg.text.view import make_view, span_view


def gold_mentions(report: Report, gold: GoldDocument) -> list[Mention]:
    """Every occurrence of a gold entity's text or alts in the report's sentences.

    Longer surfaces win where occurrences overlap (西龙路浏阳河大桥 over 西龙路), as a
    recognizer that reads the longest name would.
    """
    mentions: list[Mention] = []
    for sentence in report.sentences:
        view = span_view(report, sentence.start, sentence.end)
        text = view.text
        found = sorted(_occurrences(text, gold, report), key=lambda o: (o[0] - o[1], o[0]))
        taken: list[tuple[int, int]] = []
        for start, end, index in found:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            entry = gold.entities[index]
            source_start, source_end = view.source_span(start, end)
            mentions.append(
                Mention(
                    sentence_index=sentence.index,
                    start=source_start,
                    end=source_end,
                    text=report.text[source_start:source_end],
                    type=entry.types[0],
                    other_types=entry.types[1:],
                )
            )
    return sorted(mentions, key=lambda m: m.start)


def _occurrences(text: str, gold: GoldDocument, report: Report) -> Iterator[tuple[int, int, int]]:
    for index, entry in enumerate(gold.entities):
        # Surfaces are read as the report is: no spaces, simplified where it is traditional.
        read = (
            make_view(s, 0, len(s), traditional=report.traditional).text for s in entry.surfaces
        )
        for surface in {s for s in read if s}:
            start = text.find(surface)
            while start >= 0:
                yield start, start + len(surface), index
                start = text.find(surface, start + 1)
