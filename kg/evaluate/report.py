"""Format evaluation scores as a plain-text table."""

from __future__ import annotations

from kg.evaluate.runner import EvaluationResult
from kg.evaluate.scoring import Score


def _row(name: str, score: Score) -> str:
    return (
        f"{name:<22} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
        f" {score.tp:5d} {score.fp:5d} {score.fn:5d}"
    )


def format_scores(result: EvaluationResult, *, show_errors: bool = False) -> str:
    lines = [
        f"documents: {len(result.documents)} ({', '.join(result.documents)})",
        f"{'':<22} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}",
        _row("entities (typed)", result.typed),
        _row("entities (untyped)", result.untyped),
        *(_row(f"  {type_.value}", score) for type_, score in result.by_type.items()),
        _row("metrics", result.metrics),
        _row("  with their measure", result.measured),
        _row("project status", result.status),
        _row("  given gold entities", result.status_given_entities),
    ]
    if show_errors:
        for type_, score in result.by_type.items():
            lines.append(f"\n{type_.value}: misses ({len(score.misses)})")
            lines.extend(f"  - {item}" for item in score.misses)
            lines.append(f"{type_.value}: false positives ({len(score.false_positives)})")
            lines.extend(f"  + {item}" for item in score.false_positives)
        lines.append(f"\nentities with the wrong type ({len(result.type_confusions)})")
        lines.extend(f"  ~ {item}" for item in result.type_confusions)
        for name, score in (
            ("metrics", result.metrics),
            ("metrics with their measure", result.measured),
            ("project status", result.status),
            ("project status given gold entities", result.status_given_entities),
        ):
            lines.append(f"\n{name}: misses ({len(score.misses)})")
            lines.extend(f"  - {item}" for item in score.misses)
            lines.append(f"{name}: false positives ({len(score.false_positives)})")
            lines.extend(f"  + {item}" for item in score.false_positives)
    return "\n".join(lines)
