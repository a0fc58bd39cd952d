"""Places with identity in the graph: a division's resource, and the place each entity is.

A division is named by its code (``{base}place/430100``), so every spelling of it in every report
is one resource. Its ``schema:name`` is its full name (长沙市, a plain literal) in every report;
its ``rdfs:label`` is the name as the report writes it (长沙), as for any entity. A division the
report only implies (a parent up the chain) has no label: the evaluation contract takes every
labelled place as a place the report names. It
carries its code, level, WGS84 point and ``schema:containedInPlace`` the division it is in,
written with the whole chain up to the province so each report's graph holds what a query that
rolls up to provinces needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib.namespace import RDF

from kg.places import PlaceLinks, division_table
from kg.rdf import ntriples as terms
from kg.rdf.iris import division_iri, entity_iri
from kg.rdf.namespaces import GEO, GRK, SCHEMA, Terms
from kg.records import Entity, EntityType

grk, schema, geo = Terms(GRK, terms.iri), Terms(SCHEMA, terms.iri), Terms(GEO, terms.iri)
rdf = Terms(RDF, terms.iri)


@dataclass(frozen=True, slots=True)
class Identity:
    """What an entity is in the graph: its IRI, and the division code it is (None for a place
    that is no division, and for projects and organizations)."""

    iri: str
    code: str | None = None


def entity_identity(base: str, entity: Entity, links: PlaceLinks) -> Identity:
    code = links.codes.get(entity.key) if entity.type is EntityType.PLACE else None
    if code is None:
        return Identity(entity_iri(base, entity.type, entity.key))
    return Identity(division_iri(base, code), code)


class DivisionWriter:
    """Writes each division a report needs once, with the divisions it is in."""

    def __init__(self, base: str, add: Callable[[str, str, str], None]) -> None:
        self.base = base
        self.add = add
        self._written: dict[str, str] = {}

    def node(self, code: str) -> str:
        """The division's node, its triples and its parents' written on first use."""
        node = self._written.get(code)
        if node is not None:
            return node
        node = terms.iri(division_iri(self.base, code))
        self._written[code] = node
        division = division_table().by_code[code]
        add = self.add
        add(node, rdf.type, schema.Place)
        add(node, schema.name, terms.string(division.name))
        add(node, grk.divisionCode, terms.string(division.code))
        add(node, grk.divisionLevel, terms.string(division.level))
        if division.latitude is not None and division.longitude is not None:
            add(node, geo.lat, terms.decimal(division.latitude))
            add(node, geo.long, terms.decimal(division.longitude))
        if division.parent is not None and division.parent in division_table().by_code:
            add(node, schema.containedInPlace, self.node(division.parent))
        return node

    def contain(self, place: str, code: str) -> None:
        """A place that is no division, in the division ``code``."""
        self.add(place, schema.containedInPlace, self.node(code))
