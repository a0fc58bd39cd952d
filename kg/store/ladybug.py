"""Load the Neo4j import files (``kg build -f neo4j``) into LadybugDB, an embedded Cypher engine.

LadybugDB (``pip install ladybug``, MIT; the maintained successor of Kùzu) runs in-process and
answers Cypher, but keeps every node in one table of fixed columns. So each label is a node
table (``Project``, ``Action``, ``Metric``…) whose columns are the properties the CSV headers
declare for it, typed as declared (``long`` INT64, ``double`` DOUBLE, ``string[]`` STRING[]…),
with ``iri`` as primary key; each relationship type is a relationship table (``OBJECT``,
``WAS_DERIVED_FROM``…) with a FROM/TO pair for each pair of labels it joins. A resource with
two labels (a Place that is also a Project) is a row in both tables and its relationships join
each copy, so ``MATCH (p:Project)`` and ``MATCH (p:Place)`` both find it, as in Neo4j; count
such nodes by ``iri`` when a pattern names no label. The label ``Resource`` every node has in
Neo4j is left out (Neo4j needs it for its IRI constraint).

The files are read as neo4j-admin reads them: ``iri:ID``, ``:LABEL`` (``;`` between labels),
``name:type`` headers, ``|`` between the items of an array, an empty cell for no value.
"""

from __future__ import annotations

import csv
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, InputError, OutputError
from kg.export.neo4j import ARRAY_DELIMITER, COMMON_LABEL
from kg.rdf.ontology import ontology_dir

BATCH = 2_000  # rows a statement
_TYPES = {"string": "STRING", "long": "INT64", "int": "INT64", "double": "DOUBLE",
          "float": "DOUBLE", "boolean": "BOOLEAN"}  # fmt: skip

Value = str | int | float | bool


@dataclass(frozen=True)
class CypherLoadSummary:
    nodes: int  # rows of the node tables (a node with two labels counts twice)
    relationships: int  # rows of the relationship tables
    node_tables: int
    relationship_tables: int


@dataclass
class _Table:
    columns: dict[str, tuple[str, bool]] = field(default_factory=dict)  # name: (type, list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def declare(self, name: str, kind: str, is_list: bool) -> None:
        known = self.columns.get(name)
        if known is not None and known[0] != kind:
            kind = "string"  # a property typed differently in two files: keep it as text
        self.columns[name] = (kind, is_list or (known is not None and known[1]))


# Links an action may have or not (schema:agent, schema:location): their tables are made even
# when no report of the corpus has one, so that the Cypher queries that ask for them answer.
_OPTIONAL_RELATIONSHIPS = {
    "AGENT": {("Action", "Organization"), ("Action", "Place"), ("Action", "Project")},
    "LOCATION": {("Action", "Place"), ("Action", "Project"), ("Action", "Organization")},
}


def load_neo4j_export(directory: Path, database: Path) -> CypherLoadSummary:
    """Create the LadybugDB database ``database`` (a new path) from the files in ``directory``."""
    ladybug = _ladybug()
    node_files = sorted(directory.glob("nodes-*.csv"))
    relationships = directory / "relationships.csv"
    if not node_files or not relationships.is_file():
        raise InputError(f"{directory}: no Neo4j import files (write them with kg build -f neo4j)")
    if database.exists():
        raise OutputError(f"{database}: exists; give a new path for the database")
    tables, labels_of = _read_nodes(node_files)
    links = _read_relationships(relationships, labels_of)
    connection = ladybug.Connection(ladybug.Database(str(database)))
    for label, table in sorted(tables.items()):
        columns = ", ".join(
            f"`{name}` {_TYPES[kind]}{'[]' if is_list else ''}"
            for name, (kind, is_list) in table.columns.items()
        )
        connection.execute(f"CREATE NODE TABLE `{label}`(`iri` STRING PRIMARY KEY, {columns})")
        names = ["iri", *table.columns]
        assignments = ", ".join(f"`{name}`: row.`{name}`" for name in names)
        for batch in _batches(table.rows):
            rows = [_complete(row, names, table.columns) for row in batch]
            connection.execute(
                f"UNWIND $rows AS row CREATE (:`{label}` {{{assignments}}})", {"rows": rows}
            )
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for kind, start, end in links:
        pairs[kind].add((start, end))
    for kind, optional in _OPTIONAL_RELATIONSHIPS.items():
        if kind not in pairs:  # a corpus with no such link still answers queries that ask
            pairs[kind] = {(a, b) for a, b in optional if a in tables and b in tables}
    for kind, joined in sorted(pairs.items()):
        if not joined:
            continue
        ends = ", ".join(f"FROM `{a}` TO `{b}`" for a, b in sorted(joined))
        connection.execute(f"CREATE REL TABLE `{kind}`({ends})")
    with tempfile.TemporaryDirectory(prefix="kg-ladybug-") as scratch:
        # COPY from a file of (start, end) IRIs: far faster than matching both ends per row.
        for index, ((kind, start, end), ends_list) in enumerate(sorted(links.items())):
            pairs_file = Path(scratch) / f"{index}.csv"
            with pairs_file.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle, lineterminator="\n").writerows(ends_list)
            quoted = str(pairs_file).replace("'", "\\'")
            connection.execute(
                f"COPY `{kind}` FROM '{quoted}' (from='{start}', to='{end}', header=false)"
            )
    return CypherLoadSummary(
        nodes=sum(len(table.rows) for table in tables.values()),
        relationships=sum(len(ends) for ends in links.values()),
        node_tables=len(tables),
        relationship_tables=len(pairs),
    )


