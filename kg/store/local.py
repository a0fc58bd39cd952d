"""The embedded store: a pyoxigraph (RocksDB) database in a directory, loaded and queried here.

A store holds what was loaded into it: the named graphs of N-Quads and TriG files (a graph per
report), and Turtle or N-Triples in the default graph (or in ``graph`` when given). A query sees
the union of all graphs when nothing was loaded into the default graph, so that the named graphs
of a corpus answer ordinary queries without ``GRAPH``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, OutputError
from kg.rdf.iris import prefixes
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store.formats import QUAD_FORMATS, existing_file, rdf_format_of


@dataclass(frozen=True)
class LoadSummary:
    files: int
    quads: int  # quads in the store after loading
    graphs: int  # named graphs in the store after loading


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
    checked = [(existing_file(path), rdf_format_of(path)) for path in files]
    target: ox.NamedNode | ox.DefaultGraph = ox.NamedNode(graph) if graph else ox.DefaultGraph()
    store = open_store(directory)
    for path, rdf_format in checked:
        try:
            if rdf_format in QUAD_FORMATS:
                store.bulk_load(path=str(path), format=rdf_format)
            else:
                store.bulk_load(path=str(path), format=rdf_format, to_graph=target)
        except SyntaxError as error:
            raise InputError(f"{path}: not valid {rdf_format.name} ({error})") from None
    store.flush()
    store.optimize()
    return LoadSummary(len(checked), len(store), sum(1 for _ in store.named_graphs()))


def project_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes the project's graphs are written with (grk, schema, prov, skos, id...)."""
    return prefixes(base)


QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def memory_store(files: Sequence[Path]) -> ox.Store:
    """An in-memory store holding the graph files (named graphs kept)."""
    store = ox.Store()
    for path in files:
        rdf_format = rdf_format_of(existing_file(path))
        try:
            store.load(path=str(path), format=rdf_format)
        except SyntaxError as error:
            raise InputError(f"{path}: not valid {rdf_format.name} ({error})") from None
    return store


def with_prefixes(query: str, prefixes: Mapping[str, str]) -> str:
    """Declare the project's prefixes (grk:, schema:, prov:...) that the query leaves out."""
    header = "".join(
        f"PREFIX {name}: <{iri}>\n"
        for name, iri in prefixes.items()
        if not re.search(rf"PREFIX\s+{name}:", query, re.IGNORECASE)
    )
    return header + query


def query_store(store: ox.Store, query: str) -> QueryResult:
    """Answer a SPARQL query; the default graph is the union of all graphs when it is empty.

    The project's prefixes need not be declared.
    """
    query = with_prefixes(query, project_prefixes())
    union = not any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    try:
        result: QueryResult = store.query(query, use_default_graph_as_union=union)
    except SyntaxError as error:
        raise InputError(f"invalid SPARQL query: {error}") from None
    return result
