"""Neo4j import files: CSVs for ``neo4j-admin database import full`` and a Cypher script.

``DIR/nodes-<Labels>.csv`` (one file per set of labels, header inline: ``iri:ID``,
``:LABEL``, typed properties such as ``value:double`` and ``altLabel:string[]``),
``DIR/relationships.csv`` (``:START_ID,:END_ID,:TYPE``), ``DIR/import.sh`` (the neo4j-admin
command for exactly these files) and ``DIR/import.cypher`` (the same graph as Cypher statements
for a running database). Every node also has the label ``Resource`` and its IRI as ``iri``.
"""

from __future__ import annotations

import csv
import json
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from rdflib import Graph

from kg.errors import OutputError
from kg.export.atomic import atomic_write
from kg.export.property_graph import Edge, Node, PropertyGraph, Value, property_graph

ARRAY_DELIMITER = "|"  # passed to neo4j-admin; Chinese text rarely holds it, ";" it may
COMMON_LABEL = "Resource"
CYPHER_BATCH = 500


def write_neo4j(graph: Graph, path: Path) -> None:
    """Write the import files for ``graph`` into the directory ``path``."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{path}: cannot create directory ({error.strerror})") from None
    model = property_graph(graph)
    groups: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for node in model.nodes.values():
        groups[node.labels].append(node)
    node_files = []
    for labels, nodes in sorted(groups.items()):
        name = f"nodes-{'-'.join(labels)}.csv"
        _write_csv(path / name, _node_rows(labels, nodes))
        node_files.append(name)
    _write_csv(path / "relationships.csv", _relationship_rows(model.edges))
    with atomic_write(path / "import.sh") as handle:
        handle.write(_admin_command(node_files))
    with atomic_write(path / "import.cypher") as handle:
        handle.writelines(_cypher(model))


def relationship_type(predicate: str) -> str:
    """wasDerivedFrom -> WAS_DERIVED_FROM, as Neo4j names relationship types."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", predicate).upper()


def _property_types(nodes: list[Node]) -> dict[str, str]:
    """Each property's neo4j-admin type: long, double, boolean or string; [] if multi-valued."""
    kinds: dict[str, set[str]] = defaultdict(set)
    multi: set[str] = set()
    for node in nodes:
        for name, values in node.properties.items():
            kinds[name].update(_kind(value) for value in values)
            if len(values) > 1:
                multi.add(name)
    types = {}
    for name, found in sorted(kinds.items()):
        kind = found.pop() if len(found) == 1 else "string"
        types[name] = kind + ("[]" if name in multi else "")
    return types


def _kind(value: Value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _node_rows(labels: tuple[str, ...], nodes: list[Node]) -> Iterator[list[str]]:
    types = _property_types(nodes)
    names = [name for name in types if name != "iri"]
    yield ["iri:ID", ":LABEL", *(f"{name}:{types[name]}" for name in names)]
    label_cell = ";".join((*labels, COMMON_LABEL))
    for node in nodes:
        row = [node.iri, label_cell]
        for name in names:
            values = node.properties.get(name, [])
            if types[name].endswith("[]"):
                row.append(
                    ARRAY_DELIMITER.join(_cell(v).replace(ARRAY_DELIMITER, "｜") for v in values)
                )
            else:
                row.append(_cell(values[0]) if values else "")
        yield row


def _cell(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _relationship_rows(edges: Iterable[Edge]) -> Iterator[list[str]]:
    yield [":START_ID", ":END_ID", ":TYPE"]
    for edge in edges:
        yield [edge.start, edge.end, relationship_type(edge.type)]


def _write_csv(path: Path, rows: Iterable[list[str]]) -> None:
    with atomic_write(path) as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def _admin_command(node_files: list[str]) -> str:
    nodes = " ".join(f"--nodes={shlex.quote(name)}" for name in node_files)
    return (
        "#!/bin/sh\n"
        "# Import these files into a new Neo4j database (stop the database first):\n"
        "#   sh import.sh [DATABASE]   (run from this directory)\n"
        'set -e\ncd "$(dirname "$0")"\n'
        f"neo4j-admin database import full {nodes} --relationships=relationships.csv "
        f"--array-delimiter='{ARRAY_DELIMITER}' --overwrite-destination \"${{1:-neo4j}}\"\n"
    )


def _cypher(model: PropertyGraph) -> Iterator[str]:
    yield "// The graph as Cypher, for a running database: cypher-shell -f import.cypher\n"
    yield (
        f"CREATE CONSTRAINT resource_iri IF NOT EXISTS "
        f"FOR (n:{COMMON_LABEL}) REQUIRE n.iri IS UNIQUE;\n"
    )
    groups: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for node in model.nodes.values():
        groups[node.labels].append(node)
    for labels, nodes in sorted(groups.items()):
        label_text = "".join(f":`{label}`" for label in (*labels, COMMON_LABEL))
        for node_batch in _chunks(nodes):
            rows = ", ".join(_cypher_map(_node_map(node)) for node in node_batch)
            yield f"UNWIND [{rows}] AS row CREATE (n{label_text}) SET n = row;\n"
    by_type: dict[str, list[Edge]] = defaultdict(list)
    for edge in model.edges:
        by_type[relationship_type(edge.type)].append(edge)
    for kind, edges in sorted(by_type.items()):
        for batch in _chunks(edges):
            rows = ", ".join(_cypher_map({"s": e.start, "e": e.end}) for e in batch)
            yield (
                f"UNWIND [{rows}] AS row MATCH (a:{COMMON_LABEL} {{iri: row.s}}), "
                f"(b:{COMMON_LABEL} {{iri: row.e}}) CREATE (a)-[:`{kind}`]->(b);\n"
            )


def _node_map(node: Node) -> dict[str, Value | list[Value]]:
    values: dict[str, Value | list[Value]] = {"iri": node.iri}
    for name, found in node.properties.items():
        values[name] = found[0] if len(found) == 1 else found
    return values


def _cypher_map(values: dict[str, Value | list[Value]]) -> str:
    return "{" + ", ".join(f"`{k}`: {_cypher_value(v)}" for k, v in values.items()) + "}"


def _cypher_value(value: Value | list[Value]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_cypher_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)  # a double-quoted string Cypher reads as is


T = TypeVar("T")


def _chunks(items: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), CYPHER_BATCH):
        yield items[start : start + CYPHER_BATCH]
