"""Virtuoso's bulk loader: an N-Quads file per report and the isql script that loads them.

``DIR/<report>.nq`` holds one report's named graph (the report's IRI), ``DIR/load.isql`` runs
Virtuoso's bulk loader on them (``ld_dir``, ``rdf_loader_run``, ``checkpoint``) and lists the
files it could not load. The server reads the files itself, so the directory must be on its
machine and listed in ``DirsAllowed`` of its ``virtuoso.ini``; the script names the directory
where the files were written (edit that line after moving them). A file per report lets
several ``rdf_loader_run()`` sessions share the work on a large corpus.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg.errors import OutputError
from kg.export.atomic import atomic_write
from kg.export.property_graph import local_name
from kg.export.rdf import Engine
from kg.rdf.dataset import KnowledgeGraph

SCRIPT = "load.isql"
UNNAMED_GRAPH = "urn:govreport-kg:default"  # ld_dir's graph for triples outside a named graph


def write_virtuoso(graph: KnowledgeGraph, path: Path, engine: Engine = "oxigraph") -> None:
    """Write the N-Quads files and ``load.isql`` for ``graph`` into the directory ``path``."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path}: cannot create directory ({error.strerror})") from None
    by_graph: dict[str, list[ox.Quad]] = defaultdict(list)
    for quad in graph.quads():
        name = quad.graph_name
        by_graph[name.value if isinstance(name, ox.NamedNode) else UNNAMED_GRAPH].append(quad)
    stems: set[str] = set()
    for iri, quads in sorted(by_graph.items()):
        stem = _file_stem(iri)
        while stem in stems:
            stem += "_"
        stems.add(stem)
        with atomic_write(path / f"{stem}.nq", binary=True) as handle:
            ox.serialize(quads, handle, ox.RdfFormat.N_QUADS)
    with atomic_write(path / SCRIPT) as handle:
        handle.write(load_script(path.resolve()))


def load_script(directory: Path) -> str:
    """The isql statements that bulk-load every ``.nq`` file of ``directory``."""
    quoted = str(directory).replace("'", "''")
    return (
        "-- Bulk-load the N-Quads files of this directory into Virtuoso, a named graph per\n"
        "-- report: isql-vt 1111 dba PASSWORD load.isql (or LOAD load.isql; at isql's prompt).\n"
        "-- The server reads the files: this directory must be in DirsAllowed (virtuoso.ini).\n"
        f"ld_dir('{quoted}', '*.nq', '{UNNAMED_GRAPH}');\n"
        "rdf_loader_run();\n"
        "checkpoint;\n"
        "-- Files that failed, with the reason (no rows: every file loaded).\n"
        "SELECT ll_file, ll_error FROM DB.DBA.load_list\n"
        f" WHERE ll_file LIKE '{quoted}/%' AND ll_error IS NOT NULL;\n"
    )


def _file_stem(graph_iri: str) -> str:
    """report/0d569fe5e0fbea6f -> report-0d569fe5e0fbea6f."""
    if graph_iri == UNNAMED_GRAPH:
        return "default"
    name = re.sub(r"[^\w.-]", "_", local_name(graph_iri))
    return f"report-{name}" if "/report/" in graph_iri else name
