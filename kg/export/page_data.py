"""The data behind the interactive page: a JSON-ready dict built from the exploration view.

Entities are the nodes. Actions become edges where they name an agent or a location, and
always show on the nodes they act on (verb and status); metrics are listed with their values
and units; every fact keeps the index of its source sentence.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from kg.export.view import NO_SECTION, GraphView

# name -> (Chinese name, color, vis-network shape)
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "Project": ("项目", "#e4572e", "box"),
    "Organization": ("机构", "#1597a5", "ellipse"),
    "Place": ("地点", "#76b041", "diamond"),
}
# name -> (Chinese name, glyph, color); "none" is an entity no action touches
STATUS_STYLES: dict[str, tuple[str, str, str]] = {
    "completed": ("已完成", "✔", "#2e7d32"),
    "ongoing": ("进行中", "▶", "#ef6c00"),
    "planned": ("计划中", "○", "#1565c0"),
    "none": ("无动作", "·", "#9e9e9e"),
}
SECTION_NAMES: dict[str, str] = {
    "review": "工作回顾",
    "plan": "工作安排",
    "outlook": "规划目标",
    "preamble": "开篇",
    "other": "其他",
    NO_SECTION: "未知",
}


def page_data(view: GraphView) -> dict[str, Any]:
    """Everything the page script needs, with entities, actions and sentences as indices."""
    sentence_ids = {iri: index for index, iri in enumerate(view.sentences)}
    node_ids = {entity.iri: index for index, entity in enumerate(view.entities)}
    report_ids = {title: index for index, title in enumerate(view.reports)}
    sections_present = {s.section for s in view.sentences.values()}
    if any(not entity.sentences for entity in view.entities):  # the report's region, say
        sections_present.add(NO_SECTION)
    sections = [name for name in SECTION_NAMES if name in sections_present]
    sections += sorted(sections_present - set(sections))  # kinds this page does not know yet

    def sentence_ref(iri: str | None) -> int | None:
        return sentence_ids[iri] if iri is not None else None

    def node_ref(iri: str | None) -> int | None:
        return node_ids.get(iri) if iri is not None else None

    node_actions: dict[int, list[int]] = defaultdict(list)
    actions = []
    for index, action in enumerate(view.actions):
        objects = [node_ids[o] for o in action.objects if o in node_ids]
        for node in objects:
            node_actions[node].append(index)
        actions.append(
            {
                "verb": action.verb,
                "status": action.status or "none",
                "year": action.year,
                "sentence": sentence_ref(action.sentence),
                "objects": objects,
                "agent": node_ref(action.agent),
                "location": node_ref(action.location),
            }
        )
    node_metrics: dict[int, list[int]] = defaultdict(list)
    metrics = []
    for index, metric in enumerate(view.metrics):
        about = node_ref(metric.entity)
        if about is not None:
            node_metrics[about].append(index)
        metrics.append(
            {
                "text": metric.display,
                "value": metric.value,
                "unit": metric.unit,
                "measure": metric.measure,
                "kind": metric.kind,
                "sentence": sentence_ref(metric.sentence),
                "entity": about,
            }
        )

    nodes = []
    for index, entity in enumerate(view.entities):
        statuses = {actions[a]["status"] for a in node_actions[index]} or {"none"}
        nodes.append(
            {
                "label": entity.label,
                "type": entity.type,
                "otherTypes": list(entity.other_types),
                "alt": list(entity.alt_labels),
                "statuses": [s for s in STATUS_STYLES if s in statuses],
                "sections": sorted({view.sentences[s].section for s in entity.sentences})
                or [NO_SECTION],
                "reports": sorted({report_ids[view.sentences[s].report] for s in entity.sentences}),
                "sentences": [sentence_ids[s] for s in entity.sentences],
                "actions": node_actions[index],
                "metrics": node_metrics[index],
            }
        )

    return {
        "reports": _reports(view, nodes, actions, metrics),
        "counts": view.counts,
        "types": [
            {"name": name, "zh": zh, "color": color, "shape": shape}
            for name, (zh, color, shape) in TYPE_STYLES.items()
        ],
        "statuses": [
            {"name": name, "zh": zh, "glyph": glyph, "color": color}
            for name, (zh, glyph, color) in STATUS_STYLES.items()
        ],
        "sections": [{"name": name, "zh": SECTION_NAMES.get(name, name)} for name in sections],
        "sentences": [
            {
                "text": s.text,
                "section": s.section,
                "heading": s.heading,
                "report": report_ids.get(s.report),
            }
            for s in view.sentences.values()
        ],
        "nodes": nodes,
        "edges": _edges(view, node_ids, sentence_ids, actions),
        "actions": actions,
        "metrics": metrics,
    }


def _reports(
    view: GraphView,
    nodes: list[dict[str, Any]],
    actions: list[dict[str, Any]],
    metrics: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Each report's name, region and year, and its headline numbers: the entities it names
    (by type), its actions and its metrics (targets among them)."""
    report_ids = {title: index for index, title in enumerate(view.reports)}
    of_sentence = [report_ids.get(s.report) for s in view.sentences.values()]
    entities: list[Counter[str]] = [Counter() for _ in view.reports]
    for node in nodes:
        for index in node["reports"]:
            entities[index][node["type"]] += 1
    facts: list[Counter[str]] = [Counter() for _ in view.reports]
    for kind, records in (("actions", actions), ("metrics", metrics)):
        for record in records:
            index = of_sentence[record["sentence"]] if record["sentence"] is not None else None
            if index is not None:
                facts[index][kind] += 1
                if record.get("kind") == "target":
                    facts[index]["targets"] += 1
    reports = []
    for index, name in enumerate(view.reports):
        details = view.report_details.get(name)
        reports.append(
            {
                "title": name,
                "region": details.region if details else "",
                "year": details.year if details else "",
                "file": details.file if details else "",
                "entities": dict(entities[index]),
                "actions": facts[index]["actions"],
                "metrics": facts[index]["metrics"],
                "targets": facts[index]["targets"],
            }
        )
    return reports


def _edges(
    view: GraphView,
    node_ids: dict[str, int],
    sentence_ids: dict[str, int],
    actions: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = []
    for index, action in enumerate(actions):
        for kind in ("agent", "location"):
            source = action[kind]
            if source is None:
                continue
            for target in action["objects"]:
                if target != source:
                    edges.append({"from": source, "to": target, "kind": kind, "action": index})
    together: dict[tuple[int, int], list[int]] = defaultdict(list)
    for pair in view.co_mentions():
        key = (node_ids[pair.first], node_ids[pair.second])
        together[key].append(sentence_ids[pair.sentence])
    for (first, second), sentences in sorted(together.items()):
        edges.append({"from": first, "to": second, "kind": "together", "sentences": sentences})
    return edges


def script_json(data: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element whatever strings it holds.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no ``</script>`` or ``<!--`` can
    end the element early; the line and paragraph separators are escaped for old parsers.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text
