"""Read what a built graph claims, the way unseen reports are scored from their ``graph.ttl``.

The contract (../shared/tools/score.py): entities are the distinct (label, type) pairs of
resources typed Project, Organization or Place (by class local name, superclasses included);
a metric is a resource typed Metric whose (value, unit) pairs are its numeric literals under a
property named ``*value*`` and its other literals under one named ``*unit*``, on itself or on a
resource it points to; its measures are its literals under a property named ``*measure*``; a
project's statuses are those of the actions whose ``object`` carries its label. Labels are
``rdfs:label`` and ``skos:prefLabel``, the Chinese ones where there are any.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

ENTITY_TYPES = ("Project", "Organization", "Place")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
_LABELS = (
    ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = frozenset(
    _XSD + name
    for name in (
        "decimal",
        "integer",
        "double",
        "float",
        "int",
        "long",
        "nonNegativeInteger",
        "positiveInteger",
        "short",
    )
)
_LOCAL = re.compile(r"[#/:]")
_IGNORED_CHARACTERS = re.compile(r"[\s\"'“”‘’《》「」]")
_TRADITIONAL_MAGNITUDES = str.maketrans("億萬", "亿万")
_STATUS_WORDS = (
    (("potential", "plan"), "planned"),
    (("complet", "done"), "completed"),
    (("active", "ongoing", "progress"), "ongoing"),
)

ValueUnit = tuple[float, str]


def norm(text: str) -> str:
    """A surface as the scorer compares it: NFKC, no white space or quotes, 億萬 as 亿万."""
    folded = unicodedata.normalize("NFKC", text).strip().translate(_TRADITIONAL_MAGNITUDES)
    return _IGNORED_CHARACTERS.sub("", folded)


def local_name(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    return _LOCAL.split(term.value)[-1]


@dataclass(frozen=True)
class MetricClaim:
    """One metric resource: the (value, unit) pairs it can be read as, and its measures."""

    pairs: frozenset[ValueUnit]
    measures: frozenset[str]


@dataclass
class GraphPredictions:
    entities: set[tuple[str, str]] = field(default_factory=set)  # (label, type)
    metrics: list[MetricClaim] = field(default_factory=list)
    statuses: dict[str, set[str]] = field(default_factory=dict)  # label -> statuses


def read_predictions(files: Iterable[Path]) -> GraphPredictions:
    """The predictions of the graph and ontology files (Turtle or any format by extension)."""
    store = ox.Store()
    for file in files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.from_extension(file.suffix[1:]))
    return predictions_of(store)


def predictions_of(store: ox.Store) -> GraphPredictions:
    supertypes = _supertypes(store)
    found = GraphPredictions()
    for quad in store.quads_for_pattern(None, _RDF_TYPE, None):
        subject, cls = quad.subject, quad.object
        if not isinstance(cls, ox.NamedNode) or isinstance(subject, ox.Triple):
            continue
        names = supertypes.get(cls.value, {local_name(cls)})
        for type_ in ENTITY_TYPES:
            if type_ in names:
                found.entities.update((label, type_) for label in _labels(store, subject))
        if "Metric" in names:
            claim = _metric(store, subject, cls)
            if claim is not None:
                found.metrics.append(claim)
        if "Action" in names:
            _add_statuses(store, subject, found.statuses)
    return found


def _supertypes(store: ox.Store) -> dict[str, set[str]]:
    """Class IRI -> local names of itself and all its superclasses."""
    parents: dict[str, set[str]] = defaultdict(set)
    for quad in store.quads_for_pattern(None, _SUBCLASS, None):
        if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.NamedNode):
            parents[quad.subject.value].add(quad.object.value)
    classes = set(parents) | {
        quad.object.value
        for quad in store.quads_for_pattern(None, _RDF_TYPE, None)
        if isinstance(quad.object, ox.NamedNode)
    }
    result = {}
    for cls in classes:
        seen, stack = set(), [cls]
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(parents.get(current, ()))
        result[cls] = {_LOCAL.split(c)[-1] for c in seen}
    return result


def _labels(store: ox.Store, subject: ox.NamedNode | ox.BlankNode) -> set[str]:
    literals = [
        quad.object
        for predicate in _LABELS
        for quad in store.quads_for_pattern(subject, predicate, None)
        if isinstance(quad.object, ox.Literal)
    ]
    chinese = [lit for lit in literals if (lit.language or "").startswith("zh")]
    return {norm(lit.value) for lit in chinese or literals}


def _metric(
    store: ox.Store, subject: ox.NamedNode | ox.BlankNode, cls: ox.NamedNode
) -> MetricClaim | None:
    nodes = [subject] + [
        quad.object
        for quad in store.quads_for_pattern(subject, None, None)
        if not isinstance(quad.object, ox.Literal) and quad.object != cls
    ]
    values: set[float] = set()
    units: set[str] = set()
    for node in nodes:
        if isinstance(node, ox.Triple):
            continue
        for quad in store.quads_for_pattern(node, None, None):
            obj = quad.object
            if not isinstance(obj, ox.Literal):
                continue
            name = local_name(quad.predicate).lower()
            numeric = obj.datatype.value in _NUMERIC
            if numeric and "value" in name:
                values.add(float(obj.value))
            elif not numeric and "unit" in name:
                units.add(norm(obj.value))
    pairs = frozenset((value, unit) for value in values for unit in units)
    if not pairs:
        return None
    measures = frozenset(
        norm(quad.object.value)
        for quad in store.quads_for_pattern(subject, None, None)
        if isinstance(quad.object, ox.Literal)
        and "measure" in local_name(quad.predicate).lower()
        and quad.object.datatype.value not in _NUMERIC
    )
    return MetricClaim(pairs, measures)


def _add_statuses(
    store: ox.Store, action: ox.NamedNode | ox.BlankNode, statuses: dict[str, set[str]]
) -> None:
    found = set()
    objects = []
    for quad in store.quads_for_pattern(action, None, None):
        name = local_name(quad.predicate)
        if "status" in name.lower() and not isinstance(quad.object, ox.Triple):
            status = _status(local_name(quad.object).lower())
            if status:
                found.add(status)
        if name == "object" and not isinstance(quad.object, ox.Literal | ox.Triple):
            objects.append(quad.object)
    for obj in objects:
        for label in _labels(store, obj):
            statuses.setdefault(label, set()).update(found)


def _status(name: str) -> str | None:
    for words, status in _STATUS_WORDS:
        if any(word in name for word in words):
            return status
    return None
