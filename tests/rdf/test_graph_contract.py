"""The output contract of the foundation issue, checked on a graph parsed back from Turtle."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace
from rdflib.compare import isomorphic

from kg.build import build
from tests.conftest import SAMPLE

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
STATUSES = {SCHEMA.PotentialActionStatus, SCHEMA.ActiveActionStatus, SCHEMA.CompletedActionStatus}


@pytest.fixture(scope="module")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    build([SAMPLE], out)
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def graph(turtle: Path) -> Graph:
    return Graph().parse(turtle, format="turtle")


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _subclass_closure(graph: Graph, name: str) -> set[object]:
    return {s for s, _, o in graph.triples((None, RDF.type, None)) if _local(o) == name}


def test_entities_are_typed_with_labels_in_chinese(graph: Graph) -> None:
    for name in ("Project", "Organization", "Place"):
        nodes = _subclass_closure(graph, name)
        assert nodes, f"no {name} in the sample graph"
        for node in nodes:
            labels = list(graph.objects(node, RDFS.label))
            assert labels and all(isinstance(x, Literal) and x.language == "zh" for x in labels)


def test_metrics_have_decimal_value_and_unit(graph: Graph) -> None:
    metrics = _subclass_closure(graph, "Metric")
    assert len(metrics) >= 20
    units = set()
    for node in metrics:
        value = graph.value(node, SCHEMA.value)
        assert isinstance(value, Literal) and value.datatype == XSD.decimal
        assert isinstance(value.toPython(), Decimal)
        units.add(str(graph.value(node, SCHEMA.unitText)))
    assert {"亩", "万平方米", "%"} <= units


def test_actions_have_objects_and_a_schema_status(graph: Graph) -> None:
    actions = _subclass_closure(graph, "Action")
    assert actions
    entities = set().union(
        *(_subclass_closure(graph, n) for n in ("Project", "Organization", "Place"))
    )
    for node in actions:
        objects = set(graph.objects(node, SCHEMA.object))
        assert objects and objects <= entities
        assert graph.value(node, SCHEMA.actionStatus) in STATUSES
    seen = {graph.value(node, SCHEMA.actionStatus) for node in actions}
    assert seen == STATUSES


def test_every_action_and_metric_derives_from_a_sentence(graph: Graph) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for node in _subclass_closure(graph, "Action") | _subclass_closure(graph, "Metric"):
        sentence = graph.value(node, PROV.wasDerivedFrom)
        assert sentence is not None
        values = {_local(p): o for p, o in graph.predicate_objects(sentence)}
        start, end = int(values["startOffset"]), int(values["endOffset"])
        assert text[start:end] == str(values["text"])


def test_turtle_parses_with_pyoxigraph_into_the_same_graph(turtle: Path, graph: Graph) -> None:
    # pyoxigraph.parse keeps literals as written (a Store would canonicalize 3.0 to 3).
    quads = list(pyoxigraph.parse(path=str(turtle), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(graph)
    nt = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    assert isomorphic(Graph().parse(data=nt.decode(), format="nt"), graph)


def test_every_resource_has_a_type(graph: Graph) -> None:
    """Every subject is typed: the corpus writer reads the subjects off the type index (and
    would still write an untyped one, after the others)."""
    subjects = set(graph.subjects())
    assert subjects and subjects == set(graph.subjects(RDF.type))
