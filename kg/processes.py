"""Child processes of a build: when forking is safe, and children that never outlive it."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Iterator
from multiprocessing import get_all_start_methods

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
STOPPING_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def can_fork() -> bool:
    """True where children can be forked safely: a forked child of a threaded parent can
    deadlock on a lock another thread held, so only a single-threaded parent forks."""
    return "fork" in get_all_start_methods() and threading.active_count() == 1


@contextlib.contextmanager
def stops_held_back() -> Iterator[None]:
    """Keep the stopping signals pending while the process forks; they arrive right after.

    Python may run a signal's handler inside the at-fork callbacks (logging's, for one),
    where the exception it raises to stop the run can only be ignored. The child starts
    with them held back too, and lets them through once it has its own handlers
    (``become_child_of``).
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def become_child_of(parent: int) -> None:
    """Leave Ctrl-C to the parent (which stops its children), die on SIGTERM, and die with
    the parent however it ends (SIGKILL included): no orphan keeps working."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked while they were held back
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING_SIGNALS)
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the request: it will not be sent
        os._exit(1)
