"""How many resources of each kind a graph holds: the one count that the build line, the page,
the notebook and the docs all give.

A resource counts once per class its ``rdf:type`` names, however many reports' graphs hold it:
an entity typed both ``grk:Project`` and ``grk:Place`` counts under both (the sum of the entity
counts can then exceed the entities the page draws, one node each).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.rdf.namespaces import GRK

# The classes counted, in the order they are shown.
COUNTED: dict[str, str] = {
    name: str(GRK[name]) for name in ("Project", "Organization", "Place", "Action", "Metric")
}
ENTITY_TYPES = ("Project", "Organization", "Place")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

# The same count in SPARQL, for a store or a notebook.
COUNT_QUERY = """SELECT ?type (COUNT(DISTINCT ?resource) AS ?count) WHERE {
  VALUES (?class ?type) {
    (grk:Project "Project") (grk:Organization "Organization") (grk:Place "Place")
    (grk:Action "Action") (grk:Metric "Metric")
  }
  ?resource a ?class
} GROUP BY ?type"""


def count_types(type_pairs: Iterable[tuple[object, object]]) -> dict[str, int]:
    """Distinct subjects per counted class, from (subject, class) pairs of ``rdf:type`` (a pair
    may repeat: each report's graph states its entities' types); every class in ``COUNTED``
    is in the answer, in its order, 0 where none."""
    by_class: dict[str, set[object]] = {iri: set() for iri in COUNTED.values()}
    for subject, cls in type_pairs:
        iri = getattr(cls, "value", None)
        found = by_class.get(iri) if isinstance(iri, str) else by_class.get(str(cls))
        if found is not None:
            found.add(subject)
    return {name: len(by_class[iri]) for name, iri in COUNTED.items()}


def format_counts(counts: dict[str, int]) -> str:
    """``Project 807, Organization 283, Place 1201, Action 1037, Metric 6596``."""
    return ", ".join(f"{name} {counts.get(name, 0)}" for name in COUNTED)
