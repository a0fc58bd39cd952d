"""Run the pipeline on annotated texts and score it, document by document (micro average)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from kg.errors import GoldError
from kg.evaluate.gold import GoldDocument, GoldEntity, GoldMetric, load_gold
from kg.evaluate.oracle import gold_mentions
from kg.evaluate.scoring import Score, score_sets, squash
from kg.extract.actions import find_actions
from kg.extract.entities import resolve_entities
from kg.extract.quantities import to_base_unit
from kg.pipeline import extract_file
from kg.records import EntityType, Extraction, Status

TYPES = tuple(EntityType)


@dataclass
class EvaluationResult:
    documents: list[str] = field(default_factory=list)
    typed: Score = field(default_factory=Score)
    untyped: Score = field(default_factory=Score)
    by_type: dict[EntityType, Score] = field(default_factory=lambda: {t: Score() for t in TYPES})
    metrics: Score = field(default_factory=Score)
    status: Score = field(default_factory=Score)
    # Surfaces found with the right extent but a type the gold does not give them.
    type_confusions: list[str] = field(default_factory=list)
    # Project status with the gold's names given as mentions: the status rules alone.
    status_given_entities: Score = field(default_factory=Score)


def evaluate_gold(gold_path: Path, corpus: Path | None = None) -> EvaluationResult:
    """Score the pipeline on every gold document under ``gold_path``."""
    documents = load_gold(gold_path)
    corpus_dir = (
        corpus or (gold_path if gold_path.is_dir() else gold_path.parent).parent / "corpus" / "dev"
    )
    result = EvaluationResult()
    for document in documents:
        text_path = corpus_dir / document.doc
        if not text_path.is_file():
            raise GoldError(f"{text_path}: annotated text not found (use --corpus DIR)")
        score_document(document, extract_file(text_path), result)
    return result


def score_document(gold: GoldDocument, extraction: Extraction, result: EvaluationResult) -> None:
    """Add one document's scores to ``result``."""
    prefix = f"{gold.doc}: "
    ignore = {squash(text) for text in gold.ignore}
    result.documents.append(gold.doc)

    pairs = sorted(
        {
            (squash(mention.text), entity.type)
            for entity in extraction.entities
            for mention in entity.mentions
            if squash(mention.text) not in ignore
        }
    )
    typed, matching = score_sets(
        pairs,
        gold.entities,
        lambda pair, entry: pair[0] in _surfaces(entry) and pair[1] in entry.types,
        lambda pair: f"{prefix}{pair[0]} ({pair[1].value})",
        lambda entry: f"{prefix}{entry.text} ({'/'.join(t.value for t in entry.types)})",
    )
    result.typed.add(typed)
    _add_by_type(result, pairs, gold.entities, matching, prefix)

    result.type_confusions.extend(_type_confusions(pairs, gold.entities, matching, prefix))

    surfaces = sorted({surface for surface, _ in pairs})
    untyped, _ = score_sets(
        surfaces,
        gold.entities,
        lambda surface, entry: surface in _surfaces(entry),
        lambda surface: prefix + surface,
        lambda entry: prefix + entry.text,
    )
    result.untyped.add(untyped)
    result.metrics.add(_score_metrics(gold, extraction, prefix))
    result.status.add(_score_status(gold, extraction, ignore, prefix))
    result.status_given_entities.add(
        _score_status(gold, _with_gold_entities(gold, extraction), ignore, prefix)
    )


def _with_gold_entities(gold: GoldDocument, extraction: Extraction) -> Extraction:
    """The extraction's actions again, found on the gold's names instead of recognized ones."""
    mentions = gold_mentions(extraction.report, gold)
    return replace(
        extraction,
        entities=resolve_entities(mentions),
        actions=tuple(find_actions(extraction.report, mentions)),
    )


def _type_confusions(
    pairs: list[tuple[str, EntityType]],
    entries: tuple[GoldEntity, ...],
    matching: dict[int, int],
    prefix: str,
) -> list[str]:
    """Unmatched system pairs whose surface is a gold surface of another type."""
    confusions = []
    for i, (surface, type_) in enumerate(pairs):
        if i in matching:
            continue
        for entry in entries:
            if surface in _surfaces(entry) and type_ not in entry.types:
                gold_types = "/".join(t.value for t in entry.types)
                confusions.append(f"{prefix}{surface}: {type_.value}, gold {gold_types}")
                break
    return confusions


