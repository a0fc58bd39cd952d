"""The registry of exporters: a format name maps to a writer and the file name it writes.

RDF formats (``turtle``, ``ntriples``, ``jsonld``, ``trig``, ``nquads``), the ``html`` page,
the Neo4j import files (``neo4j``), Virtuoso's bulk-load files (``virtuoso``) and Gephi files
(``graphml``, ``gexf``).
A name can also be given as a file extension (``graph.nq``); an unknown one lists the valid ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import ConfigError
from kg.export.gephi import write_gexf, write_graphml
from kg.export.html import write_html
from kg.export.neo4j import write_neo4j
from kg.export.rdf import Engine, write_rdf
from kg.export.virtuoso import write_virtuoso
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.formats import RDF_FORMATS, RdfFormat, rdf_format_of

Writer = Callable[[KnowledgeGraph, Path, Engine], None]


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    filename: str  # the file written into an output directory
    write: Writer
    aliases: tuple[str, ...] = ()
    writes_directory: bool = False  # the file name names a directory of files (neo4j)


def _rdf_exporter(rdf_format: RdfFormat) -> Exporter:
    def write(graph: KnowledgeGraph, path: Path, engine: Engine) -> None:
        write_rdf(graph, path, rdf_format, engine=engine)

    return Exporter(rdf_format.name, rdf_format.filename, write, rdf_format.aliases)


def _via_rdflib(write: Callable[[Graph, Path], None]) -> Writer:
    """A writer for exporters that read the merged graph as an rdflib ``Graph``."""

    def write_merged(graph: KnowledgeGraph, path: Path, engine: Engine) -> None:
        write(graph.to_rdflib(), path)

    return write_merged


def _write_page(graph: KnowledgeGraph, path: Path, engine: Engine) -> None:
    # The page reads the triples it shows straight from the graph (no rdflib copy).
    write_html(graph, path)


EXPORTERS: dict[str, Exporter] = {
    **{name: _rdf_exporter(f) for name, f in RDF_FORMATS.items()},
    "html": Exporter("html", "graph.html", _write_page),
    # Graph databases and Gephi; neo4j writes a directory of neo4j-admin import files.
    "neo4j": Exporter("neo4j", "neo4j", _via_rdflib(write_neo4j), writes_directory=True),
    # N-Quads per report and the isql script of Virtuoso's bulk loader (ld_dir).
    "virtuoso": Exporter("virtuoso", "virtuoso", write_virtuoso, writes_directory=True),
    "graphml": Exporter("graphml", "graph.graphml", _via_rdflib(write_graphml)),
    "gexf": Exporter("gexf", "graph.gexf", _via_rdflib(write_gexf)),
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
    suffix = Path(path).suffix.lower()
    for exporter in EXPORTERS.values():
        if exporter.name not in RDF_FORMATS and suffix and Path(exporter.filename).suffix == suffix:
            return exporter
    rdf_format = rdf_format_of(path)
    return EXPORTERS[rdf_format.name] if rdf_format else None
