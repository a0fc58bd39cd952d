"""Build each annotated text as ``kg build`` does, read the graph back and score it.

What is scored is what users get: the ``graph.ttl`` written by :func:`kg.build.build`, read
through the contract of ../shared/tools/score.py (see :mod:`kg.evaluate.predictions`), which
scores other, unseen reports the same way. Scores are micro averages over documents.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GoldError
from kg.evaluate.gold import GoldDocument, GoldEntity, GoldMetric, load_gold
from kg.evaluate.oracle import gold_mentions
from kg.evaluate.predictions import GraphPredictions, MetricClaim, norm, read_predictions
from kg.evaluate.scoring import Score, score_sets
from kg.extract.actions import find_actions
from kg.extract.entities import resolve_entities
from kg.pipeline import extract_file
from kg.rdf.ontology import ontology_dir
from kg.records import EntityType, Extraction

TYPES = tuple(EntityType)
_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
_LEADING_NUMBER = re.compile(r"([\d.]+)(.*)")
# A measure is right when it equals the gold's (or an alt) or one contains the other with at
# most this many characters of difference.
MEASURE_SLACK = 2

Pair = tuple[str, str]  # (normalized label, type)
ValueUnit = tuple[float, str]


@dataclass
class EvaluationResult:
    documents: list[str] = field(default_factory=list)
    typed: Score = field(default_factory=Score)
    untyped: Score = field(default_factory=Score)
    by_type: dict[EntityType, Score] = field(default_factory=lambda: {t: Score() for t in TYPES})
    metrics: Score = field(default_factory=Score)
    # Metrics whose value, unit and measure (what the number counts) are all right.
    measured: Score = field(default_factory=Score)
    status: Score = field(default_factory=Score)
    # Surfaces found with the right extent but a type the gold does not give them.
    type_confusions: list[str] = field(default_factory=list)
    # Project status with the gold's names given as mentions: the status rules alone.
    status_given_entities: Score = field(default_factory=Score)


GraphBuilder = Callable[[Path, Path], Path]


def build_graph(text: Path, directory: Path) -> Path:
    """``kg build TEXT -o DIRECTORY``'s graph.ttl, built in this process."""
    from kg.build import build

    target = directory / "graph.ttl"
    build([text], target, formats=("turtle",), use_cache=False)
    return target


def evaluate_gold(
    gold_path: Path, corpus: Path | None = None, *, documents: set[str] | None = None
) -> EvaluationResult:
    """Score the graphs built from every gold document under ``gold_path`` (only those named
    in ``documents``, when given)."""
    golds = load_gold(gold_path)
    if documents is not None:
        golds = [g for g in golds if g.doc in documents or Path(g.doc).stem in documents]
    corpus_dir = (
        corpus or (gold_path if gold_path.is_dir() else gold_path.parent).parent / "corpus" / "dev"
    )
    ontology = sorted(ontology_dir().glob("*.ttl"))
    result = EvaluationResult()
    for gold in golds:
        text_path = corpus_dir / gold.doc
        if not text_path.is_file():
            raise GoldError(f"{text_path}: annotated text not found (use --corpus DIR)")
        with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as tmp:
            graph = build_graph(text_path, Path(tmp))
            predictions = read_predictions([graph, *ontology])
        score_document(gold, predictions, result)
        result.status_given_entities.add(_status_given_entities(gold, extract_file(text_path)))
    return result


def score_document(gold: GoldDocument, found: GraphPredictions, result: EvaluationResult) -> None:
    """Add one document's scores to ``result``."""
    prefix = f"{gold.doc}: "
    ignore = {norm(text) for text in gold.ignore}
    result.documents.append(gold.doc)

    pairs = sorted(pair for pair in found.entities if pair[0] and pair[0] not in ignore)
    typed, matching = score_sets(
        pairs,
        gold.entities,
        lambda pair, entry: pair[0] in _surfaces(entry) and pair[1] in _types(entry),
        lambda pair: f"{prefix}{pair[0]} ({pair[1]})",
        lambda entry: f"{prefix}{entry.text} ({'/'.join(t.value for t in entry.types)})",
    )
    result.typed.add(typed)
    _add_by_type(result, pairs, gold.entities, matching, prefix)
    result.type_confusions.extend(_type_confusions(pairs, gold.entities, matching, prefix))

    surfaces = sorted({label for label, _ in pairs})
    untyped, _ = score_sets(
        surfaces,
        gold.entities,
        lambda surface, entry: surface in _surfaces(entry),
        lambda surface: prefix + surface,
        lambda entry: prefix + entry.text,
    )
    result.untyped.add(untyped)
    metrics, measured = _score_metrics(gold, found.metrics, prefix)
    result.metrics.add(metrics)
    if any(metric.measures for metric in gold.metrics):
        result.measured.add(measured)
    result.status.add(_score_status(gold, found.statuses, prefix))


def _surfaces(entry: GoldEntity) -> set[str]:
    return {norm(surface) for surface in entry.surfaces}


def _types(entry: GoldEntity) -> set[str]:
    return {t.value for t in entry.types}