def cypher(
    database: Path, query: str, parameters: Mapping[str, Value | None] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Run ``query`` (parameters bound) on a LadybugDB database; its column names and rows."""
    ladybug = _ladybug()
    if not database.exists():
        raise InputError(f"{database}: no such database")
    connection = ladybug.Connection(ladybug.Database(str(database), read_only=True))
    try:
        result = connection.execute(query, dict(parameters or {}))
    except RuntimeError as error:
        first_line = str(error).splitlines()[0] if str(error) else "error"
        raise InputError(f"Cypher query failed: {first_line[:300]}") from None
    columns = list(result.get_column_names())
    rows = []
    while result.has_next():
        rows.append(list(result.get_next()))
    return columns, rows


def cypher_query(name: str) -> str:
    """The text of a bundled Cypher question: ``ontology/cypher/NAME.cypher``."""
    path = ontology_dir() / "cypher" / f"{name}.cypher"
    if not path.is_file():
        raise InputError(f"{path}: no such Cypher query")
    return path.read_text(encoding="utf-8")


def _ladybug() -> Any:
    try:
        import ladybug
    except ImportError:
        message = "LadybugDB is not installed: pip install 'govreport-kg[cypher]'"
        raise ConfigError(message) from None
    return ladybug


def _read_nodes(files: Sequence[Path]) -> tuple[dict[str, _Table], dict[str, list[str]]]:
    tables: dict[str, _Table] = defaultdict(_Table)
    labels_of: dict[str, list[str]] = {}
    for path in files:
        header, rows = _read_csv(path)
        fields = [_field(path, name) for name in header]
        for row in rows:
            values: dict[str, Value | list[Value]] = {}
            iri, labels = "", []
            for (name, kind, is_list), cell in zip(fields, row, strict=True):
                if kind == "ID":
                    iri = cell
                elif kind == "LABEL":
                    labels = [label for label in cell.split(";") if label and label != COMMON_LABEL]
                elif cell != "":
                    values[name] = _value(path, kind, is_list, cell)
            labels_of[iri] = labels
            for label in labels:
                table = tables[label]
                for name, kind, is_list in fields:
                    if kind not in {"ID", "LABEL"}:
                        table.declare(name, kind, is_list)
                table.rows.append({"iri": iri, **values})
    return dict(tables), labels_of


def _read_relationships(
    path: Path, labels_of: Mapping[str, list[str]]
) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    header, rows = _read_csv(path)
    if header[:3] != [":START_ID", ":END_ID", ":TYPE"]:
        raise InputError(f"{path}: expected the header :START_ID,:END_ID,:TYPE")
    links: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for start, end, kind, *_ in rows:
        for start_label in labels_of.get(start, ()):
            for end_label in labels_of.get(end, ()):
                links[(kind, start_label, end_label)].append((start, end))
    return dict(links)


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, ValueError, csv.Error) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    return header, rows


def _field(path: Path, header: str) -> tuple[str, str, bool]:
    """``name:type`` -> (name, type, is a list); ``iri:ID`` and ``:LABEL`` -> their kind."""
    name, _, kind = header.partition(":")
    is_list = kind.endswith("[]")
    kind = kind.removesuffix("[]")
    if kind in {"ID", "LABEL"} or kind in _TYPES:
        return name, kind, is_list
    raise InputError(f"{path}: unknown column type in header {header!r}")


def _value(path: Path, kind: str, is_list: bool, cell: str) -> Value | list[Value]:
    if is_list:
        return [_scalar(path, kind, item) for item in cell.split(ARRAY_DELIMITER)]
    return _scalar(path, kind, cell)


def _scalar(path: Path, kind: str, text: str) -> Value:
    try:
        if kind in {"long", "int"}:
            return int(text)
        if kind in {"double", "float"}:
            return float(text)
    except ValueError:
        raise InputError(f"{path}: {text!r} is not a {kind}") from None
    if kind == "boolean":
        return text == "true"
    return text


def _complete(
    row: Mapping[str, Any], names: Sequence[str], columns: Mapping[str, tuple[str, bool]]
) -> dict[str, Any]:
    """Every column in every row (None where a node has no value), scalars made lists where
    another file holds a list under the same name, numbers made text where it holds text."""
    complete: dict[str, Any] = {}
    for name in names:
        value = row.get(name)
        if value is not None and name in columns:
            kind, is_list = columns[name]
            items = value if isinstance(value, list) else [value]
            if kind == "string":
                items = [item if isinstance(item, str) else _text(item) for item in items]
            value = items if is_list else items[0]
        complete[name] = value
    return complete


def _text(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _batches(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]
