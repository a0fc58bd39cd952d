"""Quantities in their context: what they measure, their direction, and actual vs target."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.clauses import clause_spans
from kg.extract.quantities import find_quantities
from kg.records import Metric, MetricKind, Report, SectionKind
from kg.text.cleaning import normalize_width

_DIRECTION = (
    ("增长", "increase"),
    ("提高", "increase"),
    ("增加", "increase"),
    ("下降", "decrease"),
    ("减少", "decrease"),
)
_BASIS = ("同比", "较上年", "比上年", "环比")
_TARGET_CUES = re.compile(r"力争|目标|预期|确保|争取")
_TARGET_SECTIONS = {SectionKind.PLAN, SectionKind.OUTLOOK}


def find_metrics(report: Report) -> Iterator[Metric]:
    """Every quantity in the report with its measure, direction, basis and kind."""
    for sentence in report.sentences:
        text = normalize_width(sentence.text)
        section = report.section_of(sentence)
        for clause_start, clause_end in clause_spans(text):
            clause = text[clause_start:clause_end]
            for quantity in find_quantities(clause, sentence.start + clause_start):
                before = clause[: quantity.start - sentence.start - clause_start]
                yield Metric(
                    sentence_index=sentence.index,
                    quantity=quantity,
                    kind=_kind(section.kind, text),
                    measure=_measure(before),
                    direction=next((d for word, d in _DIRECTION if word in before[-6:]), ""),
                    basis=next((b for b in _BASIS if b in before), ""),
                )


def _kind(section: SectionKind, sentence: str) -> MetricKind:
    if section in _TARGET_SECTIONS or _TARGET_CUES.search(sentence):
        return MetricKind.TARGET
    return MetricKind.ACTUAL


def _measure(before: str) -> str:
    """The words before the number, without the verbs and qualifiers that lead into it."""
    measure = before.strip()
    for word in (
        "同比",
        "较上年",
        "增长",
        "下降",
        "提高",
        "减少",
        "达到",
        "达",
        "超过",
        "超",
        "突破",
        "力争",
        "约",
        "近",
    ):
        measure = measure.replace(word, "")
    return measure.strip('“”"、 ')
