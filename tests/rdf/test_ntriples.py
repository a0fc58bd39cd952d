"""Terms written as N-Triples text: pyoxigraph reads each back as the term it stands for."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF, XSD

from kg.rdf import ntriples
from kg.rdf.namespaces import GRK, SCHEMA, Terms

TERMS = [
    (GRK, "verb"),
    (GRK, "Metric"),
    (SCHEMA, "actionStatus"),
    (RDF, "type"),
]

TEXTS = [
    "隆平生物种业产业园二期",
    'a "quoted" name',
    "back\\slash \\n not a newline",
    "line one\nline two\r\n",
    "tab\there, bell\x07, nul\x00, delete\x7f, form\x0cfeed\x08",
    "emoji 🚄 and 𠀀 beyond the BMP",
    "",
    "> < & ' ^^ @zh",
]

LITERALS = [
    (ntriples.decimal(Decimal("3.60")), ox.Literal("3.60", datatype=ox.NamedNode(XSD.decimal))),
    (ntriples.decimal(Decimal("5E+4")), ox.Literal("50000", datatype=ox.NamedNode(XSD.decimal))),
    (ntriples.count(0), ox.Literal("0", datatype=ox.NamedNode(XSD.integer))),
    (ntriples.boolean(True), ox.Literal("true", datatype=ox.NamedNode(XSD.boolean))),
    (ntriples.year(987), ox.Literal("0987", datatype=ox.NamedNode(XSD.gYear))),
    (
        ntriples.timestamp(datetime(2024, 1, 10, 8, 0, 0, 123, tzinfo=UTC)),
        ox.Literal("2024-01-10T08:00:00Z", datatype=ox.NamedNode(XSD.dateTime)),
    ),
]


def read_object(written: str) -> ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple:
    line = f"<http://example.org/s> <http://example.org/p> {written} .\n"
    (quad,) = ox.parse(line.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return quad.object


@pytest.mark.parametrize("text", TEXTS)
def test_a_language_literal_reads_back_as_its_text(text: str) -> None:
    assert read_object(ntriples.zh(text)) == ox.Literal(text, language="zh")


@pytest.mark.parametrize("text", TEXTS)
def test_a_plain_literal_reads_back_as_its_text(text: str) -> None:
    assert read_object(ntriples.string(text)) == ox.Literal(text)


@pytest.mark.parametrize(("written", "expected"), LITERALS)
def test_a_typed_literal_reads_back_with_its_datatype(written: str, expected: ox.Literal) -> None:
    assert read_object(written) == expected


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
def test_a_decimal_that_is_no_number_is_refused(bad: Decimal) -> None:
    with pytest.raises(ValueError, match="finite"):
        ntriples.decimal(bad)


def test_a_negative_offset_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        ntriples.count(-1)


@pytest.mark.parametrize(("vocabulary", "name"), TERMS)
def test_a_term_is_the_vocabulary_iri(vocabulary: type, name: str) -> None:
    names = Terms(vocabulary, ntriples.iri)
    written = getattr(names, name)
    assert read_object(written) == ox.NamedNode(str(getattr(vocabulary, name)))
    assert names[name] is written  # written once, by name or by attribute


def test_a_misspelt_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = Terms(GRK, ntriples.iri).verbb
