"""Every field of every record the graph reads is mapped, or its omission is explained."""

from __future__ import annotations

import dataclasses

import pytest

from kg import records
from kg.rdf.mapping import MAPPED_FIELDS, STATUS_IRIS

RECORDS = [
    cls
    for cls in vars(records).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls is not records.Extraction
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda cls: cls.__name__)
def test_every_record_field_has_a_place_in_the_graph(record: type) -> None:
    fields = {field.name for field in dataclasses.fields(record)}
    assert record in MAPPED_FIELDS, f"kg/rdf/mapping.py does not map {record.__name__}"
    mapped = set(MAPPED_FIELDS[record])
    assert fields - mapped == set(), "fields the graph does not map yet"
    assert mapped - fields == set(), "mapped fields the record no longer has"


def test_every_status_has_a_schema_org_status() -> None:
    assert set(STATUS_IRIS) == set(records.Status)
