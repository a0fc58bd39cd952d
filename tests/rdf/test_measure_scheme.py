"""ontology/measures.ttl is the SKOS scheme made from kg/data/measures.tsv; metrics link to it."""

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import SKOS

from kg.extract.measures import measure_concepts
from kg.extract.metrics import find_metrics
from kg.rdf.graph import extraction_to_graph
from kg.rdf.measures import concept_iri, measure_scheme
from kg.rdf.namespaces import GRK, MEASURES_IRI
from kg.records import Extraction
from tests.extract.reports import make_report

SCHEME_FILE = Path(__file__).parents[2] / "ontology" / "measures.ttl"


def test_the_published_scheme_is_made_from_the_table() -> None:
    published = Graph().parse(SCHEME_FILE)
    made = measure_scheme()
    if not isomorphic(published, made):
        _, only_published, only_made = graph_diff(published, made)
        raise AssertionError(
            "ontology/measures.ttl is out of date: python scripts/write_measure_scheme.py\n"
            f"only in the file: {sorted(only_published)[:5]}\n"
            f"only in the table: {sorted(only_made)[:5]}"
        )


def test_every_concept_has_labels_in_chinese_and_english() -> None:
    scheme = measure_scheme()
    for concept in measure_concepts():
        labels = {
            lit.language for lit in scheme.objects(URIRef(concept_iri(concept)), SKOS.prefLabel)
        }
        assert labels == {"zh", "en"}, concept.id


def test_a_metric_links_to_its_concept_in_the_graph() -> None:
    report = make_report(review="国内生产总值增长5%，单位地区生产总值生产安全事故死亡率下降10%。")
    graph = extraction_to_graph(Extraction(report, metrics=tuple(find_metrics(report))))
    linked = {
        str(graph.value(metric, GRK.measure)): str(concept)
        for metric, concept in graph.subject_objects(GRK.measureConcept)
    }
    assert linked == {"国内生产总值": f"{MEASURES_IRI}#gdp"}
