"""Build the graph of many reports and write it to an output directory or file.

Inputs are files or directories of reports. Each report is built on its own (in worker
processes, or on a Dask cluster), its graph cached by the checksum of its bytes, then all are
merged into one corpus dataset: a named graph per report and the merged corpus graph.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.aliases import find_aliases
from kg.corpus.cache import BuildCache
from kg.corpus.dataset import CorpusDataset
from kg.corpus.inputs import InputFile, collect_inputs
from kg.corpus.runner import ReportTask, run_tasks
from kg.corpus.task import ReportGraph, Skipped
from kg.errors import ConfigError, InputError, OutputError
from kg.export import Exporter, exporter_for, exporter_for_path
from kg.export.atomic import output_transaction
from kg.export.parallel import write_outputs
from kg.export.rdf import Engine
from kg.rdf.counts import RDF_TYPE, count_types
from kg.rdf.iris import check_base
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.provenance import BuildInfo
from kg.text.metadata import GivenMetadata
from kg.text.reading import read_report_bytes

DEFAULT_FORMATS = ("turtle", "html")
YOUNG_COLLECTION_THRESHOLD = 50_000  # allocations between collections of young objects

Progress = Callable[[int, int], None]  # (reports done, reports to do)


@dataclass(frozen=True)
class BuildSummary:
    """What a build read and wrote, for the CLI to report."""

    inputs: tuple[str, ...]
    written: tuple[Path, ...]
    counts: Counter[str] = field(default_factory=Counter)  # kg.rdf.counts: distinct, merged
    triples: int = 0
    skipped: tuple[Skipped, ...] = ()
    reused: int = 0  # reports taken unchanged from the build cache
    aliases: int = 0  # entity resources merged into another by the alias rules
    # Reports that do not say their region or years, with what they leave unknown.
    unknown: tuple[tuple[str, tuple[str, ...]], ...] = ()


def build(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    force: bool = False,
    base: str = DEFAULT_BASE,
    formats: Sequence[str] = (),
    engine: Engine = "oxigraph",
    build_info: BuildInfo | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    region: str | None = None,
    plan_year: int | None = None,
) -> BuildSummary:
    """Build every input report, merge their graphs, and write them.

    ``output`` is a directory that receives one file per format (``graph.ttl`` and
    ``graph.html`` by default), or a file whose extension names its one format (``out.nq``).
    A report that cannot be read or built is skipped and listed in the summary; if none can be
    built, the first reason is raised as an ``InputError``. ``region`` and ``plan_year`` (the
    review year is the one before) are set for every report, over what its text says.
    """
    given = GivenMetadata.checked(region, plan_year)
    targets = _targets(Path(output), formats)
    check_base(base)
    info = build_info or BuildInfo.from_environment()
    directory = targets[0][1].parent

    # Every output is written to a temporary name and renamed into place only when all of them
    # succeeded: a failed or interrupted build leaves the previous output as it was. Existing
    # outputs are refused (without --force) on entering, before the long part. Files under a
    # directory output (neo4j/) wait for the commit too; the build cache does not.
    with (
        output_transaction(directory, [path.name for _, path in targets], force=force),
        fewer_collections(),
    ):
        corpus = assemble_corpus(
            inputs,
            directory,
            base=base,
            info=info,
            workers=workers,
            scheduler=scheduler,
            use_cache=use_cache,
            progress=progress,
            given=given,
        )
        dataset, results = corpus.dataset, corpus.results
        # Resources of each kind in the merged graph (an entity named by several reports
        # once), as the page and the notebook count them.
        counts = Counter(count_types(dataset.subject_objects(RDF_TYPE)))

        size = dataset.stored_quads()
        counted = write_outputs(dataset.to_knowledge_graph(), targets, engine, workers, size)
        # Counted as a writer streamed the merged graph (here or in a child), or counted now.
        triples = counted if counted is not None else len(dataset)
        corpus.save_cache()
    return BuildSummary(
        inputs=tuple(report.name for report in results),
        written=tuple(path for _, path in targets),
        counts=counts,
        triples=triples,
        skipped=corpus.skipped,
        reused=corpus.reused,
        aliases=corpus.aliases,
        unknown=tuple((report.name, report.unknown) for report in results if report.unknown),
    )


@dataclass(frozen=True)
class AssembledCorpus:
    """Every input's graph in one dataset, aliases merged and labels settled, not yet written."""

    dataset: CorpusDataset
    results: tuple[ReportGraph, ...]
    skipped: tuple[Skipped, ...]
    reused: int
    aliases: int
    cache: BuildCache | None

    def save_cache(self) -> None:
        """Keep the graphs of this build's reports for the next (once the outputs are written)."""
        if self.cache is not None:
            self.cache.save({report.checksum for report in self.results})


