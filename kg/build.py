"""Build the graph of one or more reports and write it to an output directory or file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ConfigError, OutputError
from kg.export import Exporter, exporter_for, exporter_for_path
from kg.export.rdf import Engine
from kg.pipeline import extract_file
from kg.rdf.dataset import KnowledgeGraph
from kg.rdf.graph import report_triples
from kg.rdf.iris import check_base
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.provenance import BuildInfo

DEFAULT_FORMATS = ("turtle", "html")


@dataclass(frozen=True)
class BuildSummary:
    """What a build read and wrote, for the CLI to report."""

    inputs: tuple[str, ...]
    written: tuple[Path, ...]
    counts: Counter[str] = field(default_factory=Counter)
    triples: int = 0


def build(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    force: bool = False,
    base: str = DEFAULT_BASE,
    formats: Sequence[str] = (),
    engine: Engine = "oxigraph",
    build_info: BuildInfo | None = None,
) -> BuildSummary:
    """Extract every input, merge their graphs, and write them.

    ``output`` is a directory that receives one file per format (``graph.ttl`` and
    ``graph.html`` by default), or a file whose extension names its one format (``out.nq``).
    """
    targets = _targets(Path(output), formats)
    if not force:
        existing = [str(path) for _, path in targets if path.exists()]
        if existing:
            raise OutputError(f"{', '.join(existing)} already exists; use --force to replace it")
    check_base(base)
    info = build_info or BuildInfo.from_environment()

    extractions = [extract_file(path) for path in inputs]
    graph = KnowledgeGraph.of(
        (report_triples(extraction, base=base, build=info) for extraction in extractions), base
    )
    counts: Counter[str] = Counter()
    for extraction in extractions:
        counts.update(entity.type.value for entity in extraction.entities)
        counts["Action"] += len(extraction.actions)
        counts["Metric"] += len(extraction.metrics)

    directory = targets[0][1].parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{directory}: cannot create directory ({error.strerror})") from None
    for exporter, path in targets:
        exporter.write(graph, path, engine)
    return BuildSummary(
        inputs=tuple(e.report.source_name for e in extractions),
        written=tuple(path for _, path in targets),
        counts=counts,
        triples=len(graph),
    )


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
