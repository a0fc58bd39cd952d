"""Read a report's names: the candidate sources on each paragraph, the selector on the whole.

The pipeline reads a paragraph at a time (a Doc per sentence costs more than the segmentation
itself) and leaves each paragraph's proposals on its Doc; the selector then chooses among them
knowing what the whole report says (kg.nlp.select). Every name is placed in the sentence that
holds it; one found across a sentence boundary or in text that is no sentence (site clutter) is
dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from kg.nlp.entity_ruler import CANDIDATES_KEY, doc_tokens
from kg.nlp.lexicon import load_lexicon
from kg.nlp.pipeline import load_pipeline
from kg.nlp.select import DocumentContext, ParagraphContext, choose_names
from kg.nlp.select.features import RULE_SOURCES
from kg.nlp.select.propagate import propagate
from kg.nlp.sources.region import region_forms, region_names
from kg.nlp.tokens import Candidate
from kg.records import EntityType, Mention, Report, Sentence
from kg.text.view import TextView, span_view

_CONGRESS = re.compile(r"人民代表大会|人大.{0,4}次会议")


@dataclass(frozen=True)
class ReadParagraph:
    """A paragraph as the selector sees it: its view, context and proposals."""

    index: int
    view: TextView
    context: ParagraphContext
    candidates: list[Candidate]


def read_paragraphs(report: Report) -> tuple[list[ReadParagraph], DocumentContext]:
    """Every paragraph that holds a sentence, with its proposals, and the report's context."""
    nlp = load_pipeline()
    used = sorted({sentence.paragraph_index for sentence in report.sentences})
    paragraphs = [report.paragraphs[i] for i in used]
    views = [span_view(report, p.start, p.end) for p in paragraphs]
    forms = region_forms(report.region)
    read = []
    with nlp.select_pipes(disable=["govreport_entity_selector"]):
        docs = nlp.pipe((view.text for view in views), batch_size=64)
        for paragraph, view, doc in zip(paragraphs, views, docs, strict=True):
            candidates = doc.user_data.pop(CANDIDATES_KEY, [])
            candidates += region_names(view.text, forms)
            section = report.sections[paragraph.section_index].kind.value
            context = ParagraphContext(
                doc_tokens(doc), section, congress=_CONGRESS.search(view.text) is not None
            )
            read.append(ReadParagraph(paragraph.index, view, context, candidates))
    rule_surfaces = frozenset(
        p.view.text[c.start : c.end] for p in read for c in p.candidates if c.source in RULE_SOURCES
    )
    document = DocumentContext("\n".join(p.view.text for p in read), forms, rule_surfaces)
    return read, document


def find_mentions(report: Report) -> Iterator[Mention]:
    """Every entity mention in the report's sentences, with offsets into the report's text.

    A name taken in one paragraph is a name wherever the report writes it (:func:`propagate`).
    A name has one type in a report: where its sentences disagree (a road located in one and
    built in another), the report-wide type is chosen by :func:`unify_types`.
    """
    lexicon = load_lexicon()
    paragraphs, document = read_paragraphs(report)
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in report.sentences:
        by_paragraph[sentence.paragraph_index].append(sentence)
    chosen = propagate(
        [p.context.tokens for p in paragraphs],
        [choose_names(p.candidates, p.context, document, lexicon) for p in paragraphs],
    )
    mentions = []
    for paragraph, choices in zip(paragraphs, chosen, strict=True):
        sentences = by_paragraph[paragraph.index]
        starts = [s.start for s in sentences]
        for choice in choices:
            start, end = paragraph.view.source_span(choice.start, choice.end)
            index = bisect_right(starts, start) - 1
            if index < 0 or end > sentences[index].end:
                continue
            mentions.append(
                Mention(
                    sentence_index=sentences[index].index,
                    start=start,
                    end=end,
                    # as written (full-width, traditional, line breaks kept), like the gold;
                    # the pipeline read it folded
                    text=report.text[start:end],
                    type=EntityType(choice.type),
                    other_types=tuple(EntityType(t) for t in choice.other_types),
                )
            )
    yield from unify_types(mentions)


def unify_types(mentions: list[Mention]) -> list[Mention]:
    """Give every mention of a surface the same type: Project if any clause builds it (a
    road built in the plan is a project even where the review only locates it), otherwise
    the type most of its mentions have, the first one on a tie."""
    by_surface: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_surface["".join(mention.text.split())].append(mention)
    chosen: dict[str, EntityType] = {}
    for surface, group in by_surface.items():
        types = Counter(m.type for m in group)
        if len(types) == 1:
            continue
        if EntityType.PROJECT in types:
            chosen[surface] = EntityType.PROJECT
        else:
            first = {m.type: i for i, m in reversed(list(enumerate(group)))}
            chosen[surface] = max(types, key=lambda t: (types[t], -first[t]))
    if not chosen:
        return mentions
    unified = []
    for mention in mentions:
        type_ = chosen.get("".join(mention.text.split()), mention.type)
        if type_ is mention.type:
            unified.append(mention)
            continue
        others = tuple(t for t in {*mention.other_types, mention.type} if t is not type_)
        unified.append(
            Mention(
                mention.sentence_index,
                mention.start,
                mention.end,
                mention.text,
                type_,
                tuple(sorted(others)),
            )
        )
    return unified
