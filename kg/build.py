"""Build the graph of one or more reports and write it to an output directory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.errors import OutputError
from kg.export import exporter_for
from kg.pipeline import extract_file
from kg.rdf import extraction_to_graph
from kg.rdf.graph import bind_prefixes
from kg.rdf.namespaces import DEFAULT_BASE

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
    outdir: str | Path,
    *,
    force: bool = False,
    base: str = DEFAULT_BASE,
    formats: Sequence[str] = DEFAULT_FORMATS,
) -> BuildSummary:
    """Extract every input, merge their graphs, and write one file per format into ``outdir``."""
    out = Path(outdir)
    targets = [(exporter_for(name), name) for name in formats]
    paths = [out / filename for (_, filename), _ in targets]
    if not force:
        existing = [str(p) for p in paths if p.exists()]
        if existing:
            raise OutputError(f"{', '.join(existing)} already exists; use --force to replace it")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a directory")

    extractions = [extract_file(path) for path in inputs]
    graph = Graph()
    bind_prefixes(graph, base)
    counts: Counter[str] = Counter()
    for extraction in extractions:
        graph += extraction_to_graph(extraction, base=base)
        counts.update(entity.type.value for entity in extraction.entities)
        counts["Action"] += len(extraction.actions)
        counts["Metric"] += len(extraction.metrics)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out}: cannot create directory ({error.strerror})") from None
    for ((write, _), _name), path in zip(targets, paths, strict=True):
        write(graph, path)
    return BuildSummary(
        inputs=tuple(e.report.source_name for e in extractions),
        written=tuple(paths),
        counts=counts,
        triples=len(graph),
    )
