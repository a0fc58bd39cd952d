"""notebooks/explore.ipynb runs from top to bottom on a kernel of this very environment."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kg.build import build
from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
ARTIFACTS = ROOT / "tests" / "artifacts"
KERNEL = "govreport-kg-test"


@pytest.fixture
def kernel_of_this_venv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kernel spec that starts this interpreter, found before any other (JUPYTER_PATH)."""
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec.joinpath("kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}), encoding="utf-8"
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    return KERNEL


def outputs_tagged(notebook: nbformat.NotebookNode, tag: str) -> list[nbformat.NotebookNode]:
    cells = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert cells, f"no cell tagged {tag}"
    return [output for cell in cells for output in cell.get("outputs", [])]


def test_explore_notebook_runs_top_to_bottom(kernel_of_this_venv: str, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=kernel_of_this_venv,
        timeout=180,
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    nbformat.write(notebook, ARTIFACTS / "explore.ipynb")  # with its outputs, for review

    printed = "".join(o.get("text", "") for o in outputs_tagged(notebook, "build"))
    assert "2024年青溪区人民政府工作报告" in printed and "triples" in printed
    tables = [o["data"]["text/html"] for o in outputs_tagged(notebook, "sparql")]
    assert len(tables) == 3 and all("<table" in t and "<td>" in t for t in tables)
    counts, completed, targets = tables
    # The same counts as the build line (and the page) of the same report.
    summary = build([ROOT / "examples" / "sample-report.txt"], tmp_path / "build")
    for name, count in summary.counts.items():
        assert re.search(rf"<td>{name}</td>\s*<td>{count}</td>", counts), (name, count, counts)
    assert "。" in completed  # each answer with its source sentence
    assert "%" in targets or "亿元" in targets
    analysis = [o["data"]["text/html"] for o in outputs_tagged(notebook, "networkx") if "data" in o]
    assert len(analysis) == 3 and all("<td>" in t for t in analysis)
    chart = outputs_tagged(notebook, "chart")
    assert any("image/png" in o.get("data", {}) for o in chart)
    printed = "".join(o.get("text", "") for o in chart)  # changes (signed) apart from levels
    assert re.search(r"\d+ changes \(1 decreases, below zero\), \d+ levels", printed), printed
    drawn = outputs_tagged(notebook, "map")  # the divisions by their WGS84 point
    assert any("image/png" in o.get("data", {}) for o in drawn)
    printed = "".join(o.get("text", "") for o in drawn)
    found = re.search(r"(\d+) divisions with a point", printed)
    assert found and int(found.group(1)) > 0, printed
    view = [o["data"]["text/html"] for o in outputs_tagged(notebook, "view")]
    assert len(view) == 1 and view[0].startswith("<iframe srcdoc=")
