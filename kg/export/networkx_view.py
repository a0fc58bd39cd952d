"""The graph as a networkx multigraph of entities, for analysis in Python.

Nodes are the entities (keyed by IRI) with their type and labels; edges say how two entities
are related: an action's agent or location pointing at what it acts on, or two entities named
in the same sentence. Actions and metrics stay on the nodes they concern.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import Graph

from kg.export.view import GraphView, read_view


def to_networkx(graph: Graph | GraphView) -> nx.MultiDiGraph:
    """A ``MultiDiGraph`` of the entities of an RDF graph built by ``kg``.

    Node attributes: ``label``, ``type`` (Project, Organization or Place), ``types`` (all of
    them), ``alt_labels``, ``statuses`` and ``sections`` (sorted), ``actions`` and ``metrics``
    (dicts), ``sentences`` (texts). Edge attributes: ``relation`` (``agent``, ``location`` or
    ``co_mention``), ``sentence`` and ``section``; action edges add ``verb``, ``status`` and
    ``year``.
    """
    view = graph if isinstance(graph, GraphView) else read_view(graph)
    sentences = view.sentences
    actions_on: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for action in view.actions:
        record = {
            "verb": action.verb,
            "status": action.status,
            "year": action.year,
            "sentence": sentences[action.sentence].text if action.sentence else "",
        }
        for iri in action.objects:
            actions_on[iri].append(record)
    metrics_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for metric in view.metrics:
        if metric.entity:
            metrics_of[metric.entity].append(
                {
                    "value": metric.display,
                    "measure": metric.measure,
                    "kind": metric.kind,
                    "sentence": sentences[metric.sentence].text if metric.sentence else "",
                }
            )

    result = nx.MultiDiGraph(reports=list(view.reports))
    for entity in view.entities:
        actions = actions_on[entity.iri]
        result.add_node(
            entity.iri,
            label=entity.label,
            type=entity.type,
            types=[entity.type, *entity.other_types],
            alt_labels=list(entity.alt_labels),
            statuses=sorted({a["status"] for a in actions if a["status"]}),
            sections=sorted({sentences[s].section for s in entity.sentences}),
            actions=actions,
            metrics=metrics_of[entity.iri],
            sentences=[sentences[s].text for s in entity.sentences],
        )
    for action in view.actions:
        sentence = sentences[action.sentence] if action.sentence else None
        for relation, source in (("agent", action.agent), ("location", action.location)):
            if source is None or source not in result:
                continue
            for target in action.objects:
                if target in result:
                    result.add_edge(
                        source,
                        target,
                        relation=relation,
                        verb=action.verb,
                        status=action.status,
                        year=action.year,
                        sentence=sentence.text if sentence else "",
                        section=sentence.section if sentence else "",
                    )
    for pair in view.co_mentions():
        sentence = sentences[pair.sentence]
        result.add_edge(
            pair.first,
            pair.second,
            relation="co_mention",
            sentence=sentence.text,
            section=sentence.section,
        )
    return result