def assemble_corpus(
    inputs: Sequence[str | Path],
    directory: Path,
    *,
    base: str,
    info: BuildInfo,
    workers: int = 1,
    scheduler: str | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    given: GivenMetadata | None = None,
) -> AssembledCorpus:
    """Build or take from the cache of ``directory`` each input's graph, and merge them.

    A report that cannot be read or built is skipped and listed; if none can be built, the
    first reason is raised as an ``InputError``. ``kg build`` writes the dataset; ``kg track``
    adds the outcomes of plans to it first."""
    given = given or GivenMetadata.checked(None, None)
    files = collect_inputs(inputs)
    cache = BuildCache(directory, base, given) if use_cache else None
    dataset = CorpusDataset(base)
    results, skipped, reused = _build_reports(
        files, cache, base, info, workers, scheduler, progress, dataset, given
    )
    if not results:
        if len(skipped) == 1:
            raise InputError(skipped[0].reason)
        raise InputError(f"no report could be built ({len(skipped)} skipped): {skipped[0].reason}")

    aliases = find_aliases(entity for report in results for entity in report.entities)
    dataset.merge_aliases(aliases)
    dataset.settle_labels()
    return AssembledCorpus(dataset, tuple(results), tuple(skipped), reused, len(aliases), cache)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """A build makes millions of small objects (records, terms) that live until their report
    is merged: collecting the young ones every 700 allocations costs a tenth of the build and
    frees little, so the collector waits longer for the duration (workers inherit it)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _targets(output: Path, formats: Sequence[str]) -> list[tuple[Exporter, Path]]:
    """The files to write: one named by ``output``'s extension, or one per format in a dir."""
    by_extension = None if output.is_dir() else exporter_for_path(output)
    if by_extension is not None:
        named = [exporter_for(name) for name in formats]
        if any(exporter.name != by_extension.name for exporter in named):
            raise ConfigError(
                f"{output.name} is written as {by_extension.name}; "
                f"give a directory to write other formats"
            )
        return [(by_extension, output)]
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output}: exists and is not a directory")
    exporters = {e.name: e for e in (exporter_for(name) for name in formats or DEFAULT_FORMATS)}
    return [(exporter, output / exporter.filename) for exporter in exporters.values()]


def _build_reports(
    files: Sequence[InputFile],
    cache: BuildCache | None,
    base: str,
    info: BuildInfo,
    workers: int,
    scheduler: str | None,
    progress: Progress | None,
    dataset: CorpusDataset,
    given: GivenMetadata,
) -> tuple[list[ReportGraph], list[Skipped], int]:
    """Build or take from the cache each input's graph and add it to ``dataset`` as soon as it
    is there.

    Returns the reports in input order without their N-Triples text (merged already, so that a
    big corpus is held once, in the store), what was skipped, and how many came from the cache.
    """
    merged: set[str] = set()  # checksums: the same bytes twice are one report

    def take(report: ReportGraph, *, check: bool) -> ReportGraph:
        if report.checksum not in merged:
            merged.add(report.checksum)
            dataset.add_report(report, check=check)
        return dataclasses.replace(report, ntriples=b"")

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
        slots.append(take(cached, check=True) if cached else None)  # it may be damaged
        if cached is None:
            tasks.append((index, ReportTask(file.name, file_name, data)))
    reused = sum(isinstance(slot, ReportGraph) for slot in slots)
    # The cached reports are loaded before the workers start: they are forked from this
    # process, which must have no other thread by then.
    try:
        dataset.wait_for_loads()
    except InputError as error:
        where = cache.directory if cache else "the build cache"
        raise InputError(f"{error}; {where} is damaged: build again with --no-cache") from None

    done = 0
    if progress:
        progress(done, len(tasks))
    runs = run_tasks(
        [task for _, task in tasks], base, info, workers=workers, scheduler=scheduler, given=given
    )
    for task_index, result in runs:
        position, task = tasks[task_index]
        if isinstance(result, ReportGraph):
            if cache is not None:
                cache.put(result, task.file_name)
            result = take(result, check=False)  # just made: valid by construction
        slots[position] = result
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
            checksums.add(slot.checksum)
            results.append(slot)
    return results, skipped, reused


def _read_bytes(file: InputFile) -> bytes:
    return read_report_bytes(file.path)  # bounded in size; "-" is standard input
