"""Run the pipeline over a report's sentences and turn its entities into Mention records."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from kg.nlp.entity_ruler import span_other_types
from kg.nlp.pipeline import load_pipeline
from kg.records import EntityType, Mention, Report, SectionKind
from kg.text.cleaning import normalize_width


def find_mentions(report: Report) -> Iterator[Mention]:
    """Every entity mention in the report's sentences, with offsets into the report's text.

    A name has one type in a report: where its sentences disagree (a road located in one and
    built in another), the report-wide type is chosen by :func:`unify_types`.
    """
    nlp = load_pipeline()
    texts = (normalize_width(sentence.text) for sentence in report.sentences)
    mentions = []
    for sentence, doc in zip(report.sentences, nlp.pipe(texts, batch_size=256), strict=True):
        for span in doc.ents:
            mentions.append(
                Mention(
                    sentence_index=sentence.index,
                    start=sentence.start + span.start_char,
                    end=sentence.start + span.end_char,
                    # as written (full-width kept), like the gold; the pipeline saw it folded
                    text=sentence.text[span.start_char : span.end_char],
                    type=EntityType(span.label_),
                    other_types=tuple(EntityType(t) for t in span_other_types(span)),
                )
            )
    if report.region:
        mentions = add_region_mentions(report, report.region, mentions)
    yield from unify_types(mentions)


def add_region_mentions(report: Report, region: str, mentions: list[Mention]) -> list[Mention]:
    """The report's own region (from its title) is a place wherever the text names it on its
    own, even when no gazetteer knows it (a district's name). The title itself is left to the
    report's metadata."""
    if len(region) < 2 or "XX" in region.upper():
        return mentions
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for mention in mentions:
        taken[mention.sentence_index].append((mention.start, mention.end))
    added = []
    for sentence in report.sentences:
        if report.section_of(sentence).kind is SectionKind.PREAMBLE:
            continue
        start = sentence.text.find(region)
        while start >= 0:
            begin, end = sentence.start + start, sentence.start + start + len(region)
            if not any(b < end and begin < e for b, e in taken[sentence.index]):
                added.append(Mention(sentence.index, begin, end, region, EntityType.PLACE))
            start = sentence.text.find(region, start + len(region))
    return sorted([*mentions, *added], key=lambda m: m.start)


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
