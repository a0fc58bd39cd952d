"""Outputs written side by side by forked children: the same bytes, all or nothing."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import kg.export.atomic as atomic
import kg.export.parallel as parallel
from kg.build import build
from kg.errors import OutputError
from kg.export.atomic import output_transaction
from kg.export.parallel import write_outputs
from kg.export.rdf import Engine
from kg.export.registry import Exporter
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.provenance import BuildInfo

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-report.txt"
INFO = BuildInfo.from_environment({"SOURCE_DATE_EPOCH": "1700000000"})
EMPTY = KnowledgeGraph(())


def _writes(text: Callable[[], str]) -> Callable[[KnowledgeGraph, Path, Engine], None]:
    """A writer that writes ``text()`` the way exporters do (through the transaction)."""
    from kg.export.atomic import atomic_write

    def write(graph: KnowledgeGraph, path: Path, engine: Engine) -> None:
        with atomic_write(path) as handle:
            handle.write(text())

    return write


def _pid() -> str:
    return str(os.getpid())


def _fails() -> str:
    raise OutputError("disk full (simulated)")


def _crashes() -> str:
    raise ValueError("a bug in a writer")


SLOW_CHILD_PID = Path(os.devnull)  # where the slow child notes its pid (set by the test)


def _slow() -> str:
    SLOW_CHILD_PID.write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(600)  # still writing when the parent stops
    return "new"


def _stopped_once_the_child_writes(stop: BaseException) -> Callable[[], str]:
    def wait_then_stop() -> str:
        for _ in range(1000):  # the slow child notes its pid as it starts writing
            if SLOW_CHILD_PID.exists():
                break
            time.sleep(0.01)
        raise stop

    return wait_then_stop


def _dies() -> str:
    os._exit(9)


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even if an earlier test left a thread behind in this process (a build forks only
    single-threaded; here the threads are idle and hold no lock the children need)."""
    monkeypatch.setattr(parallel, "can_fork", lambda: True)


@pytest.fixture(params=["unnamed", "named"])
def temporaries(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Stage O_TMPFILE files, and again the named temporaries used where there are none."""
    if request.param == "named":
        monkeypatch.setattr(atomic, "_FD_DIRECTORY", Path("/nonexistent/fd"))
    return str(request.param)


def _files(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


@pytest.mark.parametrize("formats", [("turtle", "html"), ("turtle", "nquads", "html", "gexf")])
def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path, formats: tuple[str, ...]) -> None:
    for workers in (1, 2):
        build([SAMPLE], tmp_path / f"w{workers}", formats=formats, build_info=INFO,
              workers=workers, use_cache=False)  # fmt: skip
    one, two = tmp_path / "w1", tmp_path / "w2"
    assert _files(one) == _files(two) and len(_files(one)) == len(formats)
    for name in _files(one):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_all_but_the_last_output_are_written_in_children(tmp_path: Path, temporaries: str) -> None:
    targets = [(Exporter(name, name, _writes(_pid)), tmp_path / name) for name in "abc"]
    with output_transaction(tmp_path, "abc"):
        write_outputs(EMPTY, targets, "oxigraph", workers=3)
        # Staged: nothing is in place before the commit.
        assert not any((tmp_path / name).exists() for name in "abc")
    pids = {name: (tmp_path / name).read_text(encoding="utf-8") for name in "abc"}
    assert pids["c"] == str(os.getpid())
    assert len({pids["a"], pids["b"], pids["c"]}) == 3
    assert _files(tmp_path) == ["a", "b", "c"]  # no temporary left beside them


@pytest.mark.parametrize(
    ("workers", "forks", "triples"),
    [
        (1, True, 10),  # one worker
        (2, False, 10),  # a threaded process does not fork
        (2, True, parallel.MAX_TRIPLES_SIDE_BY_SIDE + 1),  # too big to copy
    ],
)
def test_one_after_another_here_when_side_by_side_does_not_serve(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, forks: bool, triples: int
) -> None:
    monkeypatch.setattr(parallel, "can_fork", lambda: forks)
    targets = [(Exporter(name, name, _writes(_pid)), tmp_path / name) for name in "ab"]
    with output_transaction(tmp_path, "ab"):
        write_outputs(EMPTY, targets, "oxigraph", workers=workers, size=triples)
    assert {(tmp_path / name).read_text(encoding="utf-8") for name in "ab"} == {str(os.getpid())}


@pytest.mark.parametrize(
    ("child", "error", "message"),
    [
        (_fails, OutputError, r"disk full \(simulated\)"),
        (_crashes, RuntimeError, "a bug in a writer"),
        (_dies, OutputError, "ended early"),
    ],
)
def test_a_failing_child_leaves_the_old_outputs_and_no_stray_file(
    tmp_path: Path,
    temporaries: str,
    child: Callable[[], str],
    error: type[Exception],
    message: str,
) -> None:
    for name in "ab":
        (tmp_path / name).write_text("old", encoding="utf-8")
    targets = [
        (Exporter("a", "a", _writes(child)), tmp_path / "a"),
        (Exporter("b", "b", _writes(lambda: "new")), tmp_path / "b"),
    ]
    with (
        pytest.raises(error, match=message),
        output_transaction(tmp_path, "ab", force=True),
    ):
        write_outputs(EMPTY, targets, "oxigraph", workers=2)
    assert _files(tmp_path) == ["a", "b"]
    assert {(tmp_path / name).read_text(encoding="utf-8") for name in "ab"} == {"old"}


@pytest.mark.parametrize(
    ("child", "here", "error"),
    [
        (lambda: "new", _fails, OutputError),
        (_slow, _stopped_once_the_child_writes(OutputError("no space")), OutputError),
        (_slow, _stopped_once_the_child_writes(KeyboardInterrupt()), KeyboardInterrupt),
    ],
)
def test_a_failure_here_drops_what_the_children_wrote(
    tmp_path: Path,
    temporaries: str,
    child: Callable[[], str],
    here: Callable[[], str],
    error: type[BaseException],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    targets = [
        (Exporter("a", "a", _writes(child)), tmp_path / "a"),
        (Exporter("b", "b", _writes(here)), tmp_path / "b"),
    ]
    pid_file = tmp_path.parent / f"{tmp_path.name}.pid"
    monkeypatch.setattr(sys.modules[__name__], "SLOW_CHILD_PID", pid_file)
    with pytest.raises(error), output_transaction(tmp_path, "ab"):
        write_outputs(EMPTY, targets, "oxigraph", workers=2)
    assert _files(tmp_path) == []
    if child is _slow:  # the busy child was stopped, not waited for
        with pytest.raises(ProcessLookupError):
            os.kill(int(pid_file.read_text(encoding="utf-8")), 0)
