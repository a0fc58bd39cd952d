"""Every RDF format, from both writers, parses back (rdflib and pyoxigraph) to the same graph."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import ConfigError
from kg.export import exporter_for, exporter_for_path
from kg.export.rdf import ENGINES, Engine, write_rdf
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.formats import RDF_FORMATS, RdfFormat
from kg.rdf.terms import to_rdflib
from tests.conftest import SAMPLE, SEED
from tests.rdf.builds import report

FORMAT_NAMES = list(RDF_FORMATS)
ALIASES = [
    ("ttl", "turtle"),
    ("NT", "ntriples"),
    ("n-triples", "ntriples"),
    ("json-ld", "jsonld"),
    ("nq", "nquads"),
    ("n-quads", "nquads"),
    ("TriG", "trig"),
]
EXTENSIONS = [
    ("out/graph.ttl", "turtle"),
    ("x.NT", "ntriples"),
    ("x.jsonld", "jsonld"),
    ("x.json", "jsonld"),
    ("corpus.trig", "trig"),
    ("corpus.nq", "nquads"),
    ("page.html", "html"),
    ("notes.txt", None),
    ("out", None),
]


@pytest.fixture(scope="module")
def two_reports() -> KnowledgeGraph:
    return KnowledgeGraph.of([report(SAMPLE), report(SEED)])


def expected_graph(graph: KnowledgeGraph) -> Graph:
    return graph.to_rdflib()


def parse_with_rdflib(path: Path, rdf_format: RdfFormat) -> tuple[Graph, int]:
    """The union graph, and the number of named graphs (0 for a plain graph format)."""
    with warnings.catch_warnings():
        # rdflib's own TriG, N-Quads and JSON-LD parsers call its deprecated graph APIs.
        warnings.simplefilter("ignore", DeprecationWarning)
        return _parse_with_rdflib(path, rdf_format)


def _parse_with_rdflib(path: Path, rdf_format: RdfFormat) -> tuple[Graph, int]:
    if rdf_format.is_dataset:
        dataset = Dataset()
        dataset.parse(path, format=rdf_format.rdflib)
        named = [g for g in dataset.graphs() if isinstance(g.identifier, URIRef)]
        named = [g for g in named if len(g) > 0]
        union = Graph()
        for graph in named:
            union += graph
        return union, len(named)
    return Graph().parse(path, format=rdf_format.rdflib), 0


def parse_with_oxigraph(path: Path, rdf_format: RdfFormat) -> Graph:
    graph = Graph()
    for quad in ox.parse(path=str(path), format=rdf_format.oxigraph):
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def same_values(graph: Graph) -> Graph:
    """Decimals in one lexical form: rdflib's Turtle writer writes 6 as 6.0 (the same value)."""
    canonical = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
        canonical.add((s, p, o))
    return canonical


def assert_same_graph(actual: Graph, expected: Graph) -> None:
    if not isomorphic(actual, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        shown = [f"- {t}" for t in list(missing)[:10]] + [f"+ {t}" for t in list(extra)[:10]]
        raise AssertionError(f"{len(missing)} missing, {len(extra)} extra:\n" + "\n".join(shown))


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_a_written_graph_parses_back_to_the_same_graph(
    tmp_path: Path, two_reports: KnowledgeGraph, name: str, engine: Engine
) -> None:
    rdf_format = RDF_FORMATS[name]
    path = tmp_path / rdf_format.filename
    write_rdf(two_reports, path, rdf_format, engine=engine)
    expected = expected_graph(two_reports)
    by_rdflib, named_graphs = parse_with_rdflib(path, rdf_format)
    by_oxigraph = parse_with_oxigraph(path, rdf_format)
    if engine == "rdflib":
        by_rdflib, by_oxigraph, expected = map(same_values, (by_rdflib, by_oxigraph, expected))
    assert_same_graph(by_rdflib, expected)
    assert_same_graph(by_oxigraph, expected)
    if rdf_format.is_dataset:
        assert named_graphs == 2  # one named graph per report


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_the_fast_and_the_reference_writer_give_the_same_graph(
    tmp_path: Path, two_reports: KnowledgeGraph, name: str
) -> None:
    rdf_format = RDF_FORMATS[name]
    graphs = []
    for engine in ENGINES:
        path = tmp_path / f"{engine}{rdf_format.extensions[0]}"
        write_rdf(two_reports, path, rdf_format, engine=engine)
        graphs.append(same_values(parse_with_oxigraph(path, rdf_format)))
    assert_same_graph(graphs[0], graphs[1])


def test_named_graphs_are_the_reports(tmp_path: Path, two_reports: KnowledgeGraph) -> None:
    path = tmp_path / "graph.nq"
    write_rdf(two_reports, path, RDF_FORMATS["nquads"])
    quads = ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    names = {quad.graph_name.value for quad in quads}
    assert names == {r.report.value for r in two_reports.reports}


def test_literals_keep_their_lexical_form(tmp_path: Path, two_reports: KnowledgeGraph) -> None:
    path = tmp_path / "graph.nt"
    write_rdf(two_reports, path, RDF_FORMATS["ntriples"])
    text = path.read_text(encoding="utf-8")
    assert '"4.8"^^<http://www.w3.org/2001/XMLSchema#decimal>' in text
    assert '"2023"^^<http://www.w3.org/2001/XMLSchema#gYear>' in text


@pytest.mark.parametrize(("alias", "name"), ALIASES)
def test_formats_are_found_by_alias(alias: str, name: str) -> None:
    assert exporter_for(alias).name == name


@pytest.mark.parametrize(("path", "name"), EXTENSIONS)
def test_formats_are_found_by_file_extension(path: str, name: str | None) -> None:
    exporter = exporter_for_path(path)
    assert (exporter.name if exporter else None) == name


def test_an_unknown_format_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="turtle, ntriples, jsonld, trig, nquads, html"):
        exporter_for("rdfxml")
    with pytest.raises(ConfigError, match="choose one of"):
        write_rdf(KnowledgeGraph.of([]), Path("x.ttl"), RDF_FORMATS["turtle"], engine="fast")  # type: ignore[arg-type]
