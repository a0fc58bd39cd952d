"""Every fact leads back to its sentence, paragraph, section and report, and to the build."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg import __version__
from kg.errors import ConfigError
from kg.rdf.namespaces import GRK, SCHEMA
from kg.rdf.provenance import BuildInfo
from tests.conftest import SAMPLE
from tests.rdf.builds import FIXED_BUILD, sample_graph, source_text

EPOCHS = [
    ("0", datetime(1970, 1, 1, tzinfo=UTC)),
    ("1704873600", datetime(2024, 1, 10, 8, 0, tzinfo=UTC)),
    (" 1704873600\n", datetime(2024, 1, 10, 8, 0, tzinfo=UTC)),
]
BAD_EPOCHS = ["yesterday", "1.5", "99999999999999999999"]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return sample_graph().to_rdflib()


def one(graph: Graph, subject: object, predicate: URIRef) -> object:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def span(graph: Graph, node: object) -> tuple[int, int]:
    return int(one(graph, node, GRK.startOffset)), int(one(graph, node, GRK.endOffset))


def test_every_fact_derives_from_a_sentence_in_paragraph_section_and_report(graph: Graph) -> None:
    text = source_text(SAMPLE)
    facts = set(graph.subjects(RDF.type, GRK.Action)) | set(graph.subjects(RDF.type, GRK.Metric))
    assert len(facts) > 50
    for fact in facts:
        sentence = one(graph, fact, PROV.wasDerivedFrom)
        start, end = span(graph, sentence)
        assert text[start:end] == str(one(graph, sentence, GRK.text))
        paragraph = one(graph, sentence, GRK.inParagraph)
        section = one(graph, sentence, GRK.inSection)
        report = one(graph, sentence, GRK.inReport)
        assert one(graph, paragraph, GRK.inSection) == section
        assert one(graph, section, GRK.inReport) == report
        p_start, p_end = span(graph, paragraph)
        assert p_start <= start and end <= p_end


def test_every_entity_has_mentions_with_offsets(graph: Graph) -> None:
    text = source_text(SAMPLE)
    for mention in graph.subjects(RDF.type, GRK.Mention):
        start, end = span(graph, mention)
        entity = one(graph, mention, GRK.refersTo)
        sentence = one(graph, mention, GRK.inSentence)
        assert text[start:end] == str(one(graph, mention, GRK.text))
        assert (entity, GRK.mentionedIn, sentence) in graph


def test_the_report_carries_its_metadata_and_build(graph: Graph) -> None:
    report = next(graph.subjects(RDF.type, GRK.Report))
    assert one(graph, report, RDFS.label) == Literal("2024年青溪区人民政府工作报告", lang="zh")
    assert one(graph, report, GRK.region) == Literal("青溪区", lang="zh")
    assert one(graph, report, GRK.reviewYear) == Literal("2023", datatype=XSD.gYear)
    assert one(graph, report, GRK.planYear) == Literal("2024", datatype=XSD.gYear)
    assert str(one(graph, report, GRK.sourceFile)) == "sample-report.txt"
    assert len(str(one(graph, report, GRK.checksum))) == 64
    place = one(graph, report, SCHEMA.spatialCoverage)
    assert (place, RDF.type, SCHEMA.Place) in graph
    run = next(graph.subjects(PROV.used, report))
    assert (run, RDF.type, GRK.Extraction) in graph
    assert one(graph, run, PROV.endedAtTime) == Literal(
        "2024-01-10T08:00:00Z", datatype=XSD.dateTime
    )
    tool = one(graph, run, PROV.wasAssociatedWith)
    assert str(one(graph, tool, SCHEMA.softwareVersion)) == FIXED_BUILD.tool_version


@pytest.mark.parametrize(("epoch", "expected"), EPOCHS)
def test_source_date_epoch_fixes_the_build_time(epoch: str, expected: datetime) -> None:
    info = BuildInfo.from_environment({"SOURCE_DATE_EPOCH": epoch})
    assert info.build_time == expected
    assert info.tool_version == __version__


def test_without_source_date_epoch_the_build_time_is_now() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    info = BuildInfo.from_environment({})
    assert before <= info.build_time <= datetime.now(UTC)


@pytest.mark.parametrize("epoch", BAD_EPOCHS)
def test_a_bad_source_date_epoch_is_a_clear_error(epoch: str) -> None:
    with pytest.raises(ConfigError, match="SOURCE_DATE_EPOCH"):
        BuildInfo.from_environment({"SOURCE_DATE_EPOCH": epoch})
