"""Places with identity in the graph, read back with rdflib and pyoxigraph: codes, parents,
points, one IRI for every spelling of a division across reports, and valid shapes."""

from __future__ import annotations

import warnings
from decimal import Decimal
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kg.pipeline import extract_source
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.graph import report_triples
from kg.rdf.namespaces import DEFAULT_BASE, GEO, GRK, SCHEMA
from kg.rdf.validate import validate_graph
from kg.text.reading import source_from_bytes
from tests.rdf.builds import FIXED_BUILD

REPORTS = {
    "2026-长春市.txt": "2026年长春市政府工作报告\n\n一、2025年工作回顾\n\n"
    "朝阳区、南关区、宽城区新建城市更新项目12个。\n\n二、2026年工作安排\n\n"
    "支持朝阳区建设长春科技创新中心。\n",
    "2026-北京市.txt": "2026年北京市政府工作报告\n\n一、2025年工作回顾\n\n"
    "朝阳区、海淀区新建城市更新项目12个，望京街道完成老旧小区改造。\n\n二、2026年工作安排\n\n"
    "支持朝阳区建设国际消费中心。\n",
    "2026-湖南省.txt": "2026年湖南省政府工作报告\n\n一、2025年工作回顾\n\n"
    "深化与广东合作，长沙经开区新增企业30家。\n\n二、2026年工作安排\n\n推进湘粤合作。\n",
    "2026-广东省.txt": "2026年广东省政府工作报告\n\n一、2025年工作回顾\n\n"
    "广东省地区生产总值增长5%。\n",
    "2026-长沙县.txt": "2026年长沙县政府工作报告\n\n一、2025年工作回顾\n\n"
    "星沙街道建成智能制造产业园。\n",
}


def place(code: str) -> URIRef:
    return URIRef(f"{DEFAULT_BASE}place/{code}")


@cache
def graph() -> KnowledgeGraph:
    reports = []
    for name, text in REPORTS.items():
        extraction = extract_source(source_from_bytes(text.encode("utf-8"), name))
        reports.append(report_triples(extraction, build=FIXED_BUILD))
    return KnowledgeGraph.of(reports)


def turtle() -> str:
    written = ox.serialize(graph().triples, format=ox.RdfFormat.TURTLE)
    return bytes(written or b"").decode("utf-8")


def nquads() -> bytes:
    return bytes(ox.serialize(graph().quads(), format=ox.RdfFormat.N_QUADS) or b"")


@pytest.fixture(scope="module")
def merged() -> Graph:
    """The merged graph written as Turtle and parsed back with rdflib."""
    return Graph().parse(data=turtle(), format="turtle")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """The graph written as N-Quads (a graph per report) and loaded into pyoxigraph."""
    store = ox.Store()
    store.load(nquads(), format=ox.RdfFormat.N_QUADS)
    return store


def region_code(merged: Graph, file: str) -> str:
    report = merged.value(predicate=GRK.sourceFile, object=Literal(file))
    region = merged.value(report, SCHEMA.spatialCoverage)
    return str(merged.value(region, GRK.divisionCode))


def test_every_report_region_has_its_code(merged: Graph) -> None:
    codes = {file: region_code(merged, file) for file in REPORTS}
    assert codes == {
        "2026-长春市.txt": "220100",
        "2026-北京市.txt": "110000",
        "2026-湖南省.txt": "430000",
        "2026-广东省.txt": "440000",
        "2026-长沙县.txt": "430121",
    }


def test_chaoyang_is_changchuns_in_a_changchun_report_and_beijings_in_beijings(
    store: ox.Store,
) -> None:
    query = """
        PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
        SELECT ?file ?code WHERE { GRAPH ?g {
          ?m grk:text "朝阳区"@zh ; grk:refersTo ?place ; grk:inReport ?r .
          ?place grk:divisionCode ?code . ?r grk:sourceFile ?file } }"""
    found = {(row["file"].value, row["code"].value) for row in store.query(query)}  # type: ignore[union-attr]
    assert found == {("2026-长春市.txt", "220104"), ("2026-北京市.txt", "110105")}


