"""Property: whatever report-like text comes in, every RDF file written (each format, each
writer) parses back the same with rdflib and with pyoxigraph, holds every triple of the graph,
and has only valid IRIs."""

from __future__ import annotations

import hashlib
import tempfile
import warnings
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.export import EXPORTERS
from kg.export.rdf import ENGINES, Engine
from kg.pipeline import extract_source
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.formats import RDF_FORMATS
from kg.rdf.graph import report_triples
from kg.text.cleaning import replace_control_characters
from kg.text.reading import Source, decode_report_bytes
from tests.reliability.counts import TRIED
from tests.reliability.graphs import check_written_graph
from tests.reliability.strategies import fuzz_settings, report_texts

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]
# Reasons the reader may refuse generated text (it can hold NUL and other control characters).
REFUSALS = ("is empty", "NUL bytes", "binary file")


@fuzz_settings(120)
@given(
    text=report_texts(),
    encoding=st.sampled_from(ENCODINGS),
    format_name=st.sampled_from(sorted(RDF_FORMATS)),
    engine=st.sampled_from(ENGINES),
)
def test_every_written_graph_parses_back_the_same_with_valid_iris(
    text: str, encoding: str, format_name: str, engine: Engine
) -> None:
    TRIED["graphs (property)"] += 1
    data = text.encode(encoding)
    try:
        decoded, detected = decode_report_bytes(data, name="generated.txt")
    except InputError as error:
        assert any(reason in str(error) for reason in REFUSALS), error
        return
    if encoding != "gb18030":  # GB18030 bytes of a few characters can also be valid UTF-8
        assert decoded == replace_control_characters(text)
    source = Source("generated.txt", decoded, hashlib.sha256(data).hexdigest(), detected)
    extraction = extract_source(source)
    report = extraction.report
    for sentence in report.sentences:
        assert report.text[sentence.start : sentence.end] == sentence.text
    graph = KnowledgeGraph.of([report_triples(extraction)])
    exporter = EXPORTERS[format_name]
    with tempfile.TemporaryDirectory() as directory, warnings.catch_warnings():
        # rdflib's N-Quads and TriG code calls its own deprecated Dataset API.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        path = Path(directory) / exporter.filename
        exporter.write(graph, path, engine)
        parsed = check_written_graph(path)
        assert len(parsed) == len(graph)
