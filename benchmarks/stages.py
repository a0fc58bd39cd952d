"""Time each stage of a single-process build on the same texts as the jieba floor.

Used by ``run.py``; the stages are those of ``kg.pipeline.extract_source``,
``kg.corpus.task.build_report`` and ``kg.build``, called one by one so that each gets its own
clock (the sum is a little more than a build, which does not time itself).
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def time(self, stage: str, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        result = work(*args, **kwargs)
        self.seconds[stage] += time.perf_counter() - start
        return result


def stage_times(files: Sequence[Path]) -> dict[str, float]:
    """Seconds per stage for building ``files`` in this process (pipeline already loaded),
    with the collector set as a build sets it."""
    from kg.build import fewer_collections

    with fewer_collections():
        return _stage_times(files)


def _stage_times(files: Sequence[Path]) -> dict[str, float]:
    from kg.corpus.aliases import find_aliases
    from kg.corpus.dataset import CorpusDataset
    from kg.corpus.task import build_report
    from kg.export.html import write_html
    from kg.export.registry import exporter_for
    from kg.extract.actions import find_actions
    from kg.extract.entities import resolve_entities
    from kg.extract.metrics import find_metrics
    from kg.rdf.graph import report_triples
    from kg.rdf.namespaces import DEFAULT_BASE
    from kg.rdf.provenance import BuildInfo
    from kg.records import Extraction
    from kg.text.reading import source_from_bytes
    from kg.text.segment import segment_report

    clock = Clock()
    info = BuildInfo.from_environment()
    for path in files:
        source = clock.time("read and decode", source_from_bytes, path.read_bytes(), path.name)
        report = clock.time("text: sections, sentences", segment_report, source)
        mentions = clock.time("nlp: spaCy (jieba + entity components)", _mentions, report)
        entities = clock.time("extract: entities", resolve_entities, mentions)
        metrics = clock.time("extract: metrics", _all, find_metrics, report, mentions)
        actions = clock.time("extract: actions", _all, find_actions, report, mentions)
        extraction = Extraction(report, entities, metrics, actions)
        clock.time("rdf: records -> N-Triples", report_triples, extraction, build=info)
    # The merge and the writers, on the reports' graphs as the build makes them.
    results = [build_report(p.name, p.name, p.read_bytes(), DEFAULT_BASE, info) for p in files]
    good: list[Any] = [r for r in results if not hasattr(r, "reason")]
    rows = [entity for r in good for entity in r.entities]
    aliases = clock.time("merge: aliases", find_aliases, rows)
    dataset = CorpusDataset(DEFAULT_BASE)
    for report_graph in good:
        # Timed with the wait for its background load: the work, not the overlap, is measured.
        clock.time("merge: reports into the corpus store", _load, dataset, report_graph)
    clock.time("merge: aliases rewritten", dataset.merge_aliases, aliases)
    clock.time("merge: one label per resource", dataset.settle_labels)
    graph = clock.time("merge: store -> KnowledgeGraph", dataset.to_knowledge_graph)
    with tempfile.TemporaryDirectory() as out:
        turtle = exporter_for("turtle").write
        clock.time("write: Turtle (sorted)", turtle, graph, Path(out) / "g.ttl", "oxigraph")
        page = Path(out) / "g.html"
        clock.time("write: HTML page (view read from the store)", write_html, graph, page)
    return dict(clock.seconds)


def _load(dataset: Any, report_graph: Any) -> None:
    dataset.add_report(report_graph, check=False)  # as a build loads a graph it just made
    _ = dataset.store


def _mentions(report: Any) -> list[Any]:
    from kg.nlp import find_mentions

    return list(find_mentions(report))


def _all(find: Callable[..., Any], *args: Any) -> tuple[Any, ...]:
    return tuple(find(*args))
