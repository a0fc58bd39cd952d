"""Score the selector the way unseen reports are scored: from the graphs kg build writes.

    python -m training.selector.cross_validate [--folds 5]

The open gold documents (dev and the excerpts not frozen) are split into folds by document;
for each fold a selector is trained on the other folds (with the fixed regularization and
threshold of train.py) and the fold's documents are built with it and scored from their
graph.ttl, as `kg evaluate` does. The frozen excerpts are scored with the shipped model, which
never saw them.
Prints one table per gold set: cross-validated (open documents) and frozen.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from kg.evaluate import EvaluationResult, evaluate_gold, format_scores
from kg.evaluate.scoring import Score
from kg.nlp.select.model import MODEL_ENV
from training.selector.examples import GOLD_SETS, frozen_documents, gold_documents
from training.selector.train import main as train

FOLDS = 5


def merge(results: Sequence[EvaluationResult]) -> EvaluationResult:
    merged = EvaluationResult()
    for result in results:
        merged.documents += result.documents
        for name in ("typed", "untyped", "metrics", "measured", "status", "status_given_entities"):
            score: Score = getattr(merged, name)
            score.add(getattr(result, name))
        for type_, score in result.by_type.items():
            merged.by_type[type_].add(score)
        merged.type_confusions += result.type_confusions
    return merged


def _evaluate(names: set[str], model: Path | None) -> dict[str, EvaluationResult]:
    """The named documents of each gold set, built with ``model`` (the shipped one if None)."""
    previous = os.environ.get(MODEL_ENV)
    if model is not None:
        os.environ[MODEL_ENV] = str(model)
    try:
        return {
            set_name: evaluate_gold(gold_dir, text_dir, documents=names)
            for set_name, (gold_dir, text_dir) in GOLD_SETS.items()
        }
    finally:
        if previous is None:
            os.environ.pop(MODEL_ENV, None)
        else:
            os.environ[MODEL_ENV] = previous


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    args = parser.parse_args(argv)
    documents = sorted(d.name for d in gold_documents())
    folds = [documents[i :: args.folds] for i in range(args.folds)]
    per_set: dict[str, list[EvaluationResult]] = {name: [] for name in GOLD_SETS}
    with tempfile.TemporaryDirectory(prefix="kg-cv-") as tmp:
        for number, held_out in enumerate(folds):
            model = Path(tmp) / f"fold{number}.json"
            train(["--output", str(model), "--exclude", *held_out])
            for set_name, result in _evaluate(set(held_out), model).items():
                per_set[set_name].append(result)
    for set_name, results in per_set.items():
        print(f"\n== {set_name}: cross-validated over documents ({args.folds} folds)")
        print(format_scores(merge(results)))
    frozen = _evaluate(frozen_documents(), None)["excerpts"]
    print("\n== excerpts, frozen split (never trained on, never read for errors)")
    print(format_scores(frozen))
    print("\n== all excerpts: the open ones cross-validated, the frozen ones as shipped")
    print(format_scores(merge([*per_set["excerpts"], frozen])))


if __name__ == "__main__":
    main()
