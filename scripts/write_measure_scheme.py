"""Write ontology/measures.ttl, the SKOS scheme of the canonical measures, from kg/data/measures.tsv.

Run after editing the table: python scripts/write_measure_scheme.py (a test fails until then).
"""

from pathlib import Path

from kg.rdf.measures import measure_scheme_turtle

TARGET = Path(__file__).parents[1] / "ontology" / "measures.ttl"

if __name__ == "__main__":
    TARGET.write_text(measure_scheme_turtle(), encoding="utf-8")
    print(f"wrote {TARGET}")
