"""Turtle output."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.export.atomic import atomic_write


def write_turtle(graph: Graph, path: Path) -> None:
    with atomic_write(path) as handle:
        handle.write(graph.serialize(format="turtle"))
