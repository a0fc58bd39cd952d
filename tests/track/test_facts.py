"""Facts read off a graph: a report's region and years, and the division code of its region's
place once the graph has one (grk:divisionCode, written by the places' build)."""

import pyoxigraph as ox

from kg.track.facts import GraphReader, read_reports
from kg.track.targets import region_key

GRAPH = """
@prefix grk: <https://w3id.org/govreport-kg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:r2024 a grk:Report ; grk:region "朝阳区"@zh ; schema:spatialCoverage ex:chaoyang ;
  grk:reviewYear "2023"^^xsd:gYear ; grk:planYear "2024"^^xsd:gYear .
ex:chaoyang grk:divisionCode "110105" .
ex:r2025 a grk:Report ; grk:region "朝阳区"@zh ; schema:spatialCoverage ex:chaoyang2 ;
  grk:reviewYear "2024"^^xsd:gYear ; grk:planYear "2025"^^xsd:gYear .
ex:chaoyang2 grk:divisionCode "220104" .
ex:nameless a grk:Report ; grk:planYear "2025"^^xsd:gYear .
"""


def test_reports_carry_the_code_of_their_region() -> None:
    store = ox.Store()
    store.load(GRAPH, ox.RdfFormat.TURTLE)
    reports = read_reports(GraphReader(store))
    assert sorted(reports) == ["https://example.org/r2024", "https://example.org/r2025"]
    first, second = reports["https://example.org/r2024"], reports["https://example.org/r2025"]
    assert (first.region, first.review_year, first.plan_year, first.code) == (
        "朝阳区",
        2023,
        2024,
        "110105",
    )
    # Beijing's 朝阳区 and Changchun's are two regions, whatever their names
    assert region_key(first) != region_key(second)
