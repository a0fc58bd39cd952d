"""The registry of exporters: a format name maps to a writer and the file name it writes.

RDF formats (``turtle``, ``ntriples``, ``jsonld``, ``trig``, ``nquads``) and the ``html`` page.
A name can also be given as a file extension (``graph.nq``); an unknown one lists the valid ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError
from kg.export.html import write_html
from kg.export.rdf import Engine, write_rdf
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.formats import RDF_FORMATS, RdfFormat, rdf_format_of

Writer = Callable[[KnowledgeGraph, Path, Engine], None]


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    filename: str  # the file written into an output directory
    write: Writer
    aliases: tuple[str, ...] = ()


def _rdf_exporter(rdf_format: RdfFormat) -> Exporter:
    def write(graph: KnowledgeGraph, path: Path, engine: Engine) -> None:
        write_rdf(graph, path, rdf_format, engine=engine)

    return Exporter(rdf_format.name, rdf_format.filename, write, rdf_format.aliases)


def _write_html(graph: KnowledgeGraph, path: Path, engine: Engine) -> None:
    write_html(graph.to_rdflib(), path)


EXPORTERS: dict[str, Exporter] = {
    **{name: _rdf_exporter(f) for name, f in RDF_FORMATS.items()},
    "html": Exporter("html", "graph.html", _write_html),
}


def exporter_for(name: str) -> Exporter:
    """The exporter called ``name`` (or an alias); an unknown name lists the valid ones."""
    key = name.lower()
    for exporter in EXPORTERS.values():
        if key == exporter.name or key in exporter.aliases:
            return exporter
    valid = ", ".join(EXPORTERS)
    raise ConfigError(f"unknown format {name!r}; choose one of: {valid}")


def exporter_for_path(path: str | Path) -> Exporter | None:
    """The exporter a file name's extension names (``.ttl``, ``.nq``, ``.html``…), or None."""
    if Path(path).suffix.lower() == ".html":
        return EXPORTERS["html"]
    rdf_format = rdf_format_of(path)
    return EXPORTERS[rdf_format.name] if rdf_format else None
