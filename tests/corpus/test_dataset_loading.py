"""Reports are loaded into the corpus store in the background: reading the store waits for
every report added so far, and a report that does not parse fails there, not silently."""

from __future__ import annotations

import threading
from multiprocessing.context import BaseContext
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.corpus.dataset import CorpusDataset
from kg.corpus.task import ReportGraph
from kg.errors import InputError
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")

BASE = "https://example.org/id/"


def report(number: int, lines: int) -> ReportGraph:
    iri = f"{BASE}report/{number}"
    text = "".join(f'<{BASE}s/{number}-{i}> <{BASE}p> "第{i}句"@zh .\n' for i in range(lines))
    return ReportGraph(f"r{number}", str(number), iri, text.encode(), (), ())


def test_the_store_holds_every_report_added_before_it_is_read() -> None:
    threads = threading.active_count()
    dataset = CorpusDataset(BASE)
    sizes = {1: 3000, 2: 1, 3: 5000}
    for number, lines in sizes.items():
        dataset.add_report(report(number, lines))
    store = dataset.store
    # The loading thread has ended: a build that writes side by side may fork now.
    assert threading.active_count() == threads
    assert len(store) == sum(sizes.values())
    for number, lines in sizes.items():
        graph = ox.NamedNode(f"{BASE}report/{number}")
        assert len(list(store.quads_for_pattern(None, None, None, graph))) == lines


def test_reports_added_after_a_read_are_loaded_too() -> None:
    dataset = CorpusDataset(BASE)
    dataset.add_report(report(1, 10))
    assert len(dataset.store) == 10
    dataset.add_report(report(2, 20))
    assert len(dataset.store) == 30


def test_a_report_that_does_not_parse_fails_when_the_store_is_read() -> None:
    dataset = CorpusDataset(BASE)
    broken = ReportGraph("bad", "0", f"{BASE}report/0", b"<not an IRI> <p> <o> .\n", (), ())
    dataset.add_report(broken)
    with pytest.raises(InputError, match="bad: its graph does not parse"):
        _ = dataset.store
    assert len(dataset.store) == 0  # all or nothing


def test_an_unchecked_load_gives_the_same_store_and_a_checked_one_catches_a_bad_iri() -> None:
    """A graph this build made loads without the IRI check (faster) into the same store; a
    graph from disk is checked, and a relative IRI, which parses but is not RDF, is refused."""
    checked, unchecked = CorpusDataset(BASE), CorpusDataset(BASE)
    checked.add_report(report(1, 50))
    unchecked.add_report(report(1, 50), check=False)
    assert set(checked.store) == set(unchecked.store) and len(checked.store) == 50
    relative = ReportGraph("r9", "9", f"{BASE}report/9", b'<s/9> <p> "x" .\n', (), ())
    dataset = CorpusDataset(BASE)
    dataset.add_report(relative)
    with pytest.raises(InputError, match="r9: its graph does not parse"):
        _ = dataset.store


def test_workers_start_forked_after_reports_from_the_cache_are_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cached reports are loaded before the workers start, so the process has no loading
    thread when it forks them (a threaded process must spawn them, far slower)."""
    from kg.build import build
    from kg.corpus import runner

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(3):
        (corpus / f"r{index}.txt").write_text(f"第{index}号报告\n{TEXT}", encoding="utf-8")
    build([corpus], tmp_path / "out", formats=("ntriples",))
    for index in (1, 2):  # two changed reports: built again, by two workers
        (corpus / f"r{index}.txt").write_text(f"第{index}号报告（修订）\n{TEXT}", encoding="utf-8")
    threads_at_start: list[set[str]] = []
    get_context = runner.get_context

    def recorded(method: str) -> BaseContext:
        threads_at_start.append({thread.name for thread in threading.enumerate()})
        return get_context(method)

    monkeypatch.setattr(runner, "get_context", recorded)
    summary = build([corpus], tmp_path / "out", formats=("ntriples",), workers=2, force=True)
    assert summary.reused == 1
    (threads,) = threads_at_start
    assert not any(name.startswith("kg-store-load") for name in threads)
