"""Neo4j import files follow neo4j-admin's header format; GraphML and GEXF open with flat data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.export.gephi import write_gexf, write_graphml
from kg.export.neo4j import relationship_type, write_neo4j
from kg.rdf import extraction_to_graph
from kg.rdf.namespaces import GRK
from kg.records import Extraction

# neo4j-admin database import: a header field is [name][:TYPE]; name-less fields are the
# special ones. Property types are those neo4j-admin knows, optionally as arrays.
HEADER_FIELD = re.compile(
    r"^(?:(?P<special>:(?:LABEL|START_ID|END_ID|TYPE))"
    r"|(?P<id>[A-Za-z_][A-Za-z0-9_]*:ID)"
    r"|[A-Za-z_][A-Za-z0-9_]*:(?:string|long|int|double|float|boolean|date|datetime)(?:\[\])?)$"
)
CASTS = {"long": int, "double": float, "string": str, "boolean": lambda v: v in {"true", "false"}}

RELATIONSHIP_TYPES = [
    ("wasDerivedFrom", "WAS_DERIVED_FROM"),
    ("object", "OBJECT"),
    ("mentionedIn", "MENTIONED_IN"),
    ("inReport", "IN_REPORT"),
]


@pytest.fixture(scope="module")
def graph(sample_extraction: Extraction) -> Graph:
    return extraction_to_graph(sample_extraction)


@pytest.fixture(scope="module")
def neo4j_dir(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("neo4j") / "neo4j"
    write_neo4j(graph, out)
    return out


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def nodes_of(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}


def test_node_files_have_typed_headers_and_one_row_per_typed_resource(
    graph: Graph, neo4j_dir: Path
) -> None:
    ids: list[str] = []
    for path in sorted(neo4j_dir.glob("nodes-*.csv")):
        header, rows = read_csv(path)
        assert all(HEADER_FIELD.match(field) for field in header), header
        assert header[:2] == ["iri:ID", ":LABEL"]
        for row in rows:
            assert len(row) == len(header)
            assert "Resource" in row[1].split(";")
            for field, cell in zip(header[2:], row[2:], strict=True):
                kind = field.split(":")[1].removesuffix("[]")
                cells = cell.split("|") if field.endswith("[]") else [cell]
                for value in filter(None, cells):
                    assert CASTS[kind](value) is not False, (field, value)
            ids.append(row[0])
    assert len(ids) == len(set(ids)) == len(nodes_of(graph))
    assert set(ids) == nodes_of(graph)


def test_metric_values_are_doubles_and_labels_are_types(neo4j_dir: Path) -> None:
    header, rows = read_csv(neo4j_dir / "nodes-Metric.csv")
    assert "value:double" in header and "baseValue:double" in header
    assert {row[1] for row in rows} == {"Metric;Resource"}


def test_relationships_join_existing_nodes_one_row_per_link(graph: Graph, neo4j_dir: Path) -> None:
    header, rows = read_csv(neo4j_dir / "relationships.csv")
    assert header == [":START_ID", ":END_ID", ":TYPE"]
    nodes = nodes_of(graph)
    links = {
        (str(s), str(o), relationship_type(p.split("#")[-1].split("/")[-1]))
        for s, p, o in graph
        if p != RDF.type and str(s) in nodes and str(o) in nodes
    }
    assert len(rows) == len(links)
    assert {tuple(row) for row in rows} == links
    assert {row[2] for row in rows} >= {"WAS_DERIVED_FROM", "OBJECT", "MENTIONED_IN"}


def test_import_script_names_every_file_and_cypher_creates_every_node(
    graph: Graph, neo4j_dir: Path
) -> None:
    script = (neo4j_dir / "import.sh").read_text(encoding="utf-8")
    for path in neo4j_dir.glob("*.csv"):
        assert path.name in script
    assert "neo4j-admin database import full" in script
    cypher = (neo4j_dir / "import.cypher").read_text(encoding="utf-8")
    assert cypher.count("`iri`: ") == len(nodes_of(graph))
    assert all(line.endswith(";") for line in cypher.splitlines() if not line.startswith("//"))


@pytest.mark.parametrize(("predicate", "expected"), RELATIONSHIP_TYPES)
def test_relationship_type_names(predicate: str, expected: str) -> None:
    assert relationship_type(predicate) == expected


@pytest.mark.parametrize(
    ("writer", "reader", "name"),
    [(write_graphml, nx.read_graphml, "g.graphml"), (write_gexf, nx.read_gexf, "g.gexf")],
)
def test_gephi_files_read_back_with_flat_attributes(
    graph: Graph,
    tmp_path: Path,
    writer,
    reader,
    name: str,  # type: ignore[no-untyped-def]
) -> None:
    writer(graph, tmp_path / name)
    read = reader(tmp_path / name)
    entities = {str(s) for s in graph.subjects(RDF.type, GRK.Project)}
    assert entities <= set(read.nodes)
    assert not any("/sentence/" in node for node in read.nodes)
    for _, data in read.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
        assert data.get("label") and data.get("type")
    metric = next(str(s) for s in graph.subjects(RDF.type, GRK.Metric))
    assert isinstance(read.nodes[metric]["value"], float)
    assert read.nodes[metric]["sentence"]
    assert read.number_of_edges() > 0


def test_a_literal_with_quotes_and_newlines_survives_cypher(tmp_path: Path) -> None:
    graph = Graph()
    node = URIRef("https://example.org/x")
    graph.add((node, RDF.type, GRK.Project))
    graph.add((node, URIRef("https://example.org/label"), Literal("a\"b\\c\n'd")))
    write_neo4j(graph, tmp_path / "n")
    cypher = (tmp_path / "n" / "import.cypher").read_text(encoding="utf-8")
    assert '"a\\"b\\\\c\\n\'d"' in cypher
