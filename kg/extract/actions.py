"""Actions: a verb from the lexicon acting on the entities of its clause, with a status."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from kg.data import data_lines, data_table
from kg.extract.clauses import clause_spans
from kg.extract.entities import normalize_name
from kg.records import Action, EntityType, Mention, Report, SectionKind, Status
from kg.text.cleaning import normalize_width

_FUTURE_SECTIONS = {SectionKind.PLAN, SectionKind.OUTLOOK}


@cache
def _verbs() -> dict[str, Status]:
    rows = sorted(data_table("action_verbs.tsv"), key=lambda row: -len(row[0]))
    return {verb: Status(status) for verb, status in rows}


@cache
def _verb_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(v) for v in _verbs()))


@cache
def _modal_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in data_lines("modal_words.txt")))


def find_actions(report: Report, mentions: Sequence[Mention]) -> Iterator[Action]:
    """Actions of each clause on the projects (or, failing those, other entities) it names."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_index, []).append(mention)
    for sentence in report.sentences:
        sentence_mentions = by_sentence.get(sentence.index)
        if not sentence_mentions:
            continue
        text = normalize_width(sentence.text)
        section = report.section_of(sentence)
        for clause_start, clause_end in clause_spans(text):
            start, end = sentence.start + clause_start, sentence.start + clause_end
            inside = [m for m in sentence_mentions if start <= m.start and m.end <= end]
            if not inside:
                continue
            clause = text[clause_start:clause_end]
            verb = _verb_pattern().search(clause)
            if verb is None:
                continue
            projects = [m for m in inside if m.type is EntityType.PROJECT] or inside
            yield Action(
                sentence_index=sentence.index,
                start=start + verb.start(),
                end=start + verb.end(),
                verb=verb.group(),
                status=_status(_verbs()[verb.group()], section.kind, clause),
                objects=tuple(dict.fromkeys((normalize_name(m.text), m.type) for m in projects)),
                year=_year(report, section.kind),
            )


def _status(verb_status: Status, section: SectionKind, clause: str) -> Status:
    if section in _FUTURE_SECTIONS or _modal_pattern().search(clause):
        return Status.PLANNED
    return verb_status


def _year(report: Report, section: SectionKind) -> int | None:
    if section is SectionKind.REVIEW:
        return report.review_year
    if section is SectionKind.PLAN:
        return report.plan_year
    return None
