"""The selector's model: two logistic regressions over the binary features of
kg.nlp.select.features, one saying whether a span is a name, one saying which type it has.

Their weights are trained on the gold by ``make train`` (training/) and shipped in the package
as kg/data/selector.json; ``KG_SELECTOR_MODEL`` names another file (cross-validation builds each
held-out document with the model of the other folds).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from kg.data import SELECTOR_MODEL_ENV
from kg.errors import ConfigError

MODEL_ENV = SELECTOR_MODEL_ENV
MODEL_FILE = "selector.json"
TYPES = ("Project", "Organization", "Place")


@dataclass(frozen=True)
class SelectorModel:
    name_weights: dict[str, float]
    type_weights: dict[str, dict[str, float]]  # type -> weights (a softmax over the types)
    threshold: float = 0.5

    def name_probability(self, features: Sequence[str]) -> float:
        score = sum(self.name_weights.get(feature, 0.0) for feature in features)
        return 0.0 if score < -30 else 1.0 / (1.0 + math.exp(-score))

    def type_probabilities(self, features: Sequence[str]) -> dict[str, float]:
        scores = {
            type_: sum(weights.get(feature, 0.0) for feature in features)
            for type_, weights in self.type_weights.items()
        }
        top = max(scores.values())
        exps = {type_: math.exp(score - top) for type_, score in scores.items()}
        total = sum(exps.values())
        return {type_: value / total for type_, value in exps.items()}


def load_model() -> SelectorModel:
    return _load(os.environ.get(MODEL_ENV) or "")


def model_from_json(data: dict[str, object]) -> SelectorModel:
    names = data["name_weights"]
    types = data["type_weights"]
    assert isinstance(names, dict) and isinstance(types, dict)
    return SelectorModel(
        {str(k): float(v) for k, v in names.items()},
        {str(t): {str(k): float(v) for k, v in w.items()} for t, w in types.items()},
        float(data["threshold"]),  # type: ignore[arg-type]
    )


@cache
def _load(path: str) -> SelectorModel:
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("kg.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        return model_from_json(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError, AssertionError) as error:
        where = path or f"kg/data/{MODEL_FILE}"
        raise ConfigError(f"{where}: not a selector model ({error})") from None
