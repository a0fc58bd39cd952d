"""Regression floor for accuracy on the shared gold: raise these numbers, never lower them."""

import pytest

from kg.evaluate import EvaluationResult, evaluate_gold
from kg.records import EntityType
from tests.conftest import GOLD

FLOORS = {
    "typed": 0.97,
    "untyped": 0.97,
    "metrics": 0.995,
    # Project status hangs on entity recognition (a missed project has no status); the status
    # rules alone are held by the score with the gold's names given as mentions.
    "status": 0.95,
    "status_given_entities": 0.99,
}

# Typed F1 of each entity type (the issue asks for at least 0.75 each).
TYPE_FLOORS = {
    EntityType.PROJECT: 0.95,
    EntityType.ORGANIZATION: 0.97,
    EntityType.PLACE: 0.95,
}


@pytest.fixture(scope="module")
def result() -> EvaluationResult:
    return evaluate_gold(GOLD)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_f1_stays_above_its_floor(result: EvaluationResult, name: str) -> None:
    assert getattr(result, name).f1 >= FLOORS[name]


@pytest.mark.parametrize("type_", sorted(TYPE_FLOORS))
def test_each_entity_type_stays_above_its_floor(
    result: EvaluationResult, type_: EntityType
) -> None:
    assert result.by_type[type_].f1 >= TYPE_FLOORS[type_]
