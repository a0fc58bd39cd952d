"""Write files so that readers see the old content or the new one, never half of either.

``atomic_write`` writes to an unnamed temporary file in the target's directory (Linux
``O_TMPFILE``: it has no name, so it vanishes with the process even on SIGKILL) and links it
into place when its block ends without an error. Where unnamed files are not available it
uses a hidden ``.NAME.kgPID-XXXXXXXX.tmp`` file instead, removed on any error and swept by the
next transaction in that directory once its process is gone.

Inside ``output_transaction`` the files wait until the whole transaction succeeds, then replace
their targets one rename each, with SIGINT, SIGTERM and SIGHUP held back meanwhile: a build that
fails or is interrupted leaves every previous output exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import signal
import threading
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any

from kg.errors import OutputError

_TEMP_NAME = re.compile(r"^\..*\.kg(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
_DEFERRED_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
_FD_DIRECTORY = Path("/proc/self/fd")


class _Staged:
    """One written file waiting for its rename: an open unnamed file, or a named temporary."""

    def __init__(self, path: Path, fd: int | None, temp: Path | None) -> None:
        self.path = path
        self.fd = fd  # an open O_TMPFILE descriptor, kept open until the file has a name
        self.temp = temp

    def name_temporarily(self) -> None:
        """Give the content a hidden name beside its target (a no-op for named temporaries)."""
        if self.temp is not None:
            return
        # linkat(2) with AT_SYMLINK_FOLLOW on /proc/self/fd/N names an O_TMPFILE file; Python
        # calls linkat (not link, which would not follow) only when given a directory fd.
        directory = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            while self.temp is None:
                candidate = _temp_path(self.path)
                try:
                    os.link(
                        _FD_DIRECTORY / str(self.fd),
                        candidate.name,
                        dst_dir_fd=directory,
                        follow_symlinks=True,
                    )
                except FileExistsError:
                    continue
                self.temp = candidate
        finally:
            os.close(directory)

    def replace_target(self) -> None:
        if self.temp is None:
            self.name_temporarily()
        assert self.temp is not None
        os.replace(self.temp, self.path)
        self.temp = None
        self.close()

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def discard(self) -> None:
        self.close()
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
            self.temp = None


class OutputTransaction:
    """The files written by ``atomic_write`` while a transaction is open, in order."""

    def __init__(self, directory: Path, names: Iterable[str]) -> None:
        self.directory = directory
        self._targets = {Path(os.path.abspath(directory / name)) for name in names}
        self._staged: dict[Path, _Staged] = {}

    def covers(self, path: Path) -> bool:
        """True for a target of the transaction or a file under one (a directory output).

        Other files (a build cache, say) are not outputs: they are written at once.
        """
        absolute = Path(os.path.abspath(path))
        return absolute in self._targets or not self._targets.isdisjoint(absolute.parents)

    @property
    def pending(self) -> tuple[Path, ...]:
        return tuple(self._staged)

    def add(self, staged: _Staged) -> None:
        previous = self._staged.pop(staged.path, None)
        if previous is not None:
            previous.discard()
        self._staged[staged.path] = staged

    def hand_over(self, owner: int) -> list[tuple[Path, int | None, Path | None]]:
        """Forget every staged file; return (target, descriptor, temporary) for each.

        A forked child writes into its copy of its parent's transaction and hands what it
        wrote to the parent, which ``adopt``s it: an unnamed file by its open descriptor (sent
        over a socket, so that it still vanishes if the build is killed), a named temporary
        renamed for the ``owner`` (the sweep takes a dead process's temporaries).
        """
        handed = []
        for staged in self._staged.values():
            if staged.temp is not None:
                owned = _temp_path(staged.path, owner)
                os.replace(staged.temp, owned)
                staged.temp = owned
            handed.append((staged.path, staged.fd, staged.temp))
        self._staged.clear()
        return handed

    def adopt(self, path: Path, fd: int | None, temp: Path | None) -> None:
        """Stage a file another process wrote (see ``hand_over``)."""
        self.add(_Staged(path, fd, temp))

    def commit(self) -> None:
        staged = list(self._staged.values())
        self._staged.clear()
        _commit(staged)

    def discard(self) -> None:
        for staged in self._staged.values():
            staged.discard()
        self._staged.clear()


_ACTIVE: ContextVar[OutputTransaction | None] = ContextVar("kg_output_transaction", default=None)


def active_transaction() -> OutputTransaction | None:
    """The transaction ``atomic_write`` stages its files in here, if one is open."""
    return _ACTIVE.get()


@contextlib.contextmanager
def atomic_write(path: Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success put it in place, else remove it.

    Inside an ``output_transaction`` the file is put in place when the transaction commits.
    Text is written as UTF-8 with ``\\n`` line ends whatever the platform. A failing write
    (disk full, file too large) raises OutputError.
    """
    path = Path(path)
    staged = _open_staged(path)
    try:
        fd = staged.fd
        assert fd is not None
        keep_open = staged.temp is None  # an unnamed file is lost when its descriptor closes
        handle: IO[Any] = (
            open(fd, "wb", closefd=not keep_open)  # noqa: SIM115  (closed by the with below)
            if binary
            else open(fd, "w", encoding="utf-8", newline="\n", closefd=not keep_open)  # noqa: SIM115
        )
        if not keep_open:
            staged.fd = None
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        staged.discard()
        raise OutputError(f"{path}: cannot write ({_reason(error)})") from None
    except BaseException:
        staged.discard()
        raise
    transaction = _ACTIVE.get()
    if transaction is not None and transaction.covers(path):
        transaction.add(staged)
    else:
        _commit([staged])


@contextlib.contextmanager
def output_transaction(
    directory: str | Path, names: Iterable[str], *, force: bool = False
) -> Iterator[OutputTransaction]:
    """Write the files ``names`` into ``directory`` all together or not at all.

    Before the block runs, refuse (OutputError) what ``check_targets`` refuses, then create the
    directory. Files written with ``atomic_write`` inside the block, to a target or under a
    target that is a directory, replace their targets only when the block ends without an
    exception: each by one rename, and none if one cannot be (a target that is a directory).
    Otherwise they are dropped, and the directories the transaction created are removed again
    while empty.
    """
    directory = Path(directory)
    names = list(names)
    check_targets(directory, names, force=force)
    created = _make_directory(directory)
    _sweep_stale_temporaries(directory)
    transaction = OutputTransaction(directory, names)
    token = _ACTIVE.set(transaction)
    try:
        yield transaction
    except BaseException:
        transaction.discard()
        for path in created:  # only while empty: nothing but this build wrote there
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    finally:
        _ACTIVE.reset(token)
    transaction.commit()


def _commit(staged: list[_Staged]) -> None:
    """Name every file first (a failure there replaces nothing), then rename each into place."""
    with _signals_deferred():
        for item in staged:
            try:
                if _is(item.path, "dir"):
                    raise IsADirectoryError(errno.EISDIR, "is a directory, not replaced")
                item.name_temporarily()
            except (OSError, OutputError) as error:
                for each in staged:
                    each.discard()
                reason = _reason(error) if isinstance(error, OSError) else str(error)
                raise OutputError(f"{item.path}: cannot write ({reason})") from None
        for index, item in enumerate(staged):
            try:
                item.replace_target()
            except OSError as error:
                for rest in staged[index:]:
                    rest.discard()
                raise OutputError(f"{item.path}: cannot replace ({_reason(error)})") from None
        for parent in {item.path.parent for item in staged}:
            _fsync_directory(parent)


def _open_staged(path: Path) -> _Staged:
    directory = path.parent
    if hasattr(os, "O_TMPFILE") and _FD_DIRECTORY.is_dir():
        try:
            fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o666)
        except OSError as error:
            if error.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                raise OutputError(f"{directory}: cannot write ({_reason(error)})") from None
        else:
            return _Staged(path, fd, None)
    while True:
        temp = _temp_path(path)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(f"{directory}: cannot write ({_reason(error)})") from None
        return _Staged(path, fd, temp)


def _temp_path(path: Path, owner: int | None = None) -> Path:
    pid = os.getpid() if owner is None else owner
    return path.with_name(f".{path.name}.kg{pid}-{secrets.token_hex(4)}.tmp")


def check_targets(directory: str | Path, names: Iterable[str], *, force: bool = False) -> None:
    """Refuse (OutputError) a directory path that is a file, and targets that exist unless
    ``force``: a check to run before a long build, so that it fails at once."""
    directory = Path(directory)
    if _is(directory, "exists") and not _is(directory, "dir"):
        raise OutputError(f"{directory}: exists and is not a directory")
    existing = [str(directory / name) for name in names if _is(directory / name, "exists")]
    if existing and not force:
        raise OutputError(f"{', '.join(existing)} already exists; use --force to replace it")


def _is(path: Path, what: str) -> bool:
    """``path.exists()`` or ``path.is_dir()``, with errors such as a too long name as messages."""
    try:
        return path.is_dir() if what == "dir" else path.exists()
    except OSError as error:
        raise OutputError(f"{path}: cannot use as output ({_reason(error)})") from None


def _make_directory(directory: Path) -> list[Path]:
    """Create the directory and its parents; return those created, deepest first."""
    missing = []
    for path in (directory, *directory.parents):
        if _is(path, "exists"):
            break
        missing.append(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{directory}: exists and is not a directory") from None
    except OSError as error:
        raise OutputError(f"{directory}: cannot create directory ({_reason(error)})") from None
    return missing


def _sweep_stale_temporaries(directory: Path) -> None:
    """Remove named temporaries left by a killed process (never those of a live one)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            match = _TEMP_NAME.match(entry.name)
            if match and not _process_alive(int(match["pid"])) and entry.is_file():
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold back interrupting signals so that a commit is never cut between two renames.

    Python runs signal handlers in the main thread whichever thread the signal reaches, so
    the handlers are swapped for one that notes the signal, which is raised again at the end.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous: dict[signal.Signals, Any] = {}
    for signum in _DEFERRED_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is not None and handler is not signal.SIG_IGN:
            previous[signum] = handler
            signal.signal(signum, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for number in dict.fromkeys(received):
            signal.raise_signal(number)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
