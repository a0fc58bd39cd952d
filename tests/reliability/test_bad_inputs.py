"""The bad-input table: each row gives a correct graph, or one line on stderr and an exit code.

Every row runs the real ``kg build``. A row that fails must leave the output directory as it
was (no new file, no temporary file, previous outputs byte for byte); a row that succeeds must
write a graph that parses back the same with rdflib and pyoxigraph, with valid IRIs, and with
each sentence's offsets slicing the decoded input to its text.
"""

from __future__ import annotations

import base64
import codecs
import random
import resource
import signal
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace

from kg.corpus.cache import CACHE_DIR
from kg.errors import ExitCode
from kg.text.limits import MAX_SENTENCE_LENGTH
from tests.reliability.cli import assert_one_line_error, assert_success, run_kg
from tests.reliability.graphs import check_written_graph

GRK = Namespace("https://w3id.org/govreport-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")

REPORT = (
    "2024年青溪区人民政府工作报告\n"
    "一、2023年工作回顾\n"
    "产业项目加快落地。滨江智造产业园一期建成投产，引进配套企业42家。"
    "开展低效用地专项清理，盘活低效用地326亩，去化存量厂房4.8万平方米。\n"
    "二、2024年工作安排\n"
    "力争地区生产总值增长6%左右。推进青溪数据中心二期建设。\n"
)
RARE = "𠀀𪚥䶮"  # CJK extensions B and A: four-byte GB18030 sequences
RARE_REPORT = REPORT.replace("开展低效用地", f"开展{RARE}低效用地")
CONTROL_REPORT = REPORT.replace("加快落地", "加快\x07落\x1b地").replace("二期建设", "二期\x0c建设")
CONTROL_READ = REPORT.replace("加快落地", "加快 落 地").replace("二期建设", "二期\n建设")
FULL_WIDTH = REPORT + "全年固定资产投资增长２３．８％，完成投资１５亿元，ＡＢＣ产业园开工。\n"
ODD_NAMES = (
    REPORT
    + "建设“<img src=x onerror=alert(1)>”产业园。推进{{青溪}}\\数据中心和'</script>'片区建设。"
    '完成"A&B"大厦改造。\n'
)
ODD_FILE_NAME = "青溪\"<b>{x}\\'&报告.txt"
OLD_OUTPUTS = {"graph.ttl": b"old turtle\n", "graph.html": b"<p>old page</p>\n"}


