"""The bundled queries as a catalogue: ``kg query --list``, names, required parameters; and
the two queries whose answer changed on purpose (compare-regions, project-metrics)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import ConfigError, InputError
from kg.extract.measures import concept_of
from kg.query import (
    bundled_queries,
    check_parameters,
    find_query,
    format_catalog,
    parse_bindings,
    read_query,
    run_query,
)
from kg.rdf.measures import concept_iri
from kg.rdf.ontology import queries_dir
from tests.query.test_query_cli import kg
from tests.rdf.builds import sample_graph


def test_every_bundled_query_has_a_question_and_declares_its_parameters() -> None:
    queries = bundled_queries()
    assert {q.name for q in queries} == {p.stem for p in queries_dir().glob("*.rq")}
    for query in queries:
        assert query.title and query.title_zh and query.question and query.columns, query.name
        text = query.path.read_text(encoding="utf-8")
        for parameter in query.parameters:
            assert f"?{parameter.name}" in text.split("PREFIX", 1)[1], parameter
            assert parameter.example.startswith(f"{parameter.name}="), parameter
    required = {q.name: [p.name for p in q.required] for q in queries if q.required}
    assert required == {
        "compare-regions": ["measure"],
        "metric-search": ["keyword"],
        "metrics-by-province": ["measure"],
    }


def test_list_shows_each_query_with_its_question_and_parameters() -> None:
    result = kg("query", "--list")
    assert result.returncode == 0, result.stderr
    for query in bundled_queries():
        assert f"\n{query.name}  {query.title}" in "\n" + result.stdout
        for parameter in query.parameters:
            need = "required" if parameter.required else "optional"
            assert f"--param {parameter.name}=… ({need})" in result.stdout
    assert "no parameters" in result.stdout  # report-overview
    assert "how do regions compare on one measure" in result.stdout
    assert result.stdout == format_catalog(bundled_queries()) + "\n"


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [("plan-target", "plan-targets"), ("report-overveiw", "report-overview"), ("zzz", None)],
)
def test_an_unknown_name_says_so_and_suggests_the_closest(typed: str, suggestion: str) -> None:
    with pytest.raises(InputError, match=f"no bundled query named '{typed}'") as raised:
        read_query(typed)
    if suggestion:
        assert f"did you mean {suggestion}?" in str(raised.value)
    else:
        assert "did you mean" not in str(raised.value)
    result = kg("query", "graph.ttl", typed)
    assert result.returncode == 3
    assert result.stderr.startswith(f"kg: error: no bundled query named '{typed}'")
    assert "expected CONSTRUCT" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_missing_required_parameter_is_named() -> None:
    text = read_query("compare-regions")
    with pytest.raises(ConfigError, match=r"compare-regions needs a value for \?measure"):
        check_parameters(text, {}, name="compare-regions")
    check_parameters(text, parse_bindings(["measure=地区生产总值"]), name="compare-regions")
    check_parameters("SELECT * WHERE { ?s ?p ?o }", {})  # no header, nothing required
    result = kg("query", "graph.ttl", "metric-search")
    assert result.returncode == 5
    assert result.stderr == (
        "kg: error: metric-search needs a value for ?keyword: add --param keyword=盘活\n"
    )


def test_query_without_arguments_points_to_list() -> None:
    result = kg("query")
    assert result.returncode == 2 and "--list" in result.stderr


# --- compare-regions: the canonical measure, by any of its names; shown as written ----------

MEASURES = """
@prefix grk: <https://w3id.org/govreport-kg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/> .
ex:r a grk:Report ; rdfs:label "2026年测试省政府工作报告"@zh ; grk:region "测试省"@zh ;
  grk:reviewYear "2025"^^<http://www.w3.org/2001/XMLSchema#gYear> .
ex:s grk:inReport ex:r .
"""
WRITTEN = {
    "地区生产总值": True,
    "全省地区生产总值": True,
    "2025年全省地区生产总值": True,
    "实现地区生产总值": True,
    "地区生产总值增速": True,
    "GDP": True,
    "国内生产总值": True,
    "人均地区生产总值": False,
    "单位地区生产总值生产安全事故死亡率": False,
    "服务业增加值占地区生产总值比重": False,
}


@pytest.fixture(scope="module")
def measures_store() -> ox.Store:
    """Metrics linked to their concepts as the build links them, the concepts labelled."""
    lines = [MEASURES]
    concepts = {}
    for index, measure in enumerate(WRITTEN):
        concept = concept_of(measure)
        link = ""
        if concept is not None:
            concepts[concept.id] = concept
            link = f"grk:measureConcept <{concept_iri(concept)}> ; "
        lines.append(
            f'ex:m{index} a grk:Metric ; grk:measure "{measure}"@zh ; grk:metricKind "actual" ; '
            f'{link}schema:value {index + 1} ; schema:unitText "%" ; prov:wasDerivedFrom ex:s .'
        )
    for concept in concepts.values():
        labels = ", ".join(f'"{label}"@zh' for label in concept.variants)
        alt = f" ; skos:altLabel {labels}" if labels else ""
        lines.append(f'<{concept_iri(concept)}> skos:prefLabel "{concept.label}"@zh{alt} .')
    store = ox.Store()
    store.load("\n".join(lines), ox.RdfFormat.TURTLE)
    return store


def _written(store: ox.Store, measure: str) -> list[str]:
    query = read_query(find_query("compare-regions").name)
    result = run_query(store, query, parse_bindings([f"measure={measure}"]))
    column = result.variables.index("measure_as_written")
    return sorted(str(row[column].value) for row in result.rows if row[column] is not None)


@pytest.mark.parametrize("name", ["地区生产总值", "GDP", "生产总值", "国内生产总值"])
def test_compare_regions_finds_the_measure_by_any_of_its_names(
    measures_store: ox.Store, name: str
) -> None:
    assert _written(measures_store, name) == sorted(m for m, gdp in WRITTEN.items() if gdp)


def test_compare_regions_keeps_other_measures_apart(measures_store: ox.Store) -> None:
    assert _written(measures_store, "人均地区生产总值") == ["人均地区生产总值"]
    assert _written(measures_store, "总值") == []  # a word that names no measure


# --- project-metrics: a metric goes to the project it is about, never to every project -------


def project_metrics(project: str | None = None) -> list[dict[str, str]]:
    store = ox.Store()
    store.bulk_extend(sample_graph().quads())
    bindings = parse_bindings([f"project={project}"] if project else [])
    result = run_query(store, read_query("project-metrics"), bindings)
    return [
        {name: term.value for name, term in zip(result.variables, row, strict=True) if term}
        for row in result.rows
    ]


def test_a_metric_goes_to_one_project_at_most() -> None:
    rows = project_metrics()
    assert rows
    by_metric = [(row["value"], row["unit"], row["sentence"]) for row in rows]
    assert len(by_metric) == len(set(by_metric)), "a metric was given to several projects"
    assert {row["link"] for row in rows} <= {"stated", "nearest mention"}


def test_a_project_does_not_get_the_numbers_of_its_neighbours() -> None:
    # 观澜路北段、石门大道西延线建成通车，新增城市道路9.6公里；芙蓉河大桥加快建设…
    assert not [row for row in project_metrics("芙蓉河大桥") if row["unit"] == "公里"]
    # 滨江智造产业园一期建成投产，引进上下游配套企业42家；云帆新材料二期…
    assert [r["value"] for r in project_metrics("滨江智造产业园一期")] == ["42"]
    assert project_metrics("云帆新材料二期") == []
