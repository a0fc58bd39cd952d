"""RDF file formats by file extension, and whether they carry named graphs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

_BY_SUFFIX = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = frozenset({ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD})


def rdf_format_of(path: Path) -> ox.RdfFormat:
    """The format of a graph file, from its extension."""
    try:
        return _BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        valid = " ".join(sorted(_BY_SUFFIX))
        raise InputError(f"{path}: unknown graph file extension; use one of {valid}") from None


def existing_file(path: Path) -> Path:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: is not a file")
    return path
