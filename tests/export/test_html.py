"""The page file itself: self-contained, UTF-8, and report text only ever inside JSON data."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.build import build
from kg.export.html import GraphPage, render_page, write_html
from kg.export.page_data import script_json
from kg.rdf.namespaces import GRK
from tests.conftest import SAMPLE
from tests.export.synthetic import synthetic_graph

TRICKY_STRINGS = [
    "</script><script>alert(1)</script>",
    "<!--",
    "<img src=x onerror=alert(1)>",
    "a & b > c",
    "line\u2028break\u2029para",
    '"quoted" \\ back {braces}',
    "{{ data }}",
    "青溪种业创新中心",
]
SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def entity_labels(graph: Graph) -> set[str]:
    query = """
        SELECT DISTINCT ?label WHERE {
          VALUES ?type { grk:Project grk:Organization grk:Place }
          ?entity a ?type ; rdfs:label ?label }"""
    return {str(row[0]) for row in graph.query(query, initNs={"grk": GRK._NS})}


def entity_count(graph: Graph) -> int:
    query = """
        SELECT (COUNT(DISTINCT ?entity) AS ?n) WHERE {
          VALUES ?type { grk:Project grk:Organization grk:Place } ?entity a ?type }"""
    return int(next(iter(graph.query(query, initNs={"grk": GRK._NS})))[0])


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Graph]:
    out = tmp_path_factory.mktemp("page")
    build([SAMPLE], out)
    page_bytes = (out / "graph.html").read_bytes()
    return page_bytes.decode("utf-8"), Graph().parse(out / "graph.ttl")


def page_payload(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def test_page_needs_nothing_outside_itself(sample: tuple[str, Graph]) -> None:
    page, _ = sample
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"<(script|img|iframe)[^>]+src=", page)
    assert not re.search(r"<link[^>]+stylesheet", page)
    assert not re.search(r"cdn|bootstrap|jsdelivr|unpkg", page, re.I)
    assert "@version 9.1.2" in page  # vis-network, inlined from the pyvis package


def test_policy_allows_only_the_page_own_scripts(sample: tuple[str, Graph]) -> None:
    page, _ = sample
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "default-src 'none'" in policy.group(1)
    assert "unsafe-inline" not in policy.group(1).split("script-src")[1].split(";")[0]
    scripts = [body for attrs, body in SCRIPT.findall(page) if "application/json" not in attrs]
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy.group(1)


def test_page_data_has_every_entity_of_the_graph(sample: tuple[str, Graph]) -> None:
    page, graph = sample
    data = page_payload(page)
    labels = entity_labels(graph)
    assert len(data["nodes"]) == entity_count(graph) > 20
    assert {node["label"] for node in data["nodes"]} == labels
    assert {"completed", "ongoing", "planned"} <= {
        status for node in data["nodes"] for status in node["statuses"]
    }
    units = {metric["text"] for metric in data["metrics"]}
    assert "326亩" in units and any(text.endswith("%") for text in units)
    assert {"review", "plan"} <= {section["name"] for section in data["sections"]}
    assert all(node["sections"] for node in data["nodes"])  # "unknown" when not mentioned
    headings = {s["heading"] for s in data["sentences"] if s["section"] == "review"}
    assert any("2023年工作回顾" in heading for heading in headings)


@pytest.mark.parametrize("text", TRICKY_STRINGS)
def test_script_json_cannot_end_its_element(text: str) -> None:
    encoded = script_json({"label": text, "list": [text]})
    assert not set(encoded) & set("<>&\u2028\u2029")
    assert json.loads(encoded) == {"label": text, "list": [text]}


def test_hostile_names_stay_inside_the_data(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    write_html(synthetic_graph(12, label="".join(TRICKY_STRINGS)), path)
    page = path.read_text(encoding="utf-8")
    assert len(SCRIPT.findall(page)) == page.count("</script") == 3
    assert "<img" not in page and "<!--" not in page
    assert all(node["label"].startswith(TRICKY_STRINGS[0]) for node in page_payload(page)["nodes"])
    assert "<title>&lt;/script&gt;" in page  # the report title, escaped


def test_notebook_view_embeds_the_page_escaped(sample: tuple[str, Graph]) -> None:
    _, graph = sample
    view = GraphPage(graph, height=500)
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and "height:500px" in frame
    srcdoc = frame.split('srcdoc="', 1)[1].split('"', 1)[0]
    assert "<" not in srcdoc and "&lt;script&gt;" in srcdoc


def test_an_empty_graph_gives_an_empty_page() -> None:
    data = page_payload(render_page(Graph()))
    assert data["nodes"] == [] and data["edges"] == [] and data["metrics"] == []


def test_section_kind_is_read_from_a_section_resource_too() -> None:
    graph = synthetic_graph(6)
    for sentence in list(graph.subjects(RDF.type, GRK.Sentence)):
        kind = graph.value(sentence, GRK.sectionKind)
        graph.remove((sentence, GRK.sectionKind, None))
        section = URIRef(f"{sentence}#section")
        graph.add((sentence, GRK.inSection, section))
        graph.add((section, GRK.sectionKind, Literal(kind)))
    sections = {s["name"] for s in page_payload(render_page(graph))["sections"]}
    assert sections == {"review", "plan"}


def test_actions_with_agent_and_location_become_edges() -> None:
    data = page_payload(render_page(synthetic_graph(30)))
    kinds = {edge["kind"] for edge in data["edges"]}
    assert kinds == {"agent", "location", "together"}
    for edge in data["edges"]:
        if edge["kind"] == "agent":
            assert data["nodes"][edge["from"]]["type"] == "Organization"
            assert data["nodes"][edge["to"]]["type"] == "Project"


def test_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    from kg.export.atomic import atomic_write

    target = tmp_path / "x.txt"
    target.write_text("old", encoding="utf-8")
    try:
        with atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_a_corpus_page_knows_each_entity_report() -> None:
    graph = synthetic_graph(9, seed=1, label="甲") + synthetic_graph(6, seed=2, label="乙")
    data = page_payload(render_page(graph))
    assert [report["title"] for report in data["reports"]] == ["乙合成测试报告", "甲合成测试报告"]
    for node in data["nodes"]:
        assert node["reports"] == [0 if node["label"].startswith("乙") else 1]
    assert "<title>2 reports 份报告</title>" in render_page(graph)


def test_reports_with_the_same_title_stay_apart() -> None:
    data = page_payload(render_page(synthetic_graph(6, seed=1) + synthetic_graph(6, seed=2)))
    assert [report["title"] for report in data["reports"]] == [
        "合成测试报告 (synthetic-1.txt)",
        "合成测试报告 (synthetic-2.txt)",
    ]


UNTITLED = """@prefix grk: <https://w3id.org/govreport-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:a a grk:Report ; rdfs:label "政府工作报告"@zh ; grk:region "广东省"@zh ;
  grk:planYear "2026"^^xsd:gYear ; grk:sourceFile "a.txt" .
