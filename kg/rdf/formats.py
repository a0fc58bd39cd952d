"""The RDF formats govreport-kg reads and writes, by name and by file extension."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True, slots=True)
class RdfFormat:
    name: str
    extensions: tuple[str, ...]  # the first is the one written
    oxigraph: ox.RdfFormat
    rdflib: str  # rdflib's plugin name
    is_dataset: bool  # holds a named graph per report (TriG, N-Quads)
    aliases: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return f"graph{self.extensions[0]}"


RDF_FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("turtle", (".ttl",), ox.RdfFormat.TURTLE, "turtle", False, ("ttl",)),
        RdfFormat("ntriples", (".nt",), ox.RdfFormat.N_TRIPLES, "nt", False, ("nt", "n-triples")),
        RdfFormat(
            "jsonld", (".jsonld", ".json"), ox.RdfFormat.JSON_LD, "json-ld", False, ("json-ld",)
        ),
        RdfFormat("trig", (".trig",), ox.RdfFormat.TRIG, "trig", True),
        RdfFormat("nquads", (".nq",), ox.RdfFormat.N_QUADS, "nquads", True, ("nq", "n-quads")),
    )
}


def rdf_format_of(path: str | Path) -> RdfFormat | None:
    """The format a file name's extension names, or None."""
    suffix = Path(path).suffix.lower()
    for candidate in RDF_FORMATS.values():
        if suffix in candidate.extensions:
            return candidate
    return None
