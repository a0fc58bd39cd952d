"""``kg build`` writes the formats asked for, by --format or by the output's file extension."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.errors import ConfigError
from tests.conftest import SAMPLE
from tests.rdf.builds import FIXED_BUILD

KG = str(Path(sys.executable).with_name("kg"))


def kg(*args: str, epoch: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=300, env=env)


def test_formats_into_a_directory(tmp_path: Path) -> None:
    result = kg("build", str(SAMPLE), "-o", str(tmp_path), "-f", "nt", "-f", "trig", "-f", "jsonld")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert written == ["graph.jsonld", "graph.nt", "graph.trig"]
    quads = list(ox.parse(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG))
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in quads)


def test_the_output_extension_names_the_format(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "corpus.nq"
    result = kg("build", str(SAMPLE), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in target.parent.iterdir() if not p.name.startswith(".")] == ["corpus.nq"]
    assert len(list(ox.parse(path=str(target), format=ox.RdfFormat.N_QUADS))) > 1000


def test_the_same_input_and_epoch_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert kg("build", str(SAMPLE), "-o", str(tmp_path / f"{name}.ttl")).returncode == 0
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    assert b'"1970-01-01T00:00:00Z"^^xsd:dateTime' in (tmp_path / "a.ttl").read_bytes()


def test_the_reference_writer_can_be_chosen(tmp_path: Path) -> None:
    result = kg("build", str(SAMPLE), "-o", str(tmp_path / "g.ttl"), "--writer", "rdflib")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "g.ttl").read_text(encoding="utf-8").count("grk:Action") > 10


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "rdfxml"), "unknown format 'rdfxml'; choose one of"),
        (("--base", "not-a-base"), "not absolute"),
        (("--base", "https://example.org/kg"), "must end with"),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = kg("build", str(SAMPLE), "-o", str(tmp_path / "out"), *args)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_bad_source_date_epoch_is_one_line(tmp_path: Path) -> None:
    result = kg("build", str(SAMPLE), "-o", str(tmp_path / "out"), epoch="soon")
    assert result.returncode != 0 and "SOURCE_DATE_EPOCH" in result.stderr


def test_a_file_output_with_another_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="give a directory"):
        build([SAMPLE], tmp_path / "x.ttl", formats=["nquads"], build_info=FIXED_BUILD)
