"""The same build on a Dask cluster (a local one here) gives the same graph as a local build."""

from __future__ import annotations

from pathlib import Path

import pytest
from distributed import LocalCluster

from kg.build import build
from kg.errors import ConfigError
from tests.conftest import SAMPLE


def test_build_on_a_dask_cluster_matches_the_local_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the same build time in both builds
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for index in range(2):
        (corpus / f"r{index}.txt").write_text(f"第{index}号\n{text}", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x00\x01binary")

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = build(
            [corpus], tmp_path / "dask", formats=("ntriples",), scheduler=cluster.scheduler_address
        )
    local = build([corpus], tmp_path / "local", formats=("ntriples",), workers=1)

    assert on_dask.inputs == local.inputs and len(on_dask.inputs) == 2
    assert [s.name for s in on_dask.skipped] == [str(corpus / "bad.txt")]
    assert on_dask.triples == local.triples > 1000
    dask_lines = set((tmp_path / "dask" / "graph.nt").read_text(encoding="utf-8").splitlines())
    local_lines = set((tmp_path / "local" / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert dask_lines == local_lines


def test_unreachable_scheduler_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.corpus.runner.SCHEDULER_TIMEOUT", 1)
    (tmp_path / "r.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        build(
            [tmp_path / "r.txt"], tmp_path / "out", scheduler="tcp://127.0.0.1:9", use_cache=False
        )
