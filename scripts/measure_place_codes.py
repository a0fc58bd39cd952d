"""Measure how many of a corpus graph's places that are divisions got a code and a parent.

A place counts as a division when one of its names is a division's name (``kg.places``): those
with a code are counted with and without ``schema:containedInPlace``, those without are listed
(a name that two divisions share and the report does not tell apart). ``--sample N`` prints N
coded places with their report's region, to hand-check (tests/data/place_codes.tsv).

Usage: python scripts/measure_place_codes.py corpus/graph.nq [--sample 50]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.places import division_table

MENTIONS = """
PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
SELECT ?name ?file ?region ?code ?sentence WHERE {
  GRAPH ?g {
    ?m grk:refersTo ?place ; grk:text ?text ; grk:inSentence ?s .
    ?place grk:divisionCode ?code .
    ?s grk:text ?sentence .
    ?r a grk:Report ; grk:sourceFile ?file .
    OPTIONAL { ?r grk:region ?region }
  }
  BIND(STR(?text) AS ?name)
}
"""
PLACES = """
PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?place ?name ?code ?parent ?region ?file WHERE {
  GRAPH ?g {
    ?place a grk:Place .
    { ?place rdfs:label ?n } UNION { ?place skos:altLabel ?n }
    OPTIONAL { ?place grk:divisionCode ?code }
    OPTIONAL { ?place schema:containedInPlace ?parent }
    ?r a grk:Report ; grk:sourceFile ?file .
    OPTIONAL { ?r grk:region ?region }
  }
  BIND(STR(?n) AS ?name)
}
"""


def main(path: Path, sample: int) -> None:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    table = division_table()
    coded: dict[str, bool] = {}
    uncoded: dict[str, set[str]] = {}
    for row in store.query(PLACES):  # type: ignore[union-attr]
        place, name = row["place"].value, row["name"].value
        region = row["region"].value if row["region"] else ""
        if row["code"] is not None:
            coded[place] = coded.get(place, False) or row["parent"] is not None
        elif table.lookup(name).codes:
            uncoded.setdefault(place, set()).add(f"{name} ({region})")
    with_parent = sum(coded.values())
    provinces = sum(1 for p in coded if table.by_code[p.rsplit("/", 1)[1]].level == "province")
    total = len(coded) + len(uncoded)
    print(f"division places: {total}; coded {len(coded)} ({len(coded) / max(total, 1):.1%})")
    print(f"coded with a parent: {with_parent} (+ {provinces} provinces, which have none)")
    for place, names in sorted(uncoded.items()):
        print(f"  uncoded: {place.rsplit('/', 1)[1]}: {', '.join(sorted(names))}")
    if sample:
        # One sentence per (name, report, code): what to read to check the code by hand.
        mentions: dict[tuple[str, str, str, str], str] = {}
        for row in store.query(MENTIONS):  # type: ignore[union-attr]
            key = (
                row["name"].value,
                Path(row["file"].value).name,
                row["region"].value,
                row["code"].value,
            )
            mentions.setdefault(key, row["sentence"].value)
        rng = random.Random(14)
        for key in sorted(rng.sample(sorted(mentions), sample)):
            name, file, region, code = key
            sentence = mentions[key][:80]
            print(f"{name}\t{file}\t{region}\t{code}\t{table.by_code[code].name}\t{sentence}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    count = int(arguments[arguments.index("--sample") + 1]) if "--sample" in arguments else 0
    main(Path(arguments[0]), count)
