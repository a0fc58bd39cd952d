"""Run the pipeline over a report's paragraphs and turn its entities into Mention records.

The pipeline reads a paragraph at a time (a Doc per sentence costs more than the segmentation
itself); every name is then placed in the sentence that holds it, and one found across a
sentence boundary or in text that is no sentence (site clutter) is dropped."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator

from kg.nlp.entity_ruler import span_other_types
from kg.nlp.pipeline import load_pipeline
from kg.records import EntityType, Mention, Report, Sentence
from kg.text.view import span_view


def find_mentions(report: Report) -> Iterator[Mention]:
    """Every entity mention in the report's sentences, with offsets into the report's text.

    A name has one type in a report: where its sentences disagree (a road located in one and
    built in another), the report-wide type is chosen by :func:`unify_types`.
    """
    nlp = load_pipeline()
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in report.sentences:
        by_paragraph[sentence.paragraph_index].append(sentence)
    paragraphs = [report.paragraphs[i] for i in sorted(by_paragraph)]
    views = [span_view(report, p.start, p.end) for p in paragraphs]
    texts = (view.text for view in views)
    mentions = []
    for paragraph, view, doc in zip(paragraphs, views, nlp.pipe(texts, batch_size=64), strict=True):
        sentences = by_paragraph[paragraph.index]
        starts = [s.start for s in sentences]
        for span in doc.ents:
            start, end = view.source_span(span.start_char, span.end_char)
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
                    type=EntityType(span.label_),
                    other_types=tuple(EntityType(t) for t in span_other_types(span)),
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
