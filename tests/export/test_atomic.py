"""atomic_write and output_transaction: old content or new, never half, never a stray file."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg.export.atomic as atomic
from kg.errors import OutputError
from kg.export.atomic import atomic_write, output_transaction

NAMES = ["a.txt", "b.txt"]


@pytest.fixture(params=["unnamed", "named"])
def temporaries(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run each test with O_TMPFILE files, and again with the named fallback."""
    if request.param == "named":
        monkeypatch.setattr(atomic, "_FD_DIRECTORY", Path("/nonexistent/fd"))
    yield request.param


def _old(directory: Path) -> dict[str, str]:
    directory.mkdir(exist_ok=True)
    for name in NAMES:
        (directory / name).write_text(f"old {name}", encoding="utf-8")
    return _contents(directory)


def _contents(directory: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(directory.iterdir())}


def test_transaction_replaces_every_file_at_the_end(tmp_path: Path, temporaries: str) -> None:
    _old(tmp_path)
    with output_transaction(tmp_path, NAMES, force=True):
        for name in NAMES:
            with atomic_write(tmp_path / name) as handle:
                handle.write(f"new {name}")
            assert (tmp_path / name).read_text(encoding="utf-8") == f"old {name}"
    assert _contents(tmp_path) == {name: f"new {name}" for name in NAMES}


def test_failure_after_one_file_keeps_every_old_file(tmp_path: Path, temporaries: str) -> None:
    old = _old(tmp_path)
    with pytest.raises(RuntimeError), output_transaction(tmp_path, NAMES, force=True):
        with atomic_write(tmp_path / "a.txt") as handle:
            handle.write("new a")
        with atomic_write(tmp_path / "b.txt") as handle:
            handle.write("half of b")
            raise RuntimeError("exporter failed")
    assert _contents(tmp_path) == old


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EIO])
def test_write_error_is_an_output_error_and_leaves_nothing(
    tmp_path: Path, temporaries: str, code: int
) -> None:
    old = _old(tmp_path)
    with pytest.raises(OutputError, match=os.strerror(code)), atomic_write(tmp_path / "a.txt") as h:
        h.write("partial")
        raise OSError(code, os.strerror(code))
    assert _contents(tmp_path) == old


def test_existing_outputs_are_refused_before_anything_runs(tmp_path: Path) -> None:
    old = _old(tmp_path)
    ran = []
    with (
        pytest.raises(OutputError, match="already exists; use --force"),
        output_transaction(tmp_path, NAMES),
    ):
        ran.append(True)
    assert not ran and _contents(tmp_path) == old


def test_directories_it_created_are_removed_on_failure(tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "out"
    with pytest.raises(RuntimeError), output_transaction(out, NAMES):
        assert out.is_dir()
        raise RuntimeError("extraction failed")
    assert list(tmp_path.iterdir()) == []


def test_written_files_get_the_usual_permissions(tmp_path: Path, temporaries: str) -> None:
    previous = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "a.txt") as handle:
            handle.write("x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644


def test_a_symlinked_target_is_replaced_not_followed(tmp_path: Path, temporaries: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").symlink_to(victim)
    with (
        output_transaction(tmp_path / "out", ["a.txt"], force=True),
        atomic_write(tmp_path / "out" / "a.txt") as handle,
    ):
        handle.write("new")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "out" / "a.txt").is_symlink()


def test_stale_temporaries_of_dead_processes_are_swept(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    stale = tmp_path / f".a.txt.kg{int(dead.stdout)}-0123abcd.tmp"
    live = tmp_path / f".a.txt.kg{os.getpid()}-0123abcd.tmp"
    other = tmp_path / ".a.txt.tmp"
    for path in (stale, live, other):
        path.write_text("x", encoding="utf-8")
    with output_transaction(tmp_path, NAMES):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])


@pytest.mark.parametrize("threads", [0, 1])
def test_commit_is_not_cut_by_a_signal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> None:
    """A SIGTERM arriving during the first rename is handled only after the last one, also
    when another thread (which does not block signals) is running."""
    stop = threading.Event()
    for _ in range(threads):
        threading.Thread(target=stop.wait, daemon=True).start()
    _old(tmp_path)
    seen: list[dict[str, str]] = []
    replace = os.replace

    def replace_and_signal(source: Path, target: Path) -> None:
        replace(source, target)
        if not seen:
            os.kill(os.getpid(), signal.SIGTERM)

    def handler(_signum: int, _frame: object) -> None:
        seen.append(_contents(tmp_path))

    monkeypatch.setattr(atomic.os, "replace", replace_and_signal)
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        with output_transaction(tmp_path, NAMES, force=True):
            for name in NAMES:
                with atomic_write(tmp_path / name) as handle:
                    handle.write(f"new {name}")
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
    assert seen == [{name: f"new {name}" for name in NAMES}]
