"""Every corpus text: its graph conforms to the shapes, and its offsets slice the source file."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF

from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.namespaces import GRK
from kg.rdf.validate import validate_graph
from tests.rdf.builds import CORPUS, report, source_text

TYPE, TEXT, START, END = str(RDF.type), str(GRK.text), str(GRK.startOffset), str(GRK.endOffset)
WRITTEN = str(GRK.valueAsWritten)
# The text of each kind of span, as the graph states it.
SPAN_TEXT = {str(GRK.Sentence): TEXT, str(GRK.Mention): TEXT, str(GRK.Metric): WRITTEN}


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) >= 36


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_graph_conforms_to_the_shapes(path: Path) -> None:
    graph = KnowledgeGraph.of([report(path)]).to_rdflib()
    result = validate_graph(graph)
    assert result.conforms, result.summary()
    assert graph.value(predicate=RDF.type, object=GRK.Report) is not None


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_offsets_slice_the_source_file_exactly(path: Path) -> None:
    text = source_text(path)
    nodes: dict[str, dict[str, str]] = defaultdict(dict)
    kinds: dict[str, str] = {}
    for triple in report(path).triples:
        subject = triple.subject.value
        if triple.predicate.value == TYPE and triple.object.value in SPAN_TEXT:
            kinds[subject] = triple.object.value
        nodes[subject][triple.predicate.value] = triple.object.value
    checked = {kind: 0 for kind in SPAN_TEXT}
    for subject, kind in kinds.items():
        values = nodes[subject]
        start, end = int(values[START]), int(values[END])
        assert text[start:end] == values[SPAN_TEXT[kind]], subject
        checked[kind] += 1
    assert checked[str(GRK.Sentence)] > 0
