"""RDF terms written as N-Triples text, the form a report's graph is built and sent in.

A report's graph is some 6,000 triples made in Python, then parsed by pyoxigraph into the
corpus store (in another process, or from the build cache). Writing each term's N-Triples text
at once costs a tenth of making pyoxigraph objects and serializing them, and the text is what
crosses to the store anyway. The IRIs are valid by construction (``kg.rdf.iris`` encodes every
segment and checks the base); literals are escaped here. So the corpus store loads a graph
just built without checking its IRIs again (a third faster), and checks one read back from disk.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal

from rdflib.namespace import XSD

# Characters a quoted N-Triples literal may not hold as they are (" \ LF CR), and the other
# control characters, which the W3C canonical form also escapes.
_TO_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b"}
_ESCAPES["\f"] = "\\f"


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04X}"


def _quoted(text: str) -> str:
    if _TO_ESCAPE.search(text):
        text = _TO_ESCAPE.sub(_escape, text)
    return f'"{text}"'


def iri(value: str) -> str:
    """An IRI; ``Terms(GRK, iri)`` writes a vocabulary's terms."""
    return f"<{value}>"


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{datatype}>'


def zh(text: str) -> str:
    return f"{_quoted(text)}@zh"


def string(text: str) -> str:
    return _quoted(text)


def decimal(value: Decimal) -> str:
    """An ``xsd:decimal`` in plain notation, digits as given (3.60 stays 3.60, 5E+4 is 50000)."""
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {value}")
    return _typed(format(value, "f"), XSD_DECIMAL)


def count(value: int) -> str:
    """An offset as ``xsd:integer`` (never negative): stores such as Oxigraph turn the narrower
    ``xsd:nonNegativeInteger`` into ``xsd:integer``, so this survives a round trip through them."""
    if value < 0:
        raise ValueError(f"negative offset: {value}")
    return _typed(str(value), XSD_INTEGER)


def boolean(value: bool) -> str:
    return _typed("true" if value else "false", XSD_BOOLEAN)


def year(value: int) -> str:
    return _typed(f"{value:04d}", XSD_GYEAR)


def timestamp(value: datetime) -> str:
    """An ``xsd:dateTime`` in UTC, to the second (``2024-01-10T08:00:00Z``)."""
    text = value.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return _typed(text, XSD_DATETIME)


XSD_DECIMAL, XSD_INTEGER, XSD_BOOLEAN = str(XSD.decimal), str(XSD.integer), str(XSD.boolean)
XSD_GYEAR, XSD_DATETIME = str(XSD.gYear), str(XSD.dateTime)
