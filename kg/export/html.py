"""An interactive page of the graph (pyvis): entities as nodes, actions as edges."""

from __future__ import annotations

import html
from pathlib import Path

from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef

from kg.export.atomic import atomic_write
from kg.rdf.namespaces import GRK, SCHEMA

NODE_STYLE = {
    GRK.Project: ("#e4572e", "box"),
    GRK.Organization: ("#17bebb", "ellipse"),
    GRK.Place: ("#76b041", "diamond"),
}
STATUS_LABEL = {
    SCHEMA.PotentialActionStatus: "planned",
    SCHEMA.ActiveActionStatus: "ongoing",
    SCHEMA.CompletedActionStatus: "completed",
}


def write_html(graph: Graph, path: Path) -> None:
    network = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for entity_type, (color, shape) in NODE_STYLE.items():
        for node in graph.subjects(RDF.type, entity_type):
            if str(node) in network.get_nodes():
                continue
            label = str(graph.value(node, RDFS.label) or node)
            network.add_node(
                str(node),
                label=label,
                title=html.escape(f"{entity_type.fragment}: {label}"),
                color=color,
                shape=shape,
            )
    for action in graph.subjects(RDF.type, GRK.Action):
        verb = str(graph.value(action, GRK.verb) or "")
        status_node = graph.value(action, SCHEMA.actionStatus)
        status = STATUS_LABEL.get(status_node, "") if isinstance(status_node, URIRef) else ""
        for target in graph.objects(action, SCHEMA.object):
            if not isinstance(target, URIRef):
                continue
            source = graph.value(action, SCHEMA.agent) or graph.value(action, SCHEMA.location)
            if source is not None:
                network.add_edge(str(source), str(target), label=f"{verb} ({status})")
    with atomic_write(path) as handle:
        handle.write(network.generate_html())
