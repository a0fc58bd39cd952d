"""Report-shaped records of any size, turned into a graph by the real RDF stage.

Corpus-sized pages are tested on these: running the extractor over enough text to find 2,000
entities would take minutes, and the page only cares about the graph's shape.
"""

from __future__ import annotations

import hashlib
import random
from decimal import Decimal

from rdflib import Graph

from kg.rdf import extraction_to_graph
from kg.records import (
    Action,
    Entity,
    EntityType,
    Extraction,
    Mention,
    Metric,
    MetricKind,
    Paragraph,
    Quantity,
    Report,
    Section,
    SectionKind,
    Sentence,
    Status,
)

HEADS = {
    EntityType.PROJECT: ("产业园", "大厦", "公园", "大桥", "中心"),
    EntityType.ORGANIZATION: ("大学", "集团", "研究院", "医院"),
    EntityType.PLACE: ("镇", "街道", "片区", "县"),
}
VERBS = {Status.COMPLETED: "建成", Status.ONGOING: "推进", Status.PLANNED: "启动"}


def synthetic_extraction(entities: int, *, seed: int = 1, label: str = "") -> Extraction:
    """``entities`` entities over a review and a plan section, with actions and metrics.

    ``label`` is put into every name and sentence (to test how a page treats hostile text).
    """
    rng = random.Random(seed)
    types = list(HEADS)
    names = [
        (f"{label}测试{index}{rng.choice(HEADS[kind])}", kind)
        for index, kind in ((i, types[i % 3]) for i in range(entities))
    ]
    groups = [names[i : i + 3] for i in range(0, len(names), 3)]  # one sentence per group
    text_parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    half = len(groups) // 2
    for index, group in enumerate(groups):
        # Link each sentence to an earlier one's entity, so the graph has real components.
        if index and rng.random() < 0.8:
            group = [*group, rng.choice(groups[rng.randrange(index)])]
            groups[index] = group
        body = "、".join(name for name, _ in group) + f"{label}建设进展顺利，完成投资12.5亿元。"
        sentences.append(
            Sentence(index, index, 0 if index < half else 1, offset, offset + len(body), body)
        )
        text_parts.append(body)
        offset += len(body)
    text = "".join(text_parts)
    sections = (
        Section(0, SectionKind.REVIEW, "2023年工作回顾", 0, sentences[half].start, 2023),
        Section(1, SectionKind.PLAN, "2024年工作安排", sentences[half].start, len(text), 2024),
    )
    report = Report(
        source_name=f"synthetic-{seed}.txt",
        text=text,
        checksum=hashlib.sha256(text.encode()).hexdigest(),
        title=f"{label}合成测试报告",
        sections=sections,
        paragraphs=tuple(Paragraph(s.index, s.section_index, s.start, s.end) for s in sentences),
        sentences=tuple(sentences),
    )
    mentions: dict[tuple[str, EntityType], list[Mention]] = {}
    for sentence, group in zip(sentences, groups, strict=True):
        for name, kind in group:
            start = sentence.start + sentence.text.index(name)
            mentions.setdefault((name, kind), []).append(
                Mention(sentence.index, start, start + len(name), name, kind)
            )
    entity_records = tuple(
        Entity(key=name, label=name, type=kind, mentions=tuple(found))
        for (name, kind), found in mentions.items()
    )
    actions = []
    metrics = []
    for sentence, group in zip(sentences, groups, strict=True):
        projects = [(n, k) for n, k in group if k is EntityType.PROJECT]
        if projects:
            status = rng.choice(list(VERBS))
            agent = next(((n, k) for n, k in group if k is EntityType.ORGANIZATION), None)
            place = next(((n, k) for n, k in group if k is EntityType.PLACE), None)
            actions.append(
                Action(
                    sentence.index,
                    sentence.start,
                    sentence.end,
                    VERBS[status],
                    status,
                    tuple(projects),
                    agent=agent,
                    place=place,
                    year=2023,
                )
            )
            amount = sentence.start + sentence.text.index("12.5")
            quantity = Quantity(
                "12.5亿元", amount, amount + 6, Decimal("12.5"), "亿元", Decimal("1250000000"), "元"
            )
            metrics.append(
                Metric(
                    sentence.index,
                    quantity,
                    MetricKind.ACTUAL,
                    measure=f"{label}投资",
                    entity_key=projects[0][0],
                    entity_type=EntityType.PROJECT,
                )
            )
    return Extraction(report, entity_records, tuple(metrics), tuple(actions))


def synthetic_graph(entities: int, *, seed: int = 1, label: str = "") -> Graph:
    return extraction_to_graph(synthetic_extraction(entities, seed=seed, label=label))
