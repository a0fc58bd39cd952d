"""Score the pipeline against gold annotations (the format of ../shared/gold/GUIDELINES.md)."""

from kg.evaluate.gold import GoldDocument, load_gold
from kg.evaluate.report import format_scores
from kg.evaluate.runner import EvaluationResult, evaluate_gold
from kg.evaluate.scoring import Score

__all__ = [
    "EvaluationResult",
    "GoldDocument",
    "Score",
    "evaluate_gold",
    "format_scores",
    "load_gold",
]
