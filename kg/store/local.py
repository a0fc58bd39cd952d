"""The embedded store: a pyoxigraph (RocksDB) database in a directory, loaded and queried here.

A store holds what was loaded into it: the named graphs of N-Quads and TriG files (a graph per
report), and Turtle or N-Triples in the default graph (or in ``graph`` when given). A query sees
the union of all graphs when nothing was loaded into the default graph, so that the named graphs
of a corpus answer ordinary queries without ``GRAPH``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, OutputError
from kg.rdf.files import graph_format


@dataclass(frozen=True)
class LoadSummary:
    files: int
    quads: int  # quads in the store after loading
    graphs: int  # named graphs in the store after loading


def existing_file(path: Path) -> Path:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: is not a file")
    return path


def open_store(directory: Path, *, read_only: bool = False) -> ox.Store:
    """Open (or create) the store in ``directory``."""
    if read_only:
        if not (directory / "CURRENT").exists():
            raise InputError(f"{directory}: is not a store; create one with kg load")
        try:
            return ox.Store.read_only(str(directory))
        except OSError as error:
            raise InputError(f"{directory}: cannot open the store ({error})") from None
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory}: exists and is not a directory")
    try:
        return ox.Store(str(directory))
    except OSError as error:
        raise OutputError(f"{directory}: cannot open the store ({error})") from None


def load_files(files: Sequence[Path], directory: Path, *, graph: str | None = None) -> LoadSummary:
    """Bulk-load graph files into the store in ``directory`` (created when missing)."""
    checked = [(existing_file(path), graph_format(path)) for path in files]
    target: ox.NamedNode | ox.DefaultGraph = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    store = open_store(directory)
    for path, rdf_format in checked:
        try:
            if rdf_format.is_dataset:
                store.bulk_load(path=str(path), format=rdf_format.oxigraph)
            else:
                store.bulk_load(path=str(path), format=rdf_format.oxigraph, to_graph=target)
        except SyntaxError as error:
            raise InputError(f"{path}: not valid {rdf_format.name} ({error})") from None
    store.flush()
    store.optimize()
    return LoadSummary(len(checked), len(store), sum(1 for _ in store.named_graphs()))
