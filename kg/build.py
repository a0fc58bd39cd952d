"""Build the graph of many reports and write it to an output directory.

Inputs are files or directories of reports. Each report is built on its own (in worker
processes, or on a Dask cluster), its graph cached by the checksum of its bytes, then all are
merged into one corpus dataset: a named graph per report and the merged corpus graph.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.aliases import find_aliases
from kg.corpus.cache import BuildCache
from kg.corpus.dataset import DATASET_FORMATS, CorpusDataset
from kg.corpus.inputs import InputFile, collect_inputs
from kg.corpus.runner import ReportTask, run_tasks
from kg.corpus.task import ReportGraph, Skipped
from kg.errors import InputError, OutputError
from kg.export import exporter_for
from kg.rdf.namespaces import DEFAULT_BASE

DEFAULT_FORMATS = ("turtle", "html")

Progress = Callable[[int, int], None]  # (reports done, reports to do)


@dataclass(frozen=True)
class BuildSummary:
    """What a build read and wrote, for the CLI to report."""

    inputs: tuple[str, ...]
    written: tuple[Path, ...]
    counts: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    skipped: tuple[Skipped, ...] = ()
    reused: int = 0  # reports taken unchanged from the build cache
    aliases: int = 0  # entity resources merged into another by the alias rules


def build(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    *,
    force: bool = False,
    base: str = DEFAULT_BASE,
    formats: Sequence[str] = DEFAULT_FORMATS,
    workers: int = 1,
    scheduler: str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build every input report, merge their graphs, and write one file per format.

    A report that cannot be read or built is skipped and listed in the summary; if none can be
    built, the first reason is raised as an ``InputError``.
    """
    out = Path(outdir)
    targets = [(name, out / _file_name(name)) for name in dict.fromkeys(formats)]
    _check_output(out, [path for _, path in targets], force=force)

    files = collect_inputs(inputs)
    cache = BuildCache(out, base) if use_cache else None
    results, skipped, reused = _build_reports(files, cache, base, workers, scheduler, progress)
    if not results:
        if len(skipped) == 1:
            raise InputError(skipped[0].reason)
        raise InputError(f"no report could be built ({len(skipped)} skipped): {skipped[0].reason}")

    aliases = find_aliases(entity for report in results for entity in report.entities)
    dataset = CorpusDataset(aliases, base)
    counts: Counter[str] = Counter()
    for report in results:
        dataset.add_report(report)
        counts.update(dict(report.counts))
    dataset.settle_labels()

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot create directory ({error.strerror})") from None
    rdflib_graph = None
    for name, path in targets:
        if name in DATASET_FORMATS:
            dataset.write(name, path)
        else:
            if rdflib_graph is None:
                rdflib_graph = dataset.to_rdflib()
            write, _ = exporter_for(name)
            write(rdflib_graph, path)
    if cache is not None:
        cache.save({report.checksum for report in results})
    return BuildSummary(
        inputs=tuple(report.name for report in results),
        written=tuple(path for _, path in targets),
        counts=counts,
        triples=len(dataset),
        skipped=tuple(skipped),
        reused=reused,
        aliases=len(aliases),
    )


def _file_name(format_name: str) -> str:
    if format_name in DATASET_FORMATS:
        return DATASET_FORMATS[format_name][2]
    return exporter_for(format_name)[1]


def _check_output(out: Path, paths: Iterable[Path], *, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a directory")
    if not force:
        existing = [str(p) for p in paths if p.exists()]
        if existing:
            raise OutputError(f"{', '.join(existing)} already exists; use --force to replace it")


def _build_reports(
    files: Sequence[InputFile],
    cache: BuildCache | None,
    base: str,
    workers: int,
    scheduler: str | None,
    progress: Progress | None,
) -> tuple[list[ReportGraph], list[Skipped], int]:
    """Each input's graph, from the cache or built anew, in input order; and what was skipped."""
    slots: list[ReportGraph | Skipped | None] = []
    tasks: list[tuple[int, ReportTask]] = []
    for index, file in enumerate(files):
        try:
            data = _read_bytes(file)
        except InputError as error:
            slots.append(Skipped(file.name, str(error)))
            continue
        file_name = "stdin" if file.is_stdin else Path(file.path).name
        checksum = hashlib.sha256(data).hexdigest()
        cached = cache.get(checksum, file.name, file_name) if cache else None
        slots.append(cached)
        if cached is None:
            tasks.append((index, ReportTask(file.name, file_name, data)))
    reused = sum(isinstance(slot, ReportGraph) for slot in slots)

    done = 0
    if progress:
        progress(done, len(tasks))
    runs = run_tasks([task for _, task in tasks], base, workers=workers, scheduler=scheduler)
    for task_index, result in runs:
        position, task = tasks[task_index]
        slots[position] = result
        if cache is not None and isinstance(result, ReportGraph):
            cache.put(result, task.file_name)
        done += 1
        if progress:
            progress(done, len(tasks))

    results: list[ReportGraph] = []
    skipped: list[Skipped] = []
    checksums: set[str] = set()
    for slot in slots:
        if isinstance(slot, Skipped):
            skipped.append(slot)
        elif isinstance(slot, ReportGraph) and slot.checksum not in checksums:
            checksums.add(slot.checksum)  # the same bytes twice are one report
            results.append(slot)
    return results, skipped, reused


def _read_bytes(file: InputFile) -> bytes:
    if file.is_stdin:
        return sys.stdin.buffer.read()
    path = Path(file.path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a report file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
