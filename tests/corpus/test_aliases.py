"""Alias rules of the corpus merge, and the merged dataset they rewrite."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.corpus.aliases import find_aliases, short_forms
from kg.corpus.dataset import ALT_LABEL, LABEL, CorpusDataset
from kg.corpus.task import EntityRow, ReportGraph
from kg.data import data_table
from kg.records import EntityType

P, ORG, J = EntityType.PLACE, EntityType.ORGANIZATION, EntityType.PROJECT
BASE = "https://example.org/id/"

SHORT_FORMS = [
    ("湖南省", P, {"湖南"}),
    ("广西壮族自治区", P, {"广西"}),
    ("新疆维吾尔自治区", P, {"新疆"}),
    ("长沙市", P, {"长沙"}),
    ("北京", P, set()),
    ("华菱钢铁集团有限责任公司", ORG, {"华菱钢铁集团", "华菱钢铁"}),
    ("长沙银行股份有限公司", ORG, {"长沙银行"}),
    (
        "湖南华菱钢铁集团有限责任公司",
        ORG,
        {
            "华菱钢铁集团有限责任公司",
            "华菱钢铁集团",
            "华菱钢铁",
            "湖南华菱钢铁集团",
            "湖南华菱钢铁",
        },
    ),
    ("湖南省", ORG, set()),  # an organization name is not cut like a place name
    ("某公司", ORG, set()),  # too short once cut
    ("滨江智造产业园", J, set()),  # projects have no short forms
]

# (entities of a corpus, expected aliases as {short label: full label})
CORPORA = [
    ("province", [(P, "湖南省"), (P, "湖南")], {"湖南": "湖南省"}),
    ("ambiguous division", [(P, "吉林省"), (P, "吉林市"), (P, "吉林")], {}),
    ("different types", [(ORG, "湖南"), (P, "湖南省")], {}),
    ("short form absent", [(P, "湖南省"), (P, "长沙市")], {}),
    (
        "company with place prefix and chain",
        [(ORG, "湖南华菱钢铁集团有限责任公司"), (ORG, "华菱钢铁集团"), (ORG, "华菱钢铁")],
        {
            "华菱钢铁集团": "湖南华菱钢铁集团有限责任公司",
            "华菱钢铁": "湖南华菱钢铁集团有限责任公司",
        },
    ),
    (
        "two companies share a short name",
        [(ORG, "中建集团有限公司"), (ORG, "中建股份有限公司"), (ORG, "中建")],
        {},
    ),
    ("a phrase typed Place is not a prefix", [(ORG, "支持西湖大学"), (ORG, "西湖大学")], {}),
]


def rows(entities: list[tuple[EntityType, str]]) -> list[EntityRow]:
    return [EntityRow(f"{BASE}{kind.value}/{label}", kind, label) for kind, label in entities]


@pytest.mark.parametrize(("label", "kind", "expected"), SHORT_FORMS)
def test_short_forms(label: str, kind: EntityType, expected: set[str]) -> None:
    from kg.corpus.aliases import known_place_prefixes

    assert short_forms(label, kind, known_place_prefixes()) == expected


@pytest.mark.parametrize(
    ("name", "entities", "expected"), CORPORA, ids=[case[0] for case in CORPORA]
)
def test_aliases_of_a_corpus(
    name: str, entities: list[tuple[EntityType, str]], expected: dict[str, str]
) -> None:
    # The same entity seen in two reports is one row per report: duplicates change nothing.
    found = find_aliases(rows(entities) + rows(entities))
    assert {a.label: a.canonical_label for a in found.values()} == expected
    for alias in found.values():
        assert alias.iri.endswith(alias.label) and alias.canonical_iri.endswith(
            alias.canonical_label
        )


def test_alias_rules_are_typed_rows() -> None:
    for kind, ending in data_table("alias_suffixes.tsv"):
        assert EntityType(kind) and ending


def report_graph(iri: str, entities: list[tuple[EntityType, str]]) -> ReportGraph:
    graph = Graph()
    report = URIRef(iri)
    entity_rows = rows(entities)
    for row in entity_rows:
        node = URIRef(row.iri)
        graph.add((node, RDF.type, URIRef(f"{BASE}{row.type.value}")))
        graph.add((node, RDFS.label, Literal(row.label, lang="zh")))
        graph.add((node, URIRef(f"{BASE}mentionedIn"), report))
    ntriples = graph.serialize(format="nt", encoding="utf-8")
    return ReportGraph("r", iri, iri, ntriples, tuple(entity_rows), ())


def test_dataset_rewrites_aliases_to_one_resource_with_alt_label() -> None:
    first = report_graph(f"{BASE}report/1", [(P, "湖南省"), (ORG, "长沙银行")])
    second = report_graph(f"{BASE}report/2", [(P, "湖南")])
    aliases = find_aliases([*first.entities, *second.entities])
    dataset = CorpusDataset(BASE)
    dataset.add_report(first)
    dataset.add_report(second)
    dataset.merge_aliases(aliases)
    dataset.settle_labels()

    merged = merged_graph(dataset)
    hunan = URIRef(f"{BASE}Place/湖南省")
    assert set(merged.objects(hunan, RDFS.label)) == {Literal("湖南省", lang="zh")}
    assert set(merged.objects(hunan, SKOS.altLabel)) == {Literal("湖南", lang="zh")}
    assert set(merged.objects(hunan, URIRef(f"{BASE}mentionedIn"))) == {
        URIRef(f"{BASE}report/1"),
        URIRef(f"{BASE}report/2"),
    }
    assert (URIRef(f"{BASE}Place/湖南"), None, None) not in merged
    # The second report's own named graph points at the canonical resource as well.
    named = list(dataset.store.quads_for_pattern(None, None, None, ox.NamedNode(f"{BASE}report/2")))
    assert {q.subject.value for q in named} == {str(hunan)}


def test_settle_labels_keeps_one_label_per_language() -> None:
    one = report_graph(f"{BASE}report/1", [(J, "观澜路北段")])
    other = ReportGraph(
        "r2",
        "c2",
        f"{BASE}report/2",
        f'<{BASE}Project/观澜路北段> <{RDFS.label}> "观澜路 北段"@zh .\n'.encode(),
        (),
        (),
    )
    dataset = CorpusDataset(BASE)
    dataset.add_report(one)
    dataset.add_report(other)
    dataset.settle_labels()
    merged = merged_graph(dataset)
    node = URIRef(f"{BASE}Project/观澜路北段")
    assert set(merged.objects(node, RDFS.label)) == {Literal("观澜路 北段", lang="zh")}
    assert set(merged.objects(node, SKOS.altLabel)) == {Literal("观澜路北段", lang="zh")}
    # Each report's own graph keeps its own label.
    first = dataset.store.quads_for_pattern(None, None, None, ox.NamedNode(f"{BASE}report/1"))
    assert {q.object.value for q in first if q.predicate.value == str(RDFS.label)} == {"观澜路北段"}


def test_an_alt_label_that_is_the_merged_label_is_dropped() -> None:
    """One report names 香港 with its full name as the other name; another the other way round.
    Merged, 香港 stays the label, 香港特别行政区 the other name, and 香港 is not also an altLabel;
    each report's own graph keeps what it said."""
    node = f"<{BASE}Place/香港>"

    def said(number: int, label: str, alt: str) -> ReportGraph:
        ntriples = f'{node} <{RDFS.label}> "{label}"@zh .\n{node} <{SKOS.altLabel}> "{alt}"@zh .\n'
        iri = f"{BASE}report/{number}"
        return ReportGraph(f"r{number}", f"c{number}", iri, ntriples.encode(), (), ())

    dataset = CorpusDataset(BASE)
    dataset.add_report(said(1, "香港", "香港特别行政区"))
    dataset.add_report(said(2, "香港特别行政区", "香港"))
    dataset.settle_labels()
    merged = merged_graph(dataset)
    hong_kong = URIRef(f"{BASE}Place/香港")
    assert set(merged.objects(hong_kong, RDFS.label)) == {Literal("香港", lang="zh")}
    assert set(merged.objects(hong_kong, SKOS.altLabel)) == {Literal("香港特别行政区", lang="zh")}
    page_pairs = set(dataset.subject_objects(ALT_LABEL))
    assert {obj.value for _, obj in page_pairs} == {"香港特别行政区"}
    second = dataset.store.quads_for_pattern(None, ALT_LABEL, None, ox.NamedNode(f"{BASE}report/2"))
    assert {q.object.value for q in second} == {"香港"}


