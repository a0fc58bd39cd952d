"""Build the graph of one or more reports and write it to an output directory."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.export import exporter_for
from kg.export.atomic import output_transaction
from kg.pipeline import extract_file
from kg.rdf import extraction_to_graph
from kg.rdf.graph import bind_prefixes
from kg.rdf.namespaces import DEFAULT_BASE
from kg.records import Extraction

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
    # Every output is written to a temporary file and renamed into place only when all succeeded.
    with output_transaction(out, [path.name for path in paths], force=force):
        extractions, graph, counts = _extract_all(inputs, base)
        for ((write, _), _name), path in zip(targets, paths, strict=True):
            write(graph, path)
    return BuildSummary(
        inputs=tuple(e.report.source_name for e in extractions),
        written=tuple(paths),
        counts=counts,
        triples=len(graph),
    )


def _extract_all(
    inputs: Sequence[str | Path], base: str
) -> tuple[list[Extraction], Graph, Counter[str]]:
    extractions = [extract_file(path) for path in inputs]
    graph = Graph()
    bind_prefixes(graph, base)
    counts: Counter[str] = Counter()
    for extraction in extractions:
        graph += extraction_to_graph(extraction, base=base)
        counts.update(entity.type.value for entity in extraction.entities)
        counts["Action"] += len(extraction.actions)
        counts["Metric"] += len(extraction.metrics)
    return extractions, graph, counts
