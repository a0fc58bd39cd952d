"""``kg track``: build the reports' graph, join each year's plan with the next year's review,
and write the graph with its outcomes, the two CSV tables and the page, all or none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.build import Progress, assemble_corpus, fewer_collections
from kg.corpus.task import Skipped
from kg.errors import OutputError
from kg.export import exporter_for
from kg.export.atomic import output_transaction
from kg.export.parallel import write_outputs
from kg.rdf.iris import check_base
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.provenance import BuildInfo
from kg.track.facts import (
    GraphReader,
    read_metrics,
    read_projects,
    read_reports,
    read_sentences,
)
from kg.track.page import write_outcomes_page
from kg.track.projects import follow_projects
from kg.track.rdf import outcome_ntriples, outcomes_graph_iri
from kg.track.records import ProjectOutcome, TargetOutcome
from kg.track.tables import (
    PROJECT_COLUMNS,
    TARGET_COLUMNS,
    project_rows,
    target_rows,
    write_csv,
)
from kg.track.targets import join_targets
from kg.track.texts import ReportTexts

GRAPH_FILE = "graph.ttl"
TARGETS_FILE = "targets.csv"
PROJECTS_FILE = "projects.csv"
PAGE_FILE = "plans-and-outcomes.html"
OUTPUT_FILES = (GRAPH_FILE, TARGETS_FILE, PROJECTS_FILE, PAGE_FILE)


@dataclass(frozen=True)
class Outcomes:
    targets: tuple[TargetOutcome, ...]
    projects: tuple[ProjectOutcome, ...]


@dataclass(frozen=True)
class TrackSummary:
    """What ``kg track`` read and wrote, for the CLI to report."""

    inputs: tuple[str, ...]
    written: tuple[Path, ...]
    verdicts: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    skipped: tuple[Skipped, ...] = ()


def find_outcomes(store: ox.Store, texts: ReportTexts | None = None) -> Outcomes:
    """The targets and projects of every plan in ``store`` whose year's review is there too;
    projects are searched for in the reports' ``texts`` where given, else in the sentences the
    graph holds."""
    reader = GraphReader(store)
    reports = read_reports(reader)
    targets = join_targets(read_metrics(reader), reports)
    sentences = read_sentences(reader)
    if texts is not None:
        sentences |= texts.sentences()
    projects = follow_projects(read_projects(reader), reports, sentences)
    return Outcomes(tuple(targets), tuple(projects))


def track(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    force: bool = False,
    base: str = DEFAULT_BASE,
    build_info: BuildInfo | None = None,
    workers: int = 1,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> TrackSummary:
    """Build ``inputs`` and write into the directory ``output``: ``graph.ttl`` (the reports'
    graph and the outcomes), ``targets.csv``, ``projects.csv`` and ``plans-and-outcomes.html``.

    Existing outputs are replaced only with ``force``; a failure leaves them as they were."""
    directory = Path(output)
    if directory.exists() and not directory.is_dir():
        raise OutputError(f"{directory}: exists and is not a directory")
    check_base(base)
    info = build_info or BuildInfo.from_environment()
    with output_transaction(directory, OUTPUT_FILES, force=force), fewer_collections():
        corpus = assemble_corpus(
            inputs,
            directory,
            base=base,
            info=info,
            workers=workers,
            use_cache=use_cache,
            progress=progress,
        )
        dataset = corpus.dataset
        texts = ReportTexts.read(inputs, base)
        outcomes = find_outcomes(dataset.store, texts)
        cited = (o.follow_up.sentence.iri for o in outcomes.projects if o.follow_up)
        dataset.add_graph(
            outcomes_graph_iri(base),
            outcome_ntriples(outcomes.targets, outcomes.projects, base)
            + texts.missing_triples(cited, dataset.store, info),
        )
        graph = directory / GRAPH_FILE
        write_outputs(
            dataset.to_knowledge_graph(),
            [(exporter_for("turtle"), graph)],
            "oxigraph",
            1,
            dataset.stored_quads(),
        )
        targets, projects = target_rows(outcomes.targets), project_rows(outcomes.projects)
        write_csv(directory / TARGETS_FILE, TARGET_COLUMNS, targets)
        write_csv(directory / PROJECTS_FILE, PROJECT_COLUMNS, projects)
        write_outcomes_page(directory / PAGE_FILE, targets, projects)
        corpus.save_cache()
    return TrackSummary(
        inputs=tuple(report.name for report in corpus.results),
        written=tuple(directory / name for name in OUTPUT_FILES),
        verdicts=Counter(outcome.verdict for outcome in outcomes.targets),
        statuses=Counter(outcome.next_status for outcome in outcomes.projects),
        skipped=corpus.skipped,
    )
