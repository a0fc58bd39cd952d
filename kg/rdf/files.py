"""Read graph files in any of the supported RDF formats, chosen by file extension."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf.formats import RDF_FORMATS, RdfFormat, rdf_format_of


def graph_format(path: Path) -> RdfFormat:
    rdf_format = rdf_format_of(path)
    if rdf_format is None:
        known = " ".join(ext for f in RDF_FORMATS.values() for ext in f.extensions)
        raise InputError(f"{path}: unknown graph file extension (expected one of: {known})")
    return rdf_format


def read_quads(paths: Sequence[str | Path]) -> Iterator[ox.Quad]:
    """Every quad of every file (triples in the default graph), checked and parsed in turn."""
    for name in paths:
        path = Path(name)
        rdf_format = graph_format(path)
        if not path.exists():
            raise InputError(f"{path}: no such file")
        if path.is_dir():
            raise InputError(f"{path}: is a directory, expected a graph file")
        try:
            yield from ox.parse(path=str(path), format=rdf_format.oxigraph)
        except SyntaxError as error:
            raise InputError(f"{path}: not valid {rdf_format.name}: {error}") from None
        except (OSError, ValueError) as error:
            raise InputError(f"{path}: cannot read ({error})") from None