def _surfaces(entry: GoldEntity) -> set[str]:
    return {squash(surface) for surface in entry.surfaces}


def _add_by_type(
    result: EvaluationResult,
    pairs: list[tuple[str, EntityType]],
    entries: tuple[GoldEntity, ...],
    matching: dict[int, int],
    prefix: str,
) -> None:
    # A gold entry counts for the type it was matched with, or for its first type when missed.
    matched_gold = set(matching.values())
    for i, (surface, type_) in enumerate(pairs):
        score = result.by_type[type_]
        if i in matching:
            score.tp += 1
        else:
            score.fp += 1
            score.false_positives.append(f"{prefix}{surface}")
    for j, entry in enumerate(entries):
        if j not in matched_gold:
            result.by_type[entry.types[0]].fn += 1
            result.by_type[entry.types[0]].misses.append(f"{prefix}{entry.text}")


def _score_metrics(gold: GoldDocument, extraction: Extraction, prefix: str) -> Score:
    ignore = {squash(text) for text in gold.ignore_metrics}
    seen: dict[tuple[Decimal, str], str] = {}
    for metric in extraction.metrics:
        quantity = metric.quantity
        core = f"{quantity.value}{quantity.unit}"
        # The guidelines leave quantities in Chinese numerals (三个, 两千亿元) out of the gold.
        if quantity.chinese_numerals or squash(quantity.text) in ignore or core in ignore:
            continue
        seen.setdefault((quantity.value.normalize(), quantity.unit), quantity.text)
    system = sorted(seen)
    score, _ = score_sets(
        system,
        gold.metrics,
        _metric_matches,
        lambda pair: f"{prefix}{seen[pair]}",
        lambda metric: f"{prefix}{metric.text} ({metric.value} {metric.unit})",
    )
    return score


def _metric_matches(pair: tuple[Decimal, str], gold: GoldMetric) -> bool:
    value, unit = pair
    if value == gold.value.normalize() and unit == gold.unit:
        return True
    system_base, gold_base = to_base_unit(value, unit), to_base_unit(gold.value, gold.unit)
    return system_base is not None and system_base == gold_base


def _score_status(
    gold: GoldDocument, extraction: Extraction, ignore: set[str], prefix: str
) -> Score:
    """F1 over (project, status): a gold project's statuses against those of every predicted
    resource whose label or alternative labels match its text or alts."""
    statuses: dict[tuple[str, EntityType], set[Status]] = defaultdict(set)
    for action in extraction.actions:
        for key in action.objects:
            statuses[key].add(action.status)
    labels = {
        (entity.key, entity.type): {squash(entity.label), *(squash(a) for a in entity.alt_labels)}
        for entity in extraction.entities
    }
    score = Score()
    claimed: set[tuple[str, EntityType]] = set()
    for entry in gold.entities:
        surfaces = _surfaces(entry)
        owners = [key for key, names in labels.items() if names & surfaces]
        if EntityType.PROJECT not in entry.types:
            continue
        claimed.update(owners)
        predicted = set().union(*(statuses.get(key, set()) for key in owners))
        expected = set(entry.status or ())
        score.tp += len(predicted & expected)
        score.fp += len(predicted - expected)
        score.fn += len(expected - predicted)
        score.false_positives += [
            f"{prefix}{entry.text} {s.value}" for s in sorted(predicted - expected)
        ]
        score.misses += [f"{prefix}{entry.text} {s.value}" for s in sorted(expected - predicted)]
    # Statuses of predicted projects that no gold project claims are false positives.
    for key, found in statuses.items():
        if key in claimed or key[1] is not EntityType.PROJECT or labels.get(key, set()) & ignore:
            continue
        score.fp += len(found)
        score.false_positives += [
            f"{prefix}{key[0]} {s.value} (not a gold project)" for s in sorted(found)
        ]
    return score
