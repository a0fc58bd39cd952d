"""Where each record field goes in the graph.

A test compares ``MAPPED_FIELDS`` with the fields of the records in ``kg/records.py``: a field
added to a record fails it until the graph maps the field (or says here why it does not).
"""

from __future__ import annotations

from rdflib import URIRef

from kg.rdf.namespaces import SCHEMA
from kg.records import (
    Action,
    Entity,
    Mention,
    Metric,
    Paragraph,
    Quantity,
    Report,
    Section,
    Sentence,
    Status,
)

STATUS_IRIS: dict[Status, URIRef] = {
    Status.PLANNED: SCHEMA.PotentialActionStatus,
    Status.ONGOING: SCHEMA.ActiveActionStatus,
    Status.COMPLETED: SCHEMA.CompletedActionStatus,
}

# Record fields and where they go; fields left out on purpose say why.
MAPPED_FIELDS: dict[type, dict[str, str]] = {
    Report: {
        "source_name": "grk:sourceFile",
        "text": "not copied whole: sentences and mentions carry their own text",
        "checksum": "grk:checksum, and the report IRI",
        "title": "rdfs:label",
        "sections": "grk:Section (those holding a sentence in use)",
        "paragraphs": "grk:Paragraph (those holding a sentence in use)",
        "sentences": "grk:Sentence (those a fact or mention derives from)",
        "region": "grk:region, schema:spatialCoverage",
        "review_year": "grk:reviewYear",
        "plan_year": "grk:planYear",
        "skipped": "not written: how the extractors read the text (kg.text.view)",
        "traditional": "not written: how the extractors read the text (kg.text.view)",
    },
    Section: {
        "index": "section order is given by the offsets",
        "kind": "grk:sectionKind",
        "title": "rdfs:label",
        "start": "grk:startOffset",
        "end": "grk:endOffset",
        "year": "grk:year, time:hasTime",
    },
    Paragraph: {
        "index": "paragraph order is given by the offsets",
        "section_index": "grk:inSection",
        "start": "grk:startOffset",
        "end": "grk:endOffset",
    },
    Sentence: {
        "index": "sentence order is given by the offsets",
        "paragraph_index": "grk:inParagraph",
        "section_index": "grk:inSection, grk:sectionKind",
        "start": "grk:startOffset",
        "end": "grk:endOffset",
        "text": "grk:text",
    },
    Entity: {
        "key": "the entity IRI",
        "label": "rdfs:label",
        "type": "rdf:type",
        "alt_labels": "skos:altLabel",
        "other_types": "not written: one rdf:type a resource",
        "mentions": "grk:Mention, grk:mentionedIn",
    },
    Mention: {
        "sentence_index": "grk:inSentence",
        "start": "grk:startOffset",
        "end": "grk:endOffset",
        "text": "grk:text",
        "type": "the entity it refers to (grk:refersTo)",
        "other_types": "not written: one rdf:type a resource",
    },
    Metric: {
        "sentence_index": "prov:wasDerivedFrom",
        "quantity": "see Quantity",
        "kind": "grk:metricKind",
        "measure": "grk:measure",
        "direction": "grk:direction",
        "basis": "grk:basis",
        "entity_key": "grk:aboutEntity",
        "entity_type": "grk:aboutEntity",
        "year": "grk:year, time:hasTime",
    },
    Quantity: {
        "text": "grk:valueAsWritten (the source text between the offsets)",
        "start": "grk:startOffset",
        "end": "grk:endOffset",
        "value": "schema:value",
        "unit": "schema:unitText",
        "base_value": "grk:baseValue",
        "base_unit": "grk:baseUnit",
        "qualifier": "grk:qualifier",
        "chinese_numerals": "not written: such quantities are no metrics",
        "value_max": "schema:maxValue, with schema:minValue the value",
        "base_value_max": "grk:baseValueMax",
    },
    Action: {
        "sentence_index": "prov:wasDerivedFrom",
        "start": "grk:startOffset",
        "end": "grk:endOffset",
        "verb": "grk:verb",
        "status": "schema:actionStatus",
        "objects": "schema:object",
        "agent": "schema:agent",
        "place": "schema:location",
        "year": "grk:year, time:hasTime",
    },
}
