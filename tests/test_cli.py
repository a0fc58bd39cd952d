"""The CLI through its real entry point: the ``kg`` console script of this environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import SAMPLE, SEED

KG = str(Path(sys.executable).with_name("kg"))


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [KG, *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_build_writes_turtle_and_html_and_prints_counts(tmp_path: Path) -> None:
    result = run("build", str(SAMPLE), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Project" in result.stdout and "Metric" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0
    assert (tmp_path / "out" / "graph.html").stat().st_size > 0


def test_build_reads_standard_input(tmp_path: Path) -> None:
    result = run("build", "-", "-o", str(tmp_path), stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert len(Graph().parse(tmp_path / "graph.ttl")) > 100


def test_build_seed_report(tmp_path: Path) -> None:
    result = run("build", str(SEED), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr


def test_existing_output_is_refused_without_force(tmp_path: Path) -> None:
    assert run("build", str(SAMPLE), "-o", str(tmp_path)).returncode == 0
    again = run("build", str(SAMPLE), "-o", str(tmp_path))
    assert again.returncode != 0
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert run("build", str(SAMPLE), "-o", str(tmp_path), "--force").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("build", "/nonexistent/report.txt", "-o", "OUT"), "no such file"),
        (("build", "EMPTY", "-o", "OUT"), "holds no report files"),
        (("build", "-o", "OUT"), "Missing argument"),
    ],
)
def test_bad_input_gives_one_line_and_no_traceback(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "empty").mkdir()
    places = {"OUT": str(tmp_path / "out"), "EMPTY": str(tmp_path / "empty")}
    args = tuple(places.get(a, a) for a in args)
    result = run(*args)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    "command",
    [(), ("build",), ("evaluate",), ("load",), ("query",), ("push",), ("validate",), ("track",)],
)
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout
