"""Write a build's outputs side by side, one per core.

The writers are Python work on the merged graph (the Turtle's order, the page's view), so two
of them on two cores take the time of the longer one instead of the sum. Each output but the
last is written by a forked child, which reads the graph as the parent holds it (copy on write,
nothing is sent); the parent writes the rest meanwhile. A child's files go back to the parent's
output transaction (unnamed files as open descriptors over a socket), to be renamed into place
with the others or dropped with them: a killed build still leaves nothing behind.
"""

from __future__ import annotations

import glob
import os
import traceback
from collections.abc import Sequence
from multiprocessing import get_context
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import recv_handle, send_handle
from pathlib import Path

from kg.errors import KgError, OutputError
from kg.export.atomic import active_transaction
from kg.export.rdf import Engine
from kg.export.registry import Exporter
from kg.processes import become_child_of, can_fork, stops_held_back
from kg.rdf.dataset import KnowledgeGraph

Target = tuple[Exporter, Path]
Handed = list[tuple[Path, Path | None]]  # a child's files: (target, named temporary or None)


# Above this many triples the outputs are written one after another. A child copies every page
# that either process writes to after the fork (allocator state, reference counts), which grows
# with the graph: at ten copies of the provincial corpus (2 million triples) writing side by side
# took the build's peak from 1.2 to 1.6-1.7 GiB (two runs) to save 1-2 of 34 seconds.
MAX_TRIPLES_SIDE_BY_SIDE = 1_000_000


def write_outputs(
    graph: KnowledgeGraph,
    targets: Sequence[Target],
    engine: Engine,
    workers: int = 1,
    size: int | None = None,
) -> int | None:
    """Write each target; up to ``workers`` of them at once where processes can fork and the
    graph is not too big to copy (``size``: its triples, or the reports' triples together;
    counted if not given). Returns the merged graph's triples if a writer counted them."""
    children = min(workers, len(targets)) - 1
    if children >= 1 and size is None:
        size = len(graph)
    if children < 1 or not can_fork() or (size or 0) > MAX_TRIPLES_SIDE_BY_SIDE:
        for exporter, path in targets:
            exporter.write(graph, path, engine)
        return graph.streamed_length()
    started: list[tuple[BaseProcess, Connection, Path]] = []
    taken = 0
    counted = None
    try:
        for exporter, path in targets[:children]:
            started.append((*_start(graph, exporter, path, engine), path))
        for exporter, path in targets[children:]:
            exporter.write(graph, path, engine)
        counted = graph.streamed_length()
        for _, receive, path in started:
            counted = _take(receive, path) or counted
            taken += 1
    finally:
        # Stopped or failed: end the children not taken yet and remove what they wrote.
        for index, (process, receive, path) in enumerate(started):
            stopped = index >= taken
            if stopped:
                process.terminate()
            process.join()
            receive.close()
            if stopped:
                _remove_leftovers(path, process.pid)
    return counted


def _start(
    graph: KnowledgeGraph, exporter: Exporter, path: Path, engine: Engine
) -> tuple[BaseProcess, Connection]:
    context = get_context("fork")
    receive, send = context.Pipe(duplex=True)  # a socket pair: it carries descriptors
    process = context.Process(
        target=_write_in_child,
        args=(send, graph, exporter, path, engine, os.getpid()),
        name=f"kg-write-{exporter.name}",
        daemon=True,
    )
    with stops_held_back():
        process.start()
    send.close()  # the child holds the other end: reading sees EOF if it dies
    return process, receive


def _write_in_child(
    send: Connection,
    graph: KnowledgeGraph,
    exporter: Exporter,
    path: Path,
    engine: Engine,
    parent: int,
) -> None:
    become_child_of(parent)
    try:
        exporter.write(graph, path, engine)
        transaction = active_transaction()
        files = transaction.hand_over(parent) if transaction else []
        handed: Handed = [(target, temp) for target, _, temp in files]
        send.send(("written", (handed, graph.streamed_length())))
        for _, fd, temp in files:  # an unnamed file follows its entry as a descriptor
            if temp is None and fd is not None:
                send_handle(send, fd, parent)
    except KgError as error:
        send.send(("failed", error))
    except Exception as error:  # a bug: the parent reports it with the child's traceback
        send.send(("crashed", f"writing {path.name}: {error!r}\n{traceback.format_exc()}"))
    finally:
        send.close()


def _take(receive: Connection, path: Path) -> int | None:
    """Adopt what a child wrote, or raise the error it met; the triples it counted, if any."""
    try:
        status, payload = receive.recv()
    except EOFError:
        raise OutputError(f"{path}: cannot write (the process writing it ended early)") from None
    if status == "failed":
        raise payload
    if status == "crashed":
        raise RuntimeError(payload)
    transaction = active_transaction()
    handed, counted = payload
    for target, temp in handed:
        fd = recv_handle(receive) if temp is None else None
        if transaction is not None:
            transaction.adopt(target, fd, temp)
    return counted  # type: ignore[no-any-return]


def _remove_leftovers(path: Path, child: int | None) -> None:
    """Remove what a stopped child wrote for ``path``: temporaries named after it or after this
    process (the parent never writes a child's target, so every such file is the child's)."""
    for pid in {os.getpid(), child}:
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.kg{pid}-*.tmp"):
            leftover.unlink(missing_ok=True)
