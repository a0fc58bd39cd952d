"""The graph of a fixed excerpt, compared as a graph with tests/data/golden/excerpt.ttl.

The excerpt's records are written here by hand (offsets found in the text), so the golden file
pins down the records -> RDF mapping alone, whatever the extractors learn. After a deliberate
change of the mapping, regenerate it with:

    KG_UPDATE_GOLDEN=1 .venv/bin/pytest tests/rdf/test_golden.py
"""

from __future__ import annotations

import hashlib
import os
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.graph import report_triples
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
from tests.rdf.builds import FIXED_BUILD

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "data" / "golden"
EXCERPT = GOLDEN_DIR / "excerpt.txt"
GOLDEN = GOLDEN_DIR / "excerpt.ttl"
PROJECT, ORGANIZATION = EntityType.PROJECT, EntityType.ORGANIZATION


def excerpt_extraction() -> Extraction:
    data = EXCERPT.read_bytes()
    text = data.decode("utf-8")

    def at(part: str, after: int = 0) -> tuple[int, int]:
        start = text.index(part, after)
        return start, start + len(part)

    review, plan = at("一、2023年工作回顾"), at("二、2024年工作安排")
    sections = (
        Section(0, SectionKind.PREAMBLE, "", 0, review[0]),
        Section(1, SectionKind.REVIEW, "一、2023年工作回顾", review[0], plan[0], 2023),
        Section(2, SectionKind.PLAN, "二、2024年工作安排", plan[0], len(text), 2024),
    )
    sentence_texts = [
        ("滨江智造产业园一期建成投产，引进上下游配套企业42家。", 0, 1),
        ("与临江大学共建的青溪种业创新中心正式挂牌。", 0, 1),
        ("推进滨江智造产业园二期建设，力争高新技术企业达到260家。", 1, 2),
        ("盘活存量土地400亩。", 1, 2),
    ]
    paragraphs = (
        Paragraph(0, 1, at(sentence_texts[0][0])[0], at(sentence_texts[1][0])[1]),
        Paragraph(1, 2, at(sentence_texts[2][0])[0], at(sentence_texts[3][0])[1]),
    )
    sentences = tuple(
        Sentence(i, paragraph, section, *at(part), part)
        for i, (part, paragraph, section) in enumerate(sentence_texts)
    )
    report = Report(
        source_name="excerpt.txt",
        text=text,
        checksum=hashlib.sha256(data).hexdigest(),
        title="2024年青溪区人民政府工作报告",
        sections=sections,
        paragraphs=paragraphs,
        sentences=sentences,
        region="青溪区",
        review_year=2023,
        plan_year=2024,
    )

    def mention(sentence: int, part: str, type_: EntityType) -> Mention:
        return Mention(sentence, *at(part, sentences[sentence].start), part, type_)

    park = [mention(0, "滨江智造产业园", PROJECT), mention(2, "滨江智造产业园", PROJECT)]
    entities = (
        Entity("滨江智造产业园", "滨江智造产业园", PROJECT, mentions=tuple(park)),
        Entity(
            "临江大学", "临江大学", ORGANIZATION, mentions=(mention(1, "临江大学", ORGANIZATION),)
        ),
        Entity(
            "青溪种业创新中心",
            "青溪种业创新中心",
            PROJECT,
            alt_labels=("种业创新中心",),
            mentions=(mention(1, "青溪种业创新中心", PROJECT),),
        ),
    )

    def quantity(sentence: int, part: str, value: str, unit: str, qualifier: str = "") -> Quantity:
        start, end = at(part, sentences[sentence].start)
        return Quantity(part, start, end, Decimal(value), unit, Decimal(value), unit, qualifier)

    metrics = (
        Metric(
            0,
            quantity(0, "42家", "42", "家"),
            MetricKind.ACTUAL,
            "引进上下游配套企业",
            entity_key="滨江智造产业园",
            entity_type=PROJECT,
        ),
        Metric(2, quantity(2, "达到260家", "260", "家", "达到"), MetricKind.TARGET, "高新技术企业"),
        Metric(3, quantity(3, "400亩", "400", "亩"), MetricKind.TARGET, "盘活存量土地"),
    )
    actions = (
        Action(
            0,
            *at("建成投产"),
            "建成投产",
            Status.COMPLETED,
            (("滨江智造产业园", PROJECT),),
            year=2023,
        ),
        Action(
            1,
            *at("共建"),
            "共建",
            Status.COMPLETED,
            (("青溪种业创新中心", PROJECT),),
            agent=("临江大学", ORGANIZATION),
            year=2023,
        ),
        Action(2, *at("推进"), "推进", Status.PLANNED, (("滨江智造产业园", PROJECT),), year=2024),
    )
    return Extraction(report, entities, metrics, actions)


def excerpt_turtle() -> bytes:
    graph = KnowledgeGraph.of([report_triples(excerpt_extraction(), build=FIXED_BUILD)])
    data = ox.serialize(graph.triples, format=ox.RdfFormat.TURTLE, prefixes=graph.prefixes)
    assert data is not None
    return data


def test_the_excerpt_graph_matches_the_golden_file() -> None:
    actual = Graph().parse(data=excerpt_turtle(), format="turtle")
    if os.environ.get("KG_UPDATE_GOLDEN") == "1":
        GOLDEN.write_bytes(excerpt_turtle())
    expected = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(actual, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lines = [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(missing)]
        lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(extra)]
        raise AssertionError(
            "the excerpt's graph differs from tests/data/golden/excerpt.ttl "
            "(- golden only, + built only); if the change is deliberate, regenerate with "
            "KG_UPDATE_GOLDEN=1:\n" + "\n".join(lines)
        )


def test_the_excerpt_records_point_into_the_excerpt() -> None:
    extraction = excerpt_extraction()
    text = extraction.report.text
    for sentence in extraction.report.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    for entity in extraction.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
