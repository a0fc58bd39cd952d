"""Regression floors for accuracy, scored as unseen reports are scored: from the graph.ttl that
kg build writes (kg evaluate). Raise these numbers, never lower them.

Two sets: the dev texts (the rules were written on them and the selector is trained on them, so
this is the set to keep, not a measure of generalization), and the frozen excerpts of
training/splits.json, which nothing was ever trained on or tuned by: the honest floor.
"""

import json

import pytest

from kg.evaluate import EvaluationResult, evaluate_gold
from kg.records import EntityType
from tests.conftest import GOLD, ROOT, SHARED

DEV_FLOORS = {
    "typed": 0.95,
    "untyped": 0.95,
    "metrics": 0.995,
    "measured": 0.88,
    # Project status hangs on entity recognition (a missed project has no status); the status
    # rules alone are held by the score with the gold's names given as mentions.
    "status": 0.95,
    "status_given_entities": 0.99,
}

# Typed F1 of each entity type on the dev texts.
TYPE_FLOORS = {
    EntityType.PROJECT: 0.94,
    EntityType.ORGANIZATION: 0.97,
    EntityType.PLACE: 0.93,
}

FROZEN_FLOORS = {
    # 0.807 before the kinds-list rules (open CV 0.744 -> 0.760), 0.780 after; 0.793 with the
    # selector trained on the annotated passages too (training/annotations); 0.790 with the
    # characters and neighbouring words among its features (open CV 0.838 -> 0.856)
    "typed": 0.78,
    "metrics": 0.99,
    "measured": 0.82,
    # 0.727: 12 of 18 statuses right (0.625 before 在建 and 进展顺利 were read); 0.765: 13 of 18;
    # 0.727 again with the character features (one project fewer found)
    "status": 0.72,
}


@pytest.fixture(scope="module")
def dev() -> EvaluationResult:
    return evaluate_gold(GOLD)


@pytest.fixture(scope="module")
def frozen() -> EvaluationResult:
    names = json.loads((ROOT / "training" / "splits.json").read_text(encoding="utf-8"))
    documents = {name.removesuffix(".json") for name in names["frozen"]}
    return evaluate_gold(GOLD / "excerpts", SHARED / "corpus" / "excerpts", documents=documents)


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_dev_f1_stays_above_its_floor(dev: EvaluationResult, name: str) -> None:
    assert getattr(dev, name).f1 >= DEV_FLOORS[name]


@pytest.mark.parametrize("type_", sorted(TYPE_FLOORS))
def test_each_entity_type_stays_above_its_floor(dev: EvaluationResult, type_: EntityType) -> None:
    assert dev.by_type[type_].f1 >= TYPE_FLOORS[type_]


@pytest.mark.parametrize("name", sorted(FROZEN_FLOORS))
def test_frozen_excerpts_stay_above_their_floor(frozen: EvaluationResult, name: str) -> None:
    assert len(frozen.documents) == 8
    f1 = round(getattr(frozen, name).f1, 3)  # the number only: the frozen errors are never read
    assert f1 >= FROZEN_FLOORS[name]
