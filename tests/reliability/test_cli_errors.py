"""The pieces of ``kg.cli.main`` that turn failures into one line and an exit code."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from types import SimpleNamespace

import pytest

from kg.cli import _stop_again_if_ignored, _stop_signal, _Stopped, interruptible, one_line
from kg.errors import ExitCode, KgError
from tests.reliability.cli import KG

LINES = [
    ("a\nb.txt: no such file", "a\\nb.txt: no such file"),
    ("tab\there", "tab\\there"),
    ("bell\x07 and nel\x85", "bell\\x07 and nel\\x85"),
    ("bad byte \udcff", "bad byte \\udcff"),
    ("中文，全角ＡＢＣ", "中文，全角ＡＢＣ"),
]


@pytest.mark.parametrize(("message", "shown"), LINES)
def test_messages_are_one_line(message: str, shown: str) -> None:
    assert one_line(message) == shown


def _raised_while_stopping() -> BaseException:
    try:
        try:
            raise _Stopped(signal.SIGTERM)
        except _Stopped:
            raise RuntimeError("cannot join thread before it is started") from None
    except RuntimeError as error:
        return error


def test_a_stop_is_found_behind_the_error_its_cleanup_raised() -> None:
    error = _raised_while_stopping()
    assert error.__cause__ is None and isinstance(error.__context__, _Stopped)
    assert _stop_signal(error) == signal.SIGTERM
    assert _stop_signal(KeyboardInterrupt()) == signal.SIGINT
    assert _stop_signal(ValueError("a bug")) is None


def test_a_stop_python_had_to_ignore_is_delivered_again_later() -> None:
    received: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, _frame: received.append(signum))
    try:
        _stop_again_if_ignored(SimpleNamespace(exc_value=_Stopped(signal.SIGUSR1)))
        assert received == []  # not inside the hook, where it would be ignored again
        deadline = time.monotonic() + 30
        while not received and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert received == [signal.SIGUSR1]


def test_interruptible_work_returns_and_raises_as_called_here() -> None:
    assert interruptible(lambda: 42) == 42
    with pytest.raises(ValueError, match="inside"):
        interruptible(lambda: int("inside"))


def test_interruptible_work_stops_at_its_timeout() -> None:
    release = threading.Event()
    with pytest.raises(KgError, match=r"stopped after 0\.1 s"):
        interruptible(lambda: release.wait(60), timeout=0.1)
    release.set()


@pytest.mark.parametrize(
    "args",
    [("--help",), ("build", "--help"), ("evaluate", "--help")],
)
def test_a_reader_gone_away_is_exit_141_without_a_message(args: tuple[str, ...]) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails with EPIPE
    try:
        result = subprocess.run([KG, *args], stdout=writer, stderr=subprocess.PIPE, check=False)
    finally:
        os.close(writer)
    assert result.returncode == ExitCode.BROKEN_PIPE
    assert result.stderr == b""