ex:b a grk:Report ; rdfs:label "2026年政府工作报告"@zh ; grk:region "云南省"@zh ;
  grk:reviewYear "2025"^^xsd:gYear ; grk:sourceFile "b.txt" .
ex:c a grk:Report ; rdfs:label "政府工作报告"@zh ; grk:sourceFile "c.txt" .
ex:d a grk:Report ; rdfs:label "政府工作报告"@zh ; grk:sourceFile "d.txt" .
ex:e a grk:Report ; rdfs:label "陕西省2026年政府工作报告"@zh ; grk:region "陕西省"@zh .
"""


def test_a_report_without_a_title_is_named_by_its_region_and_year() -> None:
    from kg.export.view import read_view

    view = read_view(Graph().parse(data=UNTITLED, format="turtle"))
    names = {details.file or details.region: name for name, details in view.report_details.items()}
    assert names["a.txt"] == "2026年广东省政府工作报告"
    assert names["b.txt"] == "2026年云南省政府工作报告"  # the year after the one it reviews
    # No region: the generic title, told apart by the file name.
    assert names["c.txt"] == "政府工作报告 (c.txt)" and names["d.txt"] == "政府工作报告 (d.txt)"
    assert names["陕西省"] == "陕西省2026年政府工作报告"  # a title naming its region stays
