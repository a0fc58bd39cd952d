"""The registry of exporters: a format name maps to a function writing a graph to a path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

from kg.errors import ConfigError
from kg.export.gephi import write_gexf, write_graphml
from kg.export.html import write_html
from kg.export.neo4j import write_neo4j
from kg.export.turtle import write_turtle

Exporter = Callable[[Graph, Path], None]

EXPORTERS: dict[str, tuple[Exporter, str]] = {
    "turtle": (write_turtle, "graph.ttl"),
    "html": (write_html, "graph.html"),
    # Graph databases and Gephi (kg/export/neo4j.py writes a directory of import files).
    "neo4j": (write_neo4j, "neo4j"),
    "graphml": (write_graphml, "graph.graphml"),
    "gexf": (write_gexf, "graph.gexf"),
}


def exporter_for(name: str) -> tuple[Exporter, str]:
    """The exporter and default file name for a format; an unknown name lists the valid ones."""
    try:
        return EXPORTERS[name]
    except KeyError:
        valid = ", ".join(sorted(EXPORTERS))
        raise ConfigError(f"unknown format {name!r}; choose one of: {valid}") from None
