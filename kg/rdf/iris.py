"""Deterministic IRIs: the same name and type give the same IRI in every report."""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import URIRef

from kg.records import EntityType

# Characters an IRI path segment may hold as they are (RFC 3987 iunreserved, CJK included).
_KEEP = re.compile(r"[A-Za-z0-9\-._~\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]")


def iri_segment(text: str) -> str:
    """A path segment for ``text``: letters (Chinese included) kept, everything else %-encoded."""
    return "".join(ch if _KEEP.fullmatch(ch) else quote(ch, safe="") for ch in text) or "_"


def entity_iri(base: str, type_: EntityType, key: str) -> URIRef:
    return URIRef(f"{base}{type_.value.lower()}/{iri_segment(key)}")


def report_iri(base: str, checksum: str) -> URIRef:
    return URIRef(f"{base}report/{checksum[:16]}")
