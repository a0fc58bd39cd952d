"""Places of the provincial corpus: how many divisions got a code and a parent, and the
hand-checked codes of tests/data/place_codes.tsv (docs/graph-model-and-queries.md, Places and
codes)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import BuildSummary
from kg.places import division_table
from tests.conftest import ROOT

CHECKED = ROOT / "tests" / "data" / "place_codes.tsv"
# Every place of a report: its names, code and parent, where it has them.
PLACES = """
PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?place ?name ?code ?parent WHERE {
  ?place a grk:Place .
  { ?place rdfs:label ?n } UNION { ?place skos:altLabel ?n }
  OPTIONAL { ?place grk:divisionCode ?code }
  OPTIONAL { ?place schema:containedInPlace ?parent }
  BIND(STR(?n) AS ?name)
}
"""
MENTIONS = """
PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
SELECT DISTINCT ?name ?file ?code WHERE {
  ?m grk:refersTo ?place ; grk:text ?text ; grk:inReport ?r .
  ?r grk:sourceFile ?file .
  OPTIONAL { ?place grk:divisionCode ?code }
  BIND(STR(?text) AS ?name)
}
"""


@pytest.fixture(scope="module")
def store(provinces: tuple[BuildSummary, Path]) -> ox.Store:
    _, out = provinces
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def query(store: ox.Store, text: str) -> list[dict[str, str]]:
    rows = store.query(text, use_default_graph_as_union=True)
    return [
        {
            var.value: term.value
            for var, term in zip(rows.variables, row, strict=True)
            if term is not None
        }  # type: ignore[union-attr]
        for row in rows  # type: ignore[union-attr]
    ]


def test_divisions_have_their_code_and_parent(store: ox.Store) -> None:
    table = division_table()
    coded: dict[str, set[str]] = {}
    full_names_uncoded = set()
    named_like_divisions = set()
    for row in query(store, PLACES):
        if "code" in row:
            coded.setdefault(row["place"], set()).update([row["parent"]] if "parent" in row else [])
        elif table.lookup(row["name"]).codes:
            named_like_divisions.add(row["place"])
            if row["name"] in {d.name for d in table.by_code.values()}:
                full_names_uncoded.add(row["name"])
    # A place written with a division's full name always gets its code (朝阳区 in both
    # Beijing's and Changchun's sense is never in one report).
    assert full_names_uncoded == set()
    # Left without a code: short names that mean something else outside their region (钟山,
    # 大庆, 安康: docs/graph-model-and-queries.md#places-and-codes).
    share = len(coded) / (len(coded) + len(named_like_divisions))
    assert share >= 0.9, share
    for place, parents in coded.items():
        division = table.by_code[place.rsplit("/", 1)[1]]
        assert len(parents) == (division.level != "province"), place
        if division.parent:
            assert parents == {place.rsplit("/", 1)[0] + "/" + division.parent}


def test_every_report_region_has_its_code(store: ox.Store) -> None:
    text = """
        PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT DISTINCT ?file ?code WHERE {
          ?r grk:sourceFile ?file ; schema:spatialCoverage ?place .
          OPTIONAL { ?place grk:divisionCode ?code } }"""
    rows = query(store, text)
    assert len(rows) == 31
    assert all(row.get("code", "").endswith("0000") for row in rows), rows


def checked_rows() -> list[tuple[str, str, str]]:
    lines = CHECKED.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return [(name, file, code) for name, file, code, _why in rows]


def test_the_hand_checked_sample_is_there() -> None:
    rows = checked_rows()
    assert len(rows) >= 60 and len(set(rows)) == len(rows)


def test_hand_checked_codes(store: ox.Store) -> None:
    found: dict[tuple[str, str], set[str]] = {}
    for row in query(store, MENTIONS):
        found.setdefault((row["name"], Path(row["file"]).name), set()).add(row.get("code", ""))
    rows = checked_rows()
    # A name the extractor no longer finds (it improves) has no code to check: most are found.
    present = [(name, file, code) for name, file, code in rows if (name, file) in found]
    assert len(present) >= 0.9 * len(rows)
    wrong = [(name, file, code, found[(name, file)]) for name, file, code in present]
    assert [row for row in wrong if row[3] != {row[2]}] == []
