"""A build stopped midway, by SIGKILL or by a stopping signal, leaves the previous output intact.

The build is watched through /proc until it holds an output file open in the output directory
(it is writing), then signalled. Afterwards the directory must hold exactly the previous files,
byte for byte: no half-written output and no temporary file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kg.corpus.cache import CACHE_DIR
from kg.errors import ExitCode
from tests.conftest import SAMPLE
from tests.reliability.cli import KG, assert_one_line_error, run_kg

# Big enough that writing its outputs takes a while, small enough to build in seconds.
COPIES = 8
OLD_OUTPUTS = {"graph.ttl": b"@prefix old: <urn:old:> .\n", "graph.html": b"<p>old</p>\n"}

STOPS = [
    # (signal, exit code, message): SIGKILL cannot be caught, the others stop the build cleanly
    (signal.SIGKILL, -signal.SIGKILL, None),
    (signal.SIGINT, 128 + signal.SIGINT, "kg: interrupted"),
    (signal.SIGTERM, 128 + signal.SIGTERM, "kg: stopped by SIGTERM"),
    (signal.SIGHUP, 128 + signal.SIGHUP, "kg: stopped by SIGHUP"),
]


@pytest.fixture(scope="module")
def large_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "large-report.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_text("\n".join(text for _ in range(COPIES)), encoding="utf-8")
    return path


def _previous_output(directory: Path) -> dict[str, bytes]:
    directory.mkdir()
    for name, data in OLD_OUTPUTS.items():
        (directory / name).write_bytes(data)
    return dict(OLD_OUTPUTS)


def _contents(directory: Path) -> dict[str, bytes]:
    """The files of the directory, but the build cache (not an output)."""
    return {path.name: path.read_bytes() for path in directory.iterdir() if path.name != CACHE_DIR}


def _is_writing_into(pid: int, directory: Path) -> bool:
    """True when the process holds a file of ``directory`` open: a temporary output (the
    build cache, in a subdirectory, does not count)."""
    try:
        descriptors = os.listdir(f"/proc/{pid}/fd")
    except FileNotFoundError:
        return False
    for fd in descriptors:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if os.path.dirname(target) == str(directory):
            return True
    return False


def _start_build(report: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [KG, "build", str(report), "-o", str(out), "--force"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_until_writing(process: subprocess.Popen[bytes], out: Path) -> None:
    deadline = time.monotonic() + 300
    while not _is_writing_into(process.pid, out):
        assert process.poll() is None, "the build ended before it was seen writing"
        assert time.monotonic() < deadline, "the build was never seen writing"
        time.sleep(0.002)


@pytest.mark.parametrize(
    ("stop", "exit_code", "message"), STOPS, ids=[stop[0].name for stop in STOPS]
)
def test_build_stopped_while_writing_leaves_previous_output(
    large_report: Path, tmp_path: Path, stop: signal.Signals, exit_code: int, message: str | None
) -> None:
    out = tmp_path / "out"
    previous = _previous_output(out)
    process = _start_build(large_report, out)
    _wait_until_writing(process, out)
    process.send_signal(stop)
    _stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == exit_code, stderr
    assert b"Traceback" not in stderr
    if message is not None:
        assert stderr.decode().splitlines() == [message]
    assert _contents(out) == previous


def test_build_stopped_before_writing_leaves_previous_output(
    large_report: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    previous = _previous_output(out)
    process = _start_build(large_report, out)
    time.sleep(0.5)  # wherever this lands (imports, reading, extraction), nothing may change
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=300)
    assert process.returncode in (-signal.SIGTERM, 128 + signal.SIGTERM)
    assert _contents(out) == previous


def test_the_next_build_after_a_kill_replaces_the_output(
    large_report: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _previous_output(out)
    process = _start_build(large_report, out)
    _wait_until_writing(process, out)
    process.kill()
    process.communicate(timeout=60)
    result = run_kg("build", SAMPLE, "-o", out, "--force")
    assert result.returncode == 0, result.stderr
    assert sorted(_contents(out)) == ["graph.html", "graph.ttl"]
    assert _contents(out)["graph.ttl"] != OLD_OUTPUTS["graph.ttl"]


def test_failed_build_into_a_new_directory_leaves_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    out = tmp_path / "new" / "out"
    assert_one_line_error(run_kg("build", missing, "-o", out), ExitCode.INPUT, "no such file")
    assert not (tmp_path / "new").exists()


def _state(pid: int) -> str:
    """The process's state letter (Z: a zombie, dead), or "gone"."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            return [int(child) for child in children.read().split()]
    except FileNotFoundError:
        return []


@pytest.mark.parametrize(
    ("stop", "exit_code"),
    [
        (signal.SIGINT, 128 + signal.SIGINT),
        (signal.SIGTERM, 128 + signal.SIGTERM),
        (signal.SIGKILL, -signal.SIGKILL),  # the workers die with their parent all the same
    ],
    ids=["SIGINT", "SIGTERM", "SIGKILL"],
)
def test_corpus_build_stopped_stops_its_workers(
    tmp_path: Path, stop: signal.Signals, exit_code: int
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for number in range(6):  # distinct bytes: six reports, not one
        (corpus / f"report-{number}.txt").write_text(f"{text}\n第{number}份。", encoding="utf-8")
    out = tmp_path / "out"
    previous = _previous_output(out)
    process = subprocess.Popen(
        [KG, "build", str(corpus), "-o", str(out), "--force", "-j", "2", "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while len(workers := _children(process.pid)) < 2:
        assert process.poll() is None and time.monotonic() < deadline, "no worker was started"
        time.sleep(0.01)
    process.send_signal(stop)
    _stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == exit_code, stderr
    assert b"Traceback" not in stderr
    assert _contents(out) == previous
    while any(_state(worker) not in ("Z", "gone") for worker in workers):
        assert time.monotonic() < deadline, "a worker outlived its stopped build"
        time.sleep(0.05)