def test_written_report_graphs_hold_no_alt_label_that_is_a_label() -> None:
    """The provincial corpus's N-Quads failed the shapes: one report labels 北京 with 北京市 as
    its other name, another labels it 北京市, and their union has 北京市 as both. As written,
    each report keeps its own label and drops an other name that is some report's label."""
    node = f"<{BASE}Place/110000>"

    def said(number: int, ntriples: str) -> ReportGraph:
        iri = f"{BASE}report/{number}"
        return ReportGraph(f"r{number}", f"c{number}", iri, ntriples.encode(), (), ())

    dataset = CorpusDataset(BASE)
    dataset.add_report(
        said(1, f'{node} <{RDFS.label}> "北京"@zh .\n{node} <{SKOS.altLabel}> "北京市"@zh .\n')
    )
    dataset.add_report(
        said(2, f'{node} <{RDFS.label}> "北京市"@zh .\n{node} <{SKOS.altLabel}> "京"@zh .\n')
    )
    dataset.settle_labels()
    written = list(dataset.report_quads())
    labels = {q.object.value for q in written if q.predicate == LABEL}
    alts = {q.object.value for q in written if q.predicate == ALT_LABEL}
    assert labels == {"北京", "北京市"}
    assert alts == {"京"}
    # The merged graph is as before: the least label stays, the other is an other name.
    merged = merged_graph(dataset)
    beijing = URIRef(f"{BASE}Place/110000")
    assert set(merged.objects(beijing, RDFS.label)) == {Literal("北京", lang="zh")}
    assert {str(o) for o in merged.objects(beijing, SKOS.altLabel)} == {"北京市", "京"}


