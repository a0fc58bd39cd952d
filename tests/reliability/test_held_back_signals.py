"""Stopping signals held back while a build forks: they arrive right after, in the parent's own
code (not inside an at-fork callback, where the stop they raise would be ignored), and a child
forked meanwhile lets them through once it has its handlers."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from multiprocessing import get_context

import pytest

from kg.processes import become_child_of, stops_held_back

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX only")


@pytest.fixture
def noted() -> Iterator[list[int]]:
    received: list[int] = []
    previous = signal.signal(signal.SIGHUP, lambda number, _frame: received.append(number))
    yield received
    signal.signal(signal.SIGHUP, previous)


def test_a_stop_sent_while_held_back_arrives_when_let_through(noted: list[int]) -> None:
    # Sent to this thread: sent to the process, it could go to a thread an earlier test left
    # running (a thread that does not hold it back), and arrive whenever that thread runs.
    with stops_held_back():
        signal.pthread_kill(threading.get_ident(), signal.SIGHUP)
        for _ in range(1000):  # bytecodes run: a handler let through would have run here
            pass
        assert noted == []
    deadline = time.monotonic() + 5
    while not noted and time.monotonic() < deadline:
        time.sleep(0.001)  # Python runs a pending handler between bytecodes, or in the sleep
    assert noted == [signal.SIGHUP]


def _child(parent: int) -> None:
    become_child_of(parent)
    os.kill(os.getpid(), signal.SIGHUP)  # the default: the child ends by the signal
    os._exit(0)  # only reached if the signal stayed held back


def test_a_child_forked_while_held_back_takes_its_stops() -> None:
    with stops_held_back():
        child = get_context("fork").Process(target=_child, args=(os.getpid(),))
        child.start()
    child.join(timeout=30)
    assert child.exitcode == -signal.SIGHUP
