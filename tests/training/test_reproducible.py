"""The shipped selector is what `make train` writes from a clean clone, whatever Python's
hash seed (the order of a set must never decide a weight)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "kg" / "data" / "selector.json"


@pytest.mark.parametrize("seed", ["0", "1"])
def test_training_writes_the_shipped_selector(tmp_path: Path, seed: str) -> None:
    output = tmp_path / "selector.json"
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "training.selector.train", "--output", str(output)],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
    )
    assert output.read_bytes() == SHIPPED.read_bytes()