def merged_graph(dataset: CorpusDataset) -> Graph:
    triples = list(dataset.merged_triples())
    typed = {t.subject for t in triples if t.predicate.value == str(RDF.type)}
    assert triples == sorted(
        triples,
        key=lambda t: (
            t.subject not in typed,  # a subject without a type (kg makes none) comes last
            str(t.subject),
            t.predicate.value != str(RDF.type),
            t.predicate.value,
            str(t.object),
        ),
    )
    assert len(triples) == len(set(triples)) == len(dataset)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def test_generic_names_have_no_duplicates() -> None:
    from kg.data import data_lines

    names = data_lines("alias_generic_names.txt")
    assert names and len(names) == len(set(names))


def test_store_graph_streams_exactly_what_a_knowledge_graph_holds() -> None:
    """The corpus store hands the writers the same triples, in the same order, as the
    in-memory KnowledgeGraph of the same reports (no alias, no label to settle here)."""
    from kg.corpus.task import build_report
    from kg.rdf.dataset import KnowledgeGraph
    from kg.rdf.graph import ReportTriples
    from kg.rdf.provenance import BuildInfo
    from tests.conftest import SAMPLE

    info = BuildInfo.from_environment()
    text = SAMPLE.read_text(encoding="utf-8")
    reports = [
        build_report(f"r{i}", f"r{i}.txt", f"第{i}号\n{text}".encode(), BASE, info) for i in (2, 1)
    ]
    dataset = CorpusDataset(BASE)
    references = []
    for report in reports:
        assert isinstance(report, ReportGraph)
        dataset.add_report(report)
        references.append(ReportTriples(ox.NamedNode(report.report_iri), report.ntriples))
    dataset.settle_labels()
    streamed = dataset.to_knowledge_graph()
    reference = KnowledgeGraph.of(references, BASE)
    counted = len(streamed)  # in SPARQL, before the merged graph is streamed
    assert list(streamed.triples) == list(reference.triples)
    assert list(streamed.quads()) == reference.quads()
    assert len(streamed) == counted == len(reference) > 1000  # counted as it streamed


def test_a_subjects_types_come_first_and_an_untyped_subject_is_not_lost() -> None:
    """The merged graph lists a subject's rdf:type triples first, then the rest in order,
    whether the other predicates sort before ``rdf:type``'s IRI or after it. Its subjects are
    read off the type index: one without a type still comes, after the typed ones."""
    node = f"<{BASE}s/1>"
    lines = [
        f"{node} <http://a.example/first> <{BASE}o/1> .",
        f"{node} <{RDF.type}> <{BASE}B> .",
        f"{node} <{RDF.type}> <{BASE}A> .",
        f"{node} <http://z.example/last> <{BASE}o/2> .",
        f"<{BASE}s/0> <http://a.example/first> <{BASE}o/3> .",  # no type at all
    ]
    dataset = CorpusDataset(BASE)
    dataset.add_report(
        ReportGraph("r1", "c1", f"{BASE}report/1", "\n".join(lines).encode() + b"\n", (), ())
    )
    dataset.settle_labels()
    merged_graph(dataset)  # asserts the order
    merged = [(t.subject.value[-3:], t.predicate.value) for t in dataset.merged_triples()]
    assert merged == [
        ("s/1", str(RDF.type)),
        ("s/1", str(RDF.type)),
        ("s/1", "http://a.example/first"),
        ("s/1", "http://z.example/last"),
        ("s/0", "http://a.example/first"),
    ]
    assert dataset.merged_count == len(lines)
