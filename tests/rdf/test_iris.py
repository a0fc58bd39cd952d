"""IRIs: valid, deterministic, the same for the same entity across reports, under any base."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from kg.errors import ConfigError
from kg.rdf.graph import report_triples
from kg.rdf.iris import check_base, entity_iri, iri_segment
from kg.rdf.namespaces import MEASURES_IRI
from kg.records import EntityType
from tests.conftest import SAMPLE, SEED
from tests.rdf.builds import FIXED_BUILD, extraction, report

SEGMENTS = [
    ("滨江智造产业园", "滨江智造产业园"),
    ("ABC公司", "ABC公司"),
    ("ＡＢＣ公司", "ABC公司"),  # full-width folds to ASCII (NFKC)
    ("a b", "a%20b"),
    ("x/y", "x%2Fy"),
    ("<img src=x>", "%3Cimg%20src%3Dx%3E"),
    ('"quoted"', "%22quoted%22"),
    ("{braces}|^`\\", "%7Bbraces%7D%7C%5E%60%5C"),
    ("50%", "50%25"),
    ("#1", "%231"),
    ("..", "%2E%2E"),
    (".", "%2E"),
    ("", "_"),
    ("𠀀区", "𠀀区"),  # CJK extension B is an IRI character
    ("\u0007bell", "%07bell"),
]

BASES_OK = ["https://example.org/kg/", "http://localhost:8000/id#", "urn:x-kg:"]
BASES_BAD = [
    ("example.org/kg/", "not absolute"),
    ("https://example.org/kg", "must end with"),
    ("https://exa mple.org/", "not a valid IRI"),
    ("https://example.org/<x>/", "not a valid IRI"),
]


@pytest.mark.parametrize(("text", "segment"), SEGMENTS)
def test_iri_segment(text: str, segment: str) -> None:
    assert iri_segment(text) == segment
    ox.NamedNode(f"https://example.org/{segment}")  # raises on an invalid IRI


@pytest.mark.parametrize("base", BASES_OK)
def test_good_bases_are_accepted(base: str) -> None:
    assert check_base(base) == base


@pytest.mark.parametrize(("base", "message"), BASES_BAD)
def test_bad_bases_are_refused_with_a_reason(base: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        check_base(base)
    with pytest.raises(ConfigError):
        report_triples(extraction(SAMPLE), base=base, build=FIXED_BUILD)


def test_the_same_entity_has_the_same_iri_in_two_reports() -> None:
    # Rename the sample so that it is another report (another checksum) naming the same things.
    sample = extraction(SAMPLE)
    other_report = dataclasses.replace(sample.report, checksum="0" * 64, source_name="other.txt")
    other = dataclasses.replace(sample, report=other_report)
    first = report_triples(sample, build=FIXED_BUILD)
    second = report_triples(other, build=FIXED_BUILD)
    assert first.report != second.report

    def entities(triples: tuple[ox.Triple, ...]) -> set[str]:
        return {t.subject.value for t in triples if "/project/" in t.subject.value}

    shared = entities(first.triples) & entities(second.triples)
    park = entity_iri("https://w3id.org/govreport-kg/id/", EntityType.PROJECT, "芙蓉河大桥")
    assert park in shared
    assert shared == entities(first.triples)


def test_resources_live_under_the_configured_base() -> None:
    base = "https://example.org/graph/"
    triples = report_triples(extraction(SEED), base=base, build=FIXED_BUILD).triples
    subjects = {t.subject.value for t in triples}
    outside = {s for s in subjects if not s.startswith(base)}
    # the software agent, and the canonical measures (a vocabulary, like the ontology's terms)
    assert outside == {
        s
        for s in subjects
        if s.startswith(("https://w3id.org/govreport-kg/software/", MEASURES_IRI + "#"))
    }
    assert len(subjects) > 100


def test_every_iri_of_the_seed_graph_is_valid() -> None:
    nodes = {
        node.value
        for triple in report(SEED).triples
        for node in (triple.subject, triple.predicate, triple.object)
        if isinstance(node, ox.NamedNode)
    }
    for value in nodes:
        assert ox.NamedNode(value).value == value
        assert not any(ch in value for ch in ' <>"{}|^`\\')
