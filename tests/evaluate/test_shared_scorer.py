"""`kg evaluate` scores what `kg build` writes exactly as ../shared/tools/score.py does: the
code that scores the held-back reports. Both read the same built graph here, count for count."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kg.evaluate import evaluate_gold
from kg.rdf.ontology import ontology_dir
from tests.conftest import GOLD, SHARED

KG = str(Path(sys.executable).with_name("kg"))
EXCERPTS = SHARED / "corpus" / "excerpts"
# A clean county report, a forum copy in traditional characters, a PDF copy with line breaks
# inside numbers, and the seed report (long, with plan and review).
CASES = [
    (GOLD / "excerpts", EXCERPTS, "64_lujiangxian2025.txt"),
    (GOLD / "excerpts", EXCERPTS, "63_xiuzhouqu2023.txt"),
    (GOLD / "excerpts", EXCERPTS, "75_dayixian2021.txt"),
    (GOLD, SHARED / "corpus" / "dev", "seed-2024-district-report.txt"),
]


@pytest.fixture(scope="module")
def shared_score() -> ModuleType:
    path = SHARED / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("gold_dir", "corpus", "doc"), CASES, ids=[c[2] for c in CASES])
def test_counts_agree_with_the_shared_scorer(
    shared_score: ModuleType, tmp_path: Path, gold_dir: Path, corpus: Path, doc: str
) -> None:
    out = tmp_path / "out"
    subprocess.run([KG, "build", str(corpus / doc), "-o", str(out)], check=True, timeout=300)
    gold = json.loads((gold_dir / f"{Path(doc).stem}.json").read_text(encoding="utf-8"))
    files = [str(out / "graph.ttl"), *map(str, sorted(ontology_dir().glob("*.ttl")))]
    entities, metrics, status = shared_score.predictions(files, with_status=True)
    theirs = shared_score.score(gold, entities, metrics, status, shared_score.predictions.measured)

    ours = evaluate_gold(gold_dir, corpus, documents={doc})
    assert ours.documents == [doc]
    assert (ours.typed.tp, ours.typed.tp + ours.typed.fp, ours.typed.tp + ours.typed.fn) == (
        theirs["typed_hits"],
        theirs["pred_entities"],
        theirs["gold_entities"],
    )
    assert (ours.untyped.tp, ours.untyped.tp + ours.untyped.fp) == (
        theirs["untyped_hits"],
        theirs["pred_surfaces"],
    )
    assert (ours.metrics.tp, ours.metrics.tp + ours.metrics.fp) == (
        theirs["metric_hits"],
        theirs["pred_metrics"],
    )
    assert (ours.measured.tp, ours.measured.tp + ours.measured.fp) == (
        theirs["measured_hits"],
        theirs["measured_pred"],
    )
    assert (ours.status.tp, ours.status.fp, ours.status.fn) == (
        theirs["status_tp"],
        theirs["status_fp"],
        theirs["status_fn"],
    )
