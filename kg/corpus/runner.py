"""Run report tasks serially, on a local process pool, or on a Dask cluster.

Each worker process loads jieba's dictionary and the spaCy pipeline once (``warm_up``), then
builds reports one after another; results come back as they finish, for the progress bar.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.context import BaseContext

from kg.corpus.task import ReportGraph, Skipped, build_report, warm_up
from kg.errors import ConfigError
from kg.processes import become_child_of, can_fork, stops_held_back
from kg.rdf.provenance import BuildInfo
from kg.text.metadata import GivenMetadata

SCHEDULER_TIMEOUT = 30  # seconds to wait for a Dask scheduler to answer
Result = ReportGraph | Skipped
Finished = tuple[int, Result]  # (index of the task, its result)


@dataclass(frozen=True, slots=True)
class ReportTask:
    """One report to build: where it came from, the name its suffix is read by, its bytes."""

    name: str
    file_name: str
    data: bytes


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_tasks(
    tasks: Sequence[ReportTask],
    base: str,
    build: BuildInfo,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    given: GivenMetadata | None = None,
) -> Iterator[Finished]:
    """Build every task's report; yield (task index, result) in the order they finish.

    ``given`` (the region and plan year set for the whole build) is plain data: it crosses to
    the workers with each task.
    """
    if not tasks:
        return iter([])
    if scheduler:
        return _run_on_dask(tasks, base, build, scheduler, given)
    if workers <= 1 or len(tasks) == 1:
        return _run_here(tasks, base, build, given)
    return _run_on_pool(tasks, base, build, min(workers, len(tasks)), given)


def _run_here(
    tasks: Sequence[ReportTask], base: str, build: BuildInfo, given: GivenMetadata | None
) -> Iterator[Finished]:
    warm_up()
    for index, task in enumerate(tasks):
        yield index, build_report(task.name, task.file_name, task.data, base, build, given)


def _run_on_pool(
    tasks: Sequence[ReportTask],
    base: str,
    build: BuildInfo,
    workers: int,
    given: GivenMetadata | None,
) -> Iterator[Finished]:
    # "fork" lets workers share the pipeline the parent loaded once (copy on write); a forked
    # child of a threaded parent can deadlock, so a threaded parent uses "spawn".
    context: BaseContext
    if can_fork():
        # The loaded pipeline is out of the collector's sight (load_pipeline freezes it), so
        # the workers' collections do not copy its pages: they stay shared.
        warm_up()
        context = get_context("fork")
    else:
        context = get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),)
    ) as pool:
        try:
            with stops_held_back():  # the first submission forks the workers
                index_of: dict[Future[Result], int] = {
                    pool.submit(
                        build_report, task.name, task.file_name, task.data, base, build, given
                    ): i
                    for i, task in _largest_first(tasks)
                }
            pending = set(index_of)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield index_of[future], future.result()
        except BaseException:
            _stop_pool(pool)
            raise


def _largest_first(tasks: Sequence[ReportTask]) -> list[tuple[int, ReportTask]]:
    """The tasks with their indexes, largest input first: the workers then end together, with
    small reports left to fill the gaps, instead of one worker alone on a big last report."""
    return sorted(enumerate(tasks), key=lambda item: -len(item[1].data))


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stopped (Ctrl-C, SIGTERM) or failed: drop the reports not started yet and end the
    running ones, so that leaving the pool does not wait for the whole corpus."""
    workers = dict(getattr(pool, "_processes", None) or {})  # shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers.values():
        worker.terminate()


def _start_worker(parent: int) -> None:
    become_child_of(parent)
    warm_up()


def _run_on_dask(
    tasks: Sequence[ReportTask],
    base: str,
    build: BuildInfo,
    address: str,
    given: GivenMetadata | None,
) -> Iterator[Finished]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ConfigError("--scheduler needs Dask: pip install 'govreport-kg[dask]'") from None
    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as error:
        raise ConfigError(f"cannot reach the Dask scheduler at {address} ({error})") from None
    with client, client.as_current():
        client.run(warm_up)
        index_of = {
            client.submit(
                build_report, t.name, t.file_name, t.data, base, build, given, pure=False
            ): index
            for index, t in _largest_first(tasks)
        }
        for future in as_completed(index_of):  # type: ignore[no-untyped-call]
            result: Result = future.result()
            yield index_of[future], result
