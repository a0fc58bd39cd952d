"""``kg track`` run once per session through the real command on the series of
../shared/corpus/series: the State Council's alone, and every series together."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.test_cli import run

SERIES = SHARED / "corpus" / "series"


@dataclass(frozen=True)
class Tracked:
    directory: Path
    stdout: str

    def rows(self, name: str) -> list[dict[str, str]]:
        with (self.directory / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def header(self, name: str) -> list[str]:
        with (self.directory / name).open(encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle))


def _track(inputs: Path, output: Path) -> Tracked:
    result = run("track", str(inputs), "-o", str(output))
    assert result.returncode == 0, result.stderr
    return Tracked(output, result.stdout)


@pytest.fixture(scope="session")
def national(tmp_path_factory: pytest.TempPathFactory) -> Tracked:
    return _track(SERIES / "national", tmp_path_factory.mktemp("track") / "national")


@pytest.fixture(scope="session")
def every_series(tmp_path_factory: pytest.TempPathFactory) -> Tracked:
    return _track(SERIES, tmp_path_factory.mktemp("track") / "series")
