"""Corpus builds through the real ``kg`` command: directories, encodings, the cache, bad files."""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.rdf.namespaces import GRK
from tests.conftest import SAMPLE
from tests.readers.fixtures import docx_file, html_page, pdf_file
from tests.test_cli import run

TEXT = SAMPLE.read_text(encoding="utf-8")

ENCODINGS = [
    ("utf8.txt", lambda text: text.encode("utf-8")),
    ("utf8-bom.txt", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
    ("gbk.txt", lambda text: text.encode("gbk")),
    ("gb18030.txt", lambda text: ("𠀀" + text).encode("gb18030")),  # a character GBK lacks
]


def variant(index: int) -> str:
    """The sample report with its own title line, so each file has its own bytes."""
    return f"第{index}号报告\n" + TEXT


def named_graphs(path: Path) -> dict[str, Graph]:
    """The named graphs of an N-Quads or TriG file (parsed by pyoxigraph), as rdflib graphs."""
    graphs: dict[str, Graph] = {}
    for quad in ox.parse(path=path):
        assert isinstance(quad.graph_name, ox.NamedNode), "no triple outside a report's graph"
        graph = graphs.setdefault(quad.graph_name.value, Graph())
        graph.parse(data=f"{quad.triple} .", format="nt")
    return graphs


def labels(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, RDFS.label) if isinstance(o, Literal)}