def _add_by_type(
    result: EvaluationResult,
    pairs: list[Pair],
    entries: tuple[GoldEntity, ...],
    matching: dict[int, int],
    prefix: str,
) -> None:
    # A gold entry counts for the type it was matched with, or for its first type when missed.
    matched_gold = set(matching.values())
    for i, (surface, type_) in enumerate(pairs):
        score = result.by_type[EntityType(type_)]
        if i in matching:
            score.tp += 1
        else:
            score.fp += 1
            score.false_positives.append(f"{prefix}{surface}")
    for j, entry in enumerate(entries):
        if j not in matched_gold:
            result.by_type[entry.types[0]].fn += 1
            result.by_type[entry.types[0]].misses.append(f"{prefix}{entry.text}")


def _type_confusions(
    pairs: list[Pair], entries: tuple[GoldEntity, ...], matching: dict[int, int], prefix: str
) -> list[str]:
    """Unmatched system pairs whose surface is a gold surface of another type."""
    confusions = []
    for i, (surface, type_) in enumerate(pairs):
        if i in matching:
            continue
        for entry in entries:
            if surface in _surfaces(entry) and type_ not in _types(entry):
                gold_types = "/".join(t.value for t in entry.types)
                confusions.append(f"{prefix}{surface}: {type_}, gold {gold_types}")
                break
    return confusions


def metric_forms(value: float, unit: str) -> set[ValueUnit]:
    """A gold (value, unit) as written and scaled to its base unit (3.6万平方米: 36000 平方米)."""
    forms = {(value, norm(unit))}
    if len(unit) > 1 and unit[0] in _MULTIPLIERS:
        forms.add((value * _MULTIPLIERS[unit[0]], norm(unit[1:])))
    return forms


def _close(a: ValueUnit, b: ValueUnit) -> bool:
    return abs(a[0] - b[0]) <= 1e-6 * max(1.0, abs(b[0])) and a[1] == b[1]


def _ignored_forms(gold: GoldDocument) -> set[ValueUnit]:
    forms: set[ValueUnit] = set()
    for text in gold.ignore_metrics:
        match = _LEADING_NUMBER.match(norm(text))
        if match:
            try:
                forms |= metric_forms(float(match.group(1)), match.group(2))
            except ValueError:
                continue
    return forms


def _score_metrics(
    gold: GoldDocument, claims: list[MetricClaim], prefix: str
) -> tuple[Score, Score]:
    """(metrics by value and unit, metrics whose measure is right too)."""
    ignored = _ignored_forms(gold)
    kept = [
        claim
        for claim in claims
        if not any(_close(pair, form) for pair in claim.pairs for form in ignored)
    ]
    distinct = sorted({claim.pairs for claim in kept}, key=sorted)
    forms = [metric_forms(float(m.value), m.unit) for m in gold.metrics]

    def fits(pairs: frozenset[ValueUnit], wanted: set[ValueUnit]) -> bool:
        return any(_close(pair, form) for pair in pairs for form in wanted)

    def describe(pairs: frozenset[ValueUnit]) -> str:
        value, unit = min(pairs, key=lambda p: (len(p[1]) == 0, -len(p[1])))
        return f"{prefix}{value:g} {unit}"

    by_value, _ = score_sets(
        distinct,
        list(zip(forms, gold.metrics, strict=True)),
        lambda pairs, entry: fits(pairs, entry[0]),
        describe,
        lambda entry: f"{prefix}{entry[1].text} ({entry[1].value} {entry[1].unit})",
    )
    measured, _ = score_sets(
        kept,
        list(zip(forms, gold.metrics, strict=True)),
        lambda claim, entry: fits(claim.pairs, entry[0]) and _measure_fits(claim, entry[1]),
        lambda claim: f"{describe(claim.pairs)} [{'/'.join(sorted(claim.measures))}]",
        lambda entry: f"{prefix}{entry[1].text} [{entry[1].measure}]",
    )
    return by_value, measured


def _measure_fits(claim: MetricClaim, gold: GoldMetric) -> bool:
    wanted = [norm(m) for m in gold.measures if m]
    if not wanted:
        return True
    return any(
        m == w or ((m in w or w in m) and abs(len(m) - len(w)) <= MEASURE_SLACK)
        for m in claim.measures
        for w in wanted
    )


def _score_status(gold: GoldDocument, statuses: dict[str, set[str]], prefix: str) -> Score:
    """F1 over (project, status): a gold project's statuses against those of every predicted
    label that matches its text or alts."""
    score = Score()
    for entry in gold.entities:
        if entry.status is None:
            continue
        surfaces = _surfaces(entry)
        predicted = set().union(*(found for label, found in statuses.items() if label in surfaces))
        expected = {status.value for status in entry.status}
        score.tp += len(predicted & expected)
        score.fp += len(predicted - expected)
        score.fn += len(expected - predicted)
        score.false_positives += [f"{prefix}{entry.text} {s}" for s in sorted(predicted - expected)]
        score.misses += [f"{prefix}{entry.text} {s}" for s in sorted(expected - predicted)]
    return score


def _status_given_entities(gold: GoldDocument, extraction: Extraction) -> Score:
    """Project status when the gold's names are given as mentions: the status rules alone."""
    mentions = gold_mentions(extraction.report, gold)
    entities = resolve_entities(mentions)
    actions = find_actions(extraction.report, mentions)
    statuses: dict[str, set[str]] = {}
    labels = {(e.key, e.type): {e.label, *e.alt_labels} for e in entities}
    for action in actions:
        for key in action.objects:
            for label in labels.get(key, ()):
                statuses.setdefault(norm(label), set()).add(action.status.value)
    return _score_status(gold, statuses, f"{gold.doc}: ")