def _png() -> bytes:
    """A real 1x1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _binary_without_signature() -> bytes:
    return random.Random(0).randbytes(4096).replace(b"\x00", b"\x01")


def _ten_megabytes_without_line_break() -> str:
    """Report sentences between long runs of white space and inline base64 images, on one line,
    as a web page copied with its markup stripped can be."""
    line = REPORT.replace("\n", " ")
    image = base64.b64encode(random.Random(1).randbytes(24_000)).decode()
    chunk = f"{line} data:image/png;base64,{image} " + "\u3000" * 100_000 + " " * 730_000
    text = chunk * 10
    assert len(text.encode()) >= 10 * 1024 * 1024 and "\n" not in text and "\r" not in text
    return text


TEN_MB = _ten_megabytes_without_line_break()
# One sentence over spaCy's limit of 1,000,000 characters (a hash or key dump, say).
MILLION = REPORT + "规划" + "ab12" * 280_000 + "。\n"


# --- what a row expects ------------------------------------------------------------------


@dataclass(frozen=True)
class Fails:
    exit_code: int
    message: str


@dataclass(frozen=True)
class Builds:
    """A graph is written; ``text`` is the input as the reader decodes it."""

    text: str
    check: Callable[[Graph], None] = lambda graph: None


def labels(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, RDFS.label)}


def metric_values(graph: Graph) -> set[tuple[Decimal, str]]:
    return {
        (Decimal(str(graph.value(node, SCHEMA.value))), str(graph.value(node, SCHEMA.unitText)))
        for node in graph.subjects(SCHEMA.unitText, None)
    }


def has_report_facts(graph: Graph) -> None:
    assert any("滨江智造产业园" in label for label in labels(graph))
    assert {(Decimal(326), "亩"), (Decimal("4.8"), "万平方米")} <= metric_values(graph)


def has_rare_characters(graph: Graph) -> None:
    has_report_facts(graph)
    assert any(RARE in str(text) for text in graph.objects(None, GRK.text))


def has_full_width_metrics(graph: Graph) -> None:
    assert {(Decimal("23.8"), "%"), (Decimal(15), "亿元")} <= metric_values(graph)


def keeps_odd_file_name(graph: Graph) -> None:
    assert Literal(ODD_FILE_NAME) in set(graph.objects(None, GRK.sourceFile))
    has_report_facts(graph)


def sentences_are_bounded(graph: Graph) -> None:
    has_report_facts(graph)
    texts = [str(text) for text in graph.objects(None, GRK.text)]
    assert max(map(len, texts)) <= MAX_SENTENCE_LENGTH


def ten_copies(graph: Graph) -> None:
    has_report_facts(graph)
    assert len(list(graph.subjects(SCHEMA.unitText, Literal("亩")))) == 10


# --- how a row is set up -----------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    id: str
    data: bytes | None  # the input file's bytes; None: the row sets up its own arguments
    expect: Fails | Builds
    args: tuple[str, ...] = ("INPUT",)  # INPUT and OUT are replaced by paths
    file_name: str = "report.txt"
    stdin: bytes = b""
    old_outputs: dict[str, bytes] = field(default_factory=dict)
    file_size_limit: int | None = None  # RLIMIT_FSIZE for the build, to fail writes midway


UTF8 = REPORT.encode()
BUILDS = Builds(REPORT, has_report_facts)

ROWS = [
    Row("empty file", b"", Fails(ExitCode.INPUT, "report.txt: is empty")),
    Row("only white space", " \t\r\n\u3000\n \n".encode(), Fails(ExitCode.INPUT, "is empty")),
    Row("empty standard input", None, Fails(ExitCode.INPUT, "stdin: is empty"), args=("-",)),
    Row("standard input", None, BUILDS, args=("-",), stdin=UTF8),
    Row("PNG image", _png(), Fails(ExitCode.INPUT, "looks like a PNG image")),
    Row("PDF named .txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", Fails(ExitCode.INPUT, "PDF")),
    Row("binary, no signature", _binary_without_signature(), Fails(ExitCode.INPUT, "binary")),
    Row("UTF-16 LE with BOM", codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), BUILDS),
    Row("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), BUILDS),
    Row("UTF-8 with BOM", codecs.BOM_UTF8 + UTF8, BUILDS),
    Row("GBK", REPORT.encode("gbk"), BUILDS),
    Row(
        "GB18030 with rare characters",
        RARE_REPORT.encode("gb18030"),
        Builds(RARE_REPORT, has_rare_characters),
    ),
    Row("UTF-8 cut inside its last character", UTF8 + "中".encode()[:2], BUILDS),
    Row("10 MB with no line break", TEN_MB.encode(), Builds(TEN_MB, ten_copies)),
    Row(
        "a sentence over a million characters",
        MILLION.encode(),
        Builds(MILLION, sentences_are_bounded),
    ),
    Row("control characters", CONTROL_REPORT.encode(), Builds(CONTROL_READ, has_report_facts)),
    Row(
        "full-width digits and letters",
        FULL_WIDTH.encode(),
        Builds(FULL_WIDTH, has_full_width_metrics),
    ),
    Row(
        "quotes, backslashes, angle brackets and braces",
        ODD_NAMES.encode(),
        Builds(ODD_NAMES, keeps_odd_file_name),
        file_name=ODD_FILE_NAME,
    ),
    Row(
        "a file name with a line break",
        None,
        Fails(ExitCode.INPUT, "missing\\nname.txt: no such file"),
        args=("DIR/missing\nname.txt",),
    ),
    Row("missing path", None, Fails(ExitCode.INPUT, "no such file"), args=("DIR/missing.txt",)),
    Row(
        "a path through a regular file",
        UTF8,
        Fails(ExitCode.INPUT, "a parent is not a directory"),
        args=("INPUT/report.txt",),
    ),
    Row(
        "a directory without reports", None, Fails(ExitCode.INPUT, "holds no report"), args=("DIR",)
    ),
    Row(
        "a file name too long",
        None,
        Fails(ExitCode.INPUT, "File name too long"),
        args=("DIR/" + "长" * 300 + ".txt",),
    ),
    Row("endless input", None, Fails(ExitCode.INPUT, "too large"), args=("/dev/zero",)),
    Row(
        "output under a regular file",
        UTF8,
        Fails(ExitCode.OUTPUT, "Not a directory"),
        args=("INPUT", "-o", "INPUT/out"),
    ),
    Row(
        "output under /proc, unwritable for root too",
        UTF8,
        Fails(ExitCode.OUTPUT, "cannot create"),
        args=("INPUT", "-o", "/proc/kg-reliability-test/out"),
    ),
    Row(
        "output directory is a regular file",
        UTF8,
        Fails(ExitCode.OUTPUT, "exists and is not a directory"),
        args=("INPUT", "-o", "INPUT"),
    ),
    Row(
        "output write fails midway (file size limit)",
        UTF8,
        Fails(ExitCode.OUTPUT, "File too large"),
        args=("INPUT", "--force"),
        old_outputs=OLD_OUTPUTS,
        file_size_limit=4096,
    ),
    Row(
        "output already exists",
        UTF8,
        Fails(ExitCode.OUTPUT, "already exists; use --force"),
        old_outputs=OLD_OUTPUTS,
    ),
    Row(
        "output already exists, --force",
        UTF8,
        BUILDS,
        args=("INPUT", "--force"),
        old_outputs=OLD_OUTPUTS,
    ),
    Row(
        "an output name taken by a directory",
        UTF8,
        Fails(ExitCode.OUTPUT, "graph.ttl: cannot write (is a directory"),
        args=("INPUT", "--force"),
        old_outputs={"graph.ttl/": b""},
    ),
    Row(
        "a base IRI with a space and angle brackets",
        UTF8,
        Fails(ExitCode.CONFIG, "is not a valid IRI"),
        args=("INPUT", "--base", "http://example.org/a b<c>/"),
    ),
    Row(
        "a missing argument", None, Fails(ExitCode.USAGE, "Missing argument"), args=("-o", "DIR/o")
    ),
]


def _arguments(row: Row, tmp_path: Path) -> tuple[list[str], Path]:
    input_path = tmp_path / row.file_name
    if row.data is not None:
        input_path.write_bytes(row.data)
    replaced = [
        arg.replace("INPUT", str(input_path)).replace("DIR", str(tmp_path)) for arg in row.args
    ]
    if "-o" not in replaced:
        replaced += ["-o", str(tmp_path / "out")]
    return replaced, Path(replaced[replaced.index("-o") + 1])


def _make_old_outputs(out: Path, old: dict[str, bytes]) -> None:
    if not old:
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, data in old.items():
        if name.endswith("/"):
            (out / name).mkdir()
        else:
            (out / name).write_bytes(data)


def _snapshot(directory: Path) -> dict[str, bytes | None]:
    """Every file and directory under ``directory`` but the build cache (not an output: it
    keeps what a failed build extracted, for the next one)."""
    if not directory.is_dir():
        return {}
    return {
        str(path.relative_to(directory)): path.read_bytes() if path.is_file() else None
        for path in sorted(directory.rglob("*"))
        if CACHE_DIR not in path.relative_to(directory).parts
    }


def _limit_file_size(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failing write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _check_sentence_offsets(graph: Graph, text: str) -> None:
    """Every span that carries its text (sentences, mentions) slices the source exactly."""
    spans = [
        node for node in graph.subjects(GRK.startOffset, None) if (node, GRK.text, None) in graph
    ]
    assert any((node, RDF.type, GRK.Sentence) in graph for node in spans)
    for node in spans:
        start, end = graph.value(node, GRK.startOffset), graph.value(node, GRK.endOffset)
        assert text[int(start) : int(end)] == str(graph.value(node, GRK.text))


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_bad_input_gives_a_graph_or_one_line(row: Row, tmp_path: Path) -> None:
    args, out = _arguments(row, tmp_path)
    _make_old_outputs(out, row.old_outputs)
    before = _snapshot(out) if str(out).startswith(str(tmp_path)) else {}
    result = run_kg(
        "build",
        *args,
        stdin=row.stdin,
        preexec_fn=_limit_file_size(row.file_size_limit) if row.file_size_limit else None,
    )
    if isinstance(row.expect, Fails):
        assert_one_line_error(result, row.expect.exit_code, row.expect.message)
        assert result.stdout == b""
        if str(out).startswith(str(tmp_path)):
            assert _snapshot(out) == before  # nothing new, nothing half-written, nothing left
        return
    assert_success(result)
    assert sorted(_snapshot(out)) == ["graph.html", "graph.ttl"]  # no temporary file
    graph = check_written_graph(out / "graph.ttl")
    _check_sentence_offsets(graph, row.expect.text)
    row.expect.check(graph)


# A corpus directory: the good reports are built, each bad file is one "skipped" line.
CORPUS = {
    "good-utf8.txt": UTF8,
    "good-gbk.txt": REPORT.replace("青溪", "白溪").encode("gbk"),
    "good-utf16.txt": codecs.BOM_UTF16_LE + REPORT.replace("青溪", "云溪").encode("utf-16-le"),
    "empty.txt": b"",
    "image.txt": _png(),
    "binary.txt": _binary_without_signature(),
    "blank.txt": " \n\u3000\n".encode(),
}


def test_a_corpus_skips_each_bad_file_with_one_line_and_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in CORPUS.items():
        (corpus / name).write_bytes(data)
    out = tmp_path / "out"
    result = run_kg("build", corpus, "-o", out, "-j", "1")
    stderr = result.stderr.decode()
    assert result.returncode == ExitCode.SKIPPED, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    skipped = [line for line in stderr.splitlines() if line.startswith("kg: skipped ")]
    bad = sorted(name for name in CORPUS if not name.startswith("good"))
    assert sorted(line.split()[2].rstrip(":").rsplit("/", 1)[-1] for line in skipped) == bad
    assert stderr.splitlines()[-1] == f"kg: {len(bad)} input(s) skipped"
    graph = check_written_graph(out / "graph.ttl")
    files = {str(name).rsplit("/", 1)[-1] for name in graph.objects(None, GRK.sourceFile)}
    assert files == {name for name in CORPUS if name.startswith("good")}