def test_a_division_is_one_resource_under_every_spelling(merged: Graph) -> None:
    guangdong = place("440000")
    # 广东 in Hunan's report, 广东省 in Guangdong's own: one resource, one full name, labelled
    # as each report writes it (the corpus merge keeps one rdfs:label, the others altLabels).
    assert list(merged.objects(guangdong, SCHEMA.name)) == [Literal("广东省")]
    written = {*merged.objects(guangdong, RDFS.label), *merged.objects(guangdong, SKOS.altLabel)}
    assert {Literal("广东", lang="zh"), Literal("广东省", lang="zh")} <= written
    reports = set(merged.subjects(SCHEMA.spatialCoverage, guangdong))
    assert len(reports) == 1
    mentions = {str(m) for m in merged.subjects(GRK.refersTo, guangdong)}
    assert len(mentions) >= 2  # named in both reports
    assert set(merged.subjects(RDFS.label, Literal("广东", lang="zh"))) == {guangdong}


def test_a_division_carries_its_code_level_point_and_parent_chain(merged: Graph) -> None:
    chaoyang = place("220104")
    assert merged.value(chaoyang, GRK.divisionCode) == Literal("220104")
    assert merged.value(chaoyang, GRK.divisionLevel) == Literal("county")
    lat, long = merged.value(chaoyang, GEO.lat), merged.value(chaoyang, GEO.long)
    assert isinstance(lat, Literal) and lat.datatype == XSD.decimal
    assert isinstance(long, Literal) and long.datatype == XSD.decimal
    assert 43 < Decimal(str(lat)) < 44 and 125 < Decimal(str(long)) < 126
    assert merged.value(chaoyang, SCHEMA.containedInPlace) == place("220100")
    assert merged.value(place("220100"), SCHEMA.containedInPlace) == place("220000")
    assert merged.value(place("220000"), SCHEMA.containedInPlace) is None
    # A parent the report does not name has its full name, and no label: it is no place the
    # report names (the evaluation contract scores every labelled place).
    assert merged.value(place("220000"), RDFS.label) is None
    assert merged.value(place("220000"), SCHEMA.name) == Literal("吉林省")


def test_a_town_is_in_its_county_and_a_zone_in_its_city(merged: Graph) -> None:
    town = merged.value(predicate=RDFS.label, object=Literal("星沙街道", lang="zh"))
    assert merged.value(town, SCHEMA.containedInPlace) == place("430121")
    assert merged.value(town, GRK.divisionCode) is None
    zone = merged.value(predicate=RDFS.label, object=Literal("长沙经开区", lang="zh"))
    assert merged.value(zone, SCHEMA.containedInPlace) == place("430100")
    wangjing = merged.value(predicate=RDFS.label, object=Literal("望京街道", lang="zh"))
    assert merged.value(wangjing, SCHEMA.containedInPlace) == place("110105")


def test_a_county_report_rolls_up_to_its_province(store: ox.Store) -> None:
    query = """
        PREFIX grk: <https://w3id.org/govreport-kg/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT DISTINCT ?code WHERE {
          ?r grk:sourceFile "2026-长沙县.txt" ; schema:spatialCoverage/schema:containedInPlace* ?p .
          ?p grk:divisionLevel "province" ; grk:divisionCode ?code }"""
    rows = store.query(query, use_default_graph_as_union=True)
    assert [row["code"].value for row in rows] == ["430000"]  # type: ignore[union-attr]


def test_the_graph_conforms_to_the_shapes() -> None:
    result = validate_graph(graph().to_rdflib())
    assert result.conforms, result.summary()


def test_rdflib_and_pyoxigraph_read_the_same_places(
    merged: Graph, store: ox.Store, tmp_path: Path
) -> None:
    path = tmp_path / "graph.nq"
    path.write_bytes(nquads())
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib's own N-Quads parser calls a deprecated property
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(path, format="nquads")
    in_rdflib = {
        (str(s), str(o)) for s, _p, o, _g in dataset.quads((None, GRK.divisionCode, None, None))
    }
    query = f"SELECT DISTINCT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{GRK.divisionCode}> ?o }} }}"
    in_oxigraph = {(row["s"].value, row["o"].value) for row in store.query(query)}  # type: ignore[union-attr]
    assert in_rdflib == in_oxigraph
    assert {(str(s), str(o)) for s, o in merged.subject_objects(GRK.divisionCode)} == in_rdflib
