"""IRIs: valid, deterministic, and the same for the same entity in every report.

Entities are named by type and normalized name only, so graphs of several reports merge on
them. Everything found in one report (sentences, mentions, actions, metrics) is named by the
report's checksum (of the source bytes) and its character offsets, so rebuilding the same file
gives the same IRIs: ``{base}sentence/ff1c24e19e92d20d-317-372``. Each kind of resource has its
own path segment, which is also its prefix in Turtle (``sentence:ff1c24e19e92d20d-317-372``).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import ConfigError
from kg.rdf.namespaces import PREFIXES, SOFTWARE_IRI
from kg.records import EntityType

# What an IRI path segment may hold as it is: RFC 3987 iunreserved (ucschar takes in Chinese).
_KEEP = re.compile(
    "[A-Za-z0-9\\-._~"
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
    "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
    "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
    "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd"
    "\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
    "\U000d0000-\U000dfffd\U000e1000-\U000efffd]"
)
# The first path segment of each kind of resource under the base (and its prefix in Turtle).
RESOURCE_KINDS = (
    "project",
    "organization",
    "place",
    "report",
    "section",
    "paragraph",
    "sentence",
    "mention",
    "action",
    "metric",
    "extraction",
    "year",
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def check_base(base: str) -> str:
    """``base`` if it can prefix resource IRIs: absolute, valid, ending in ``/``, ``#`` or ``:``."""
    if not _SCHEME.match(base):
        raise ConfigError(f"base IRI {base!r} is not absolute (e.g. https://example.org/kg/)")
    if not base.endswith(("/", "#", ":")):
        raise ConfigError(f"base IRI {base!r} must end with '/', '#' or ':'")
    try:
        ox.NamedNode(base)
    except ValueError as error:
        raise ConfigError(f"base IRI {base!r} is not a valid IRI ({error})") from None
    return base


def iri_segment(text: str) -> str:
    """A path segment for ``text``: letters (Chinese included) kept, the rest %-encoded.

    Full-width and compatibility forms are folded first (NFKC), so ＡＢＣ and ABC meet.
    """
    folded = unicodedata.normalize("NFKC", text)
    segment = "".join(
        ch if _KEEP.fullmatch(ch) else quote(ch.encode("utf-8", "surrogatepass"), safe="")
        for ch in folded
    )
    if segment in ("", ".", ".."):  # empty or dot segments would vanish from a resolved path
        return "_" if not segment else segment.replace(".", "%2E")
    return segment


def entity_iri(base: str, type_: EntityType, key: str) -> str:
    return f"{base}{type_.value.lower()}/{iri_segment(key)}"


def division_iri(base: str, code: str) -> str:
    """An administrative division, by its six-digit code: the same in every report whatever
    name it is written with (``{base}place/430100`` for 长沙 and 长沙市). A place named by
    six digits is not a name the extractor finds, so the two never meet."""
    return f"{base}place/{code}"


_DIVISION = re.compile(r"/place/[0-9]{6}$")


def is_division_iri(iri: str) -> bool:
    """Whether ``iri`` names a division by its code (``division_iri``), whatever the base."""
    return _DIVISION.search(iri) is not None


def report_id(checksum: str) -> str:
    """The short name of a report: 16 hex digits of its checksum (64 bits)."""
    return checksum[:16]


def report_iri(base: str, checksum: str) -> str:
    """The report, and the name of its graph in TriG and N-Quads."""
    return f"{base}report/{report_id(checksum)}"


def span_iri(base: str, kind: str, checksum: str, span: str) -> str:
    """A section, paragraph, sentence, mention, action or metric of a report, by its offsets.

    ``span`` is ``START-END`` (``-2``… appended when two records share a span).
    """
    return f"{base}{kind}/{report_id(checksum)}-{span}"


def extraction_iri(base: str, checksum: str) -> str:
    return f"{base}extraction/{report_id(checksum)}"


def year_iri(base: str, year: int) -> str:
    return f"{base}year/{year:04d}"


def year_description_iri(base: str, year: int) -> str:
    return f"{base}year/{year:04d}-description"


def software_iri(version: str) -> str:
    return f"{SOFTWARE_IRI}{iri_segment(version)}"


def prefixes(base: str) -> dict[str, str]:
    """Prefixes for writing: the vocabularies, ``id:`` for the base, one per kind of resource."""
    kinds = {kind: f"{base}{kind}/" for kind in RESOURCE_KINDS}
    return {**PREFIXES, "id": base, **kinds}