def test_directory_in_four_encodings_gives_four_reports_with_the_same_names(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, encode in ENCODINGS:
        (corpus / name).write_bytes(encode(TEXT))
    (corpus / ".hidden.txt").write_text("不读隐藏文件", encoding="utf-8")
    (corpus / "notes.md").write_text("不是报告", encoding="utf-8")
    result = run("build", str(corpus), "-o", str(tmp_path / "out"), "-f", "nquads", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("read 4 report(s)")
    graphs = named_graphs(tmp_path / "out" / "graph.nq")
    assert len(graphs) == 4
    sources = {str(g.value(URIRef(iri), GRK.sourceFile)) for iri, g in graphs.items()}
    assert sources == {name for name, _ in ENCODINGS}
    entity_labels = [labels(g) - labels_of_reports(g) for g in graphs.values()]
    assert "滨江智造产业园" in "".join(entity_labels[0])
    assert all(found == entity_labels[0] for found in entity_labels)


def labels_of_reports(graph: Graph) -> set[str]:
    return {str(graph.value(r, RDFS.label)) for r in graph.subjects(None, GRK.Report)}


def test_merged_graph_has_one_resource_per_entity_across_reports(tmp_path: Path) -> None:
    for index in range(2):
        (tmp_path / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    result = run(
        "build",
        str(tmp_path / "r0.txt"),
        str(tmp_path / "r1.txt"),
        "-o",
        str(tmp_path / "out"),
        "-f",
        "turtle",
        "-f",
        "trig",
    )
    assert result.returncode == 0, result.stderr
    merged = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(merged.subjects(None, GRK.Report))) == 2
    entities = {
        s
        for kind in (GRK.Project, GRK.Organization, GRK.Place)
        for s in merged.subjects(RDF.type, kind)
    }
    names = [
        (str(merged.value(e, RDFS.label)), *sorted(merged.objects(e, RDF.type))) for e in entities
    ]
    assert len(names) == len(set(names)) > 20  # one resource per name and type
    in_both = [
        entity
        for entity in entities
        if len({merged.value(s, GRK.inReport) for s in merged.objects(entity, GRK.mentionedIn)})
        == 2
    ]
    mentioned = [entity for entity in entities if (entity, GRK.mentionedIn, None) in merged]
    assert len(in_both) == len(mentioned)  # the same text: every entity is in both reports
    graphs = named_graphs(tmp_path / "out" / "graph.trig")
    assert len(graphs) == 2
    assert set().union(*(set(g) for g in graphs.values())) == set(merged)


def test_rebuild_takes_unchanged_inputs_from_the_cache_and_matches_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One build time for every build, so that cached and fresh graphs can be compared.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(3):
        (corpus / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    out = tmp_path / "out"
    first = run("build", str(corpus), "-o", str(out), "-f", "ntriples")
    assert first.returncode == 0, first.stderr
    assert "from the cache" not in first.stdout

    (corpus / "r1.txt").write_text(variant(1).replace("青溪", "白溪"), encoding="utf-8")
    second = run("build", str(corpus), "-o", str(out), "-f", "ntriples", "--force")
    assert second.returncode == 0, second.stderr
    assert "(2 unchanged, from the cache)" in second.stdout
    assert re.search(r"白溪", (out / "graph.nt").read_text(encoding="utf-8"))

    fresh = run("build", str(corpus), "-o", str(tmp_path / "fresh"), "-f", "ntriples", "--no-cache")
    assert fresh.returncode == 0, fresh.stderr
    assert set((out / "graph.nt").read_text().splitlines()) == set(
        (tmp_path / "fresh" / "graph.nt").read_text().splitlines()
    )
    assert not (tmp_path / "fresh" / ".kg-cache").exists()


def test_one_bad_file_is_reported_and_skipped_with_its_own_exit_code(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "empty.txt").write_bytes(b"")
    result = run("build", str(corpus), "-o", str(tmp_path / "out"))
    assert result.returncode == 7  # ExitCode.SKIPPED
    assert "Traceback" not in result.stderr
    assert "skipped bad.txt: looks like a PNG image" in result.stderr
    assert "skipped empty.txt: is empty" in result.stderr
    assert "2 input(s) skipped" in result.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert {str(o) for o in graph.objects(None, GRK.sourceFile)} == {"good.txt"}
    assert (tmp_path / "out" / "graph.html").stat().st_size > 0


def test_nothing_buildable_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n")
    result = run(
        "build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out")
    )
    assert result.returncode == 3  # ExitCode.INPUT
    assert "no report could be built (2 skipped)" in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_html_docx_and_pdf_reports_are_built(tmp_path: Path, workers: str) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.html").write_bytes(html_page())
    (corpus / "b.docx").write_bytes(docx_file())
    (corpus / "c.pdf").write_bytes(pdf_file())
    result = run("build", str(corpus), "-o", str(tmp_path / "out"), "-f", "turtle", "-j", workers)
    assert result.returncode == 0, result.stderr
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert {str(o) for o in graph.objects(None, GRK.sourceFile)} == {"a.html", "b.docx", "c.pdf"}
    values = {str(o) for o in graph.objects(None, GRK.valueAsWritten)}
    assert {"326亩", "9.6公里"} <= values


def test_progress_bar_stays_quiet_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    for index in range(2):
        (tmp_path / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "out"), "-f", "turtle")
    assert result.returncode == 0
    assert result.stderr == ""


def test_progress_bar_is_drawn_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess

    from tests.test_cli import KG

    for index in range(3):
        (tmp_path / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [KG, "build", str(tmp_path), "-o", str(tmp_path / "out"), "-f", "turtle", "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    ) as process:
        os.close(terminal)
        drawn = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the build is over
                break
            if not chunk:
                break
            drawn += chunk
        assert process.wait(timeout=300) == 0
    os.close(controller)
    assert b"building" in drawn and b"3/3" in drawn


@pytest.mark.parametrize(
    ("formats", "workers"),
    [
        (("turtle", "html"), 1),  # counted as the Turtle is written
        (("html",), 1),  # nothing streams the merged graph: counted in SPARQL
        (("turtle", "html"), 2),  # the Turtle is written by a child: counted in SPARQL
    ],
)
def test_the_triples_reported_are_the_triples_written(
    tmp_path: Path, formats: tuple[str, ...], workers: int
) -> None:
    from kg.build import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in (1, 2):
        (corpus / f"r{index}.txt").write_text(variant(index), encoding="utf-8")
    summary = build([corpus], tmp_path / "out", formats=formats, workers=workers)
    reference = build([corpus], tmp_path / "reference.nt", use_cache=False)
    written = len(list(ox.parse(path=tmp_path / "reference.nt")))
    assert summary.triples == reference.triples == written > 1000


def cut_short(ntriples: bytes) -> bytes:
    return ntriples[:-40]  # inside the last triple


def relative_iri(ntriples: bytes) -> bytes:
    # Still N-Triples in form: only the parser's IRI check, kept for cached graphs, finds it.
    return ntriples.replace(b"<https://", b"<", 1)


@pytest.mark.parametrize("damage", [cut_short, relative_iri])
def test_a_damaged_build_cache_is_one_clear_error_and_no_cache_gets_past_it(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "r1.txt").write_text(variant(1), encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(corpus), "-o", str(out), "-f", "ntriples").returncode == 0
    written = (out / "graph.nt").read_bytes()
    (cached,) = (out / ".kg-cache").glob("*.nt")
    cached.write_bytes(damage(cached.read_bytes()))
    damaged = run("build", str(corpus), "-o", str(out), "-f", "ntriples", "--force")
    assert damaged.returncode != 0
    assert damaged.stderr.count("\n") == 1 and "Traceback" not in damaged.stderr
    assert "r1.txt" in damaged.stderr and "--no-cache" in damaged.stderr
    assert (out / "graph.nt").read_bytes() == written  # the output is left as it was
    again = run("build", str(corpus), "-o", str(out), "-f", "ntriples", "--force", "--no-cache")
    assert again.returncode == 0, again.stderr
