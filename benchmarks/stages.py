"""Time each stage of a single-process build on the same texts as the jieba floor.

Used by ``run.py``; the stages are those of ``kg.pipeline.extract_source`` and ``kg.build``,
called one by one so that each gets its own clock.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def time(self, stage: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        result = work()
        self.seconds[stage] += time.perf_counter() - start
        return result


def stage_times(files: Sequence[Path]) -> dict[str, float]:
    """Seconds per stage for building ``files`` in this process (pipeline already loaded)."""
    from kg.corpus.aliases import find_aliases
    from kg.corpus.dataset import CorpusDataset
    from kg.corpus.task import build_report
    from kg.export.html import write_html
    from kg.extract.actions import find_actions
    from kg.extract.entities import resolve_entities
    from kg.extract.metrics import find_metrics
    from kg.nlp import find_mentions
    from kg.rdf import extraction_to_graph
    from kg.rdf.namespaces import DEFAULT_BASE
    from kg.records import Extraction
    from kg.text.reading import source_from_bytes
    from kg.text.segment import segment_report

    clock = Clock()
    for path in files:
        data = clock.time("read and decode", path.read_bytes)
        source = clock.time("read and decode", lambda: source_from_bytes(data, path.name))
        report = clock.time("segment (sections, sentences)", lambda: segment_report(source))
        mentions = clock.time(
            "nlp: spaCy + jieba + entity ruler", lambda: list(find_mentions(report))
        )
        entities = clock.time("extract: entities", lambda: resolve_entities(mentions))
        metrics = clock.time("extract: metrics", lambda: tuple(find_metrics(report)))
        actions = clock.time("extract: actions", lambda: tuple(find_actions(report, mentions)))
        extraction = Extraction(report, entities, metrics, actions)
        graph = clock.time("rdf: records -> rdflib graph", lambda: extraction_to_graph(extraction))
        clock.time("rdf: graph -> N-Triples", lambda: graph.serialize(format="nt"))
    # The merge and the writers, on the reports' graphs as the build makes them.
    reports = [build_report(p.name, p.name, p.read_bytes(), DEFAULT_BASE) for p in files]
    good = [r for r in reports if not hasattr(r, "reason")]
    aliases = clock.time(
        "merge: aliases", lambda: find_aliases(e for r in good for e in r.entities)
    )  # type: ignore[union-attr]
    dataset = CorpusDataset(aliases, DEFAULT_BASE)
    clock.time("merge: into the corpus store", lambda: [dataset.add_report(r) for r in good])  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as out:
        clock.time("write: Turtle", lambda: dataset.write("turtle", Path(out) / "graph.ttl"))
        graph = clock.time("write: store -> rdflib for HTML", dataset.to_rdflib)
        clock.time("write: HTML page", lambda: write_html(graph, Path(out) / "graph.html"))
    return dict(clock.seconds)
