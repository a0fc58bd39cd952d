"""GraphML and GEXF for Gephi (through networkx): flat attributes, no nested values.

Nodes are the typed resources except sentences; each action and metric carries its source
sentence's text as the attribute ``sentence`` instead. Every node has ``label`` and ``type``
(its first type; ``types`` lists all), and each literal property as one attribute: numbers stay
numbers, several values are joined with "; ". Edges carry ``type`` (the predicate) and ``label``.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.export.atomic import atomic_write
from kg.export.property_graph import Value, property_graph

_SKIPPED = {"Sentence"}


def to_flat_networkx(graph: Graph) -> nx.MultiDiGraph:
    model = property_graph(graph)
    kept = {iri for iri, node in model.nodes.items() if not set(node.labels) & _SKIPPED}
    sentence_text = {
        iri: str(node.properties.get("text", [""])[0])
        for iri, node in model.nodes.items()
        if "Sentence" in node.labels
    }
    flat = nx.MultiDiGraph()
    for iri in sorted(kept):
        node = model.nodes[iri]
        attributes: dict[str, Value] = {
            name: _flat(values) for name, values in node.properties.items()
        }
        attributes["label"] = str(attributes.get("label", iri.rsplit("/", 1)[-1]))
        attributes["type"] = node.labels[0] if node.labels else ""
        attributes["types"] = "; ".join(node.labels)
        flat.add_node(iri, **attributes)
    for edge in model.edges:
        if edge.start in kept and edge.end in kept:
            flat.add_edge(edge.start, edge.end, type=edge.type, label=edge.type)
        elif edge.type == "wasDerivedFrom" and edge.start in kept and edge.end in sentence_text:
            flat.nodes[edge.start]["sentence"] = sentence_text[edge.end]
    return flat


def _flat(values: list[Value]) -> Value:
    if len(values) == 1:
        return values[0]
    return "; ".join(str(value) for value in values)


def write_graphml(graph: Graph, path: Path) -> None:
    flat = to_flat_networkx(graph)
    with atomic_write(path, binary=True) as handle:
        nx.write_graphml(flat, handle, encoding="utf-8")


def write_gexf(graph: Graph, path: Path) -> None:
    flat = to_flat_networkx(graph)
    with atomic_write(path, binary=True) as handle:
        nx.write_gexf(flat, handle, encoding="utf-8")
