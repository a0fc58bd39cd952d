"""Gold annotation files: one JSON document per annotated text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg.errors import GoldError
from kg.records import EntityType, Status


@dataclass(frozen=True, slots=True)
class GoldEntity:
    text: str
    types: tuple[EntityType, ...]
    alts: tuple[str, ...] = ()
    status: tuple[Status, ...] | None = None  # Project entries only

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.text, *self.alts)


@dataclass(frozen=True, slots=True)
class GoldMetric:
    text: str
    value: Decimal
    unit: str
    qualifier: str = ""
    measure: str = ""  # what the number counts, as written
    measure_alts: tuple[str, ...] = ()

    @property
    def measures(self) -> tuple[str, ...]:
        return (self.measure, *self.measure_alts) if self.measure else self.measure_alts


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc: str
    entities: tuple[GoldEntity, ...]
    metrics: tuple[GoldMetric, ...]
    ignore: frozenset[str]
    ignore_metrics: frozenset[str]


def load_gold(path: Path) -> list[GoldDocument]:
    """The gold documents of a JSON file, or of every ``*.json`` file in a directory."""
    if not path.exists():
        raise GoldError(f"{path}: no such file or directory")
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise GoldError(f"{path}: no gold *.json files in it")
    return [_load_document(file) for file in files]


def _load_document(file: Path) -> GoldDocument:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return GoldDocument(
            doc=str(data["doc"]),
            entities=tuple(_entity(entry) for entry in data.get("entities", [])),
            metrics=tuple(_metric(entry) for entry in data.get("metrics", [])),
            ignore=frozenset(data.get("ignore", [])),
            ignore_metrics=frozenset(data.get("ignore_metrics", [])),
        )
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"{file}: not readable JSON ({error})") from None
    except (KeyError, TypeError, ValueError, InvalidOperation) as error:
        raise GoldError(
            f"{file}: not in the gold format ({type(error).__name__}: {error})"
        ) from None


def _entity(entry: dict[str, object]) -> GoldEntity:
    status = entry.get("status")
    return GoldEntity(
        text=str(entry["text"]),
        types=tuple(EntityType(t) for t in entry["types"]),  # type: ignore[attr-defined]
        alts=tuple(str(a) for a in entry.get("alts") or ()),  # type: ignore[attr-defined]
        status=None if status is None else tuple(Status(s) for s in status),  # type: ignore[attr-defined]
    )


def _metric(entry: dict[str, object]) -> GoldMetric:
    return GoldMetric(
        text=str(entry["text"]),
        value=Decimal(str(entry["value"])),
        unit=str(entry["unit"]),
        qualifier=str(entry.get("qualifier") or ""),
        measure=str(entry.get("measure") or ""),
        measure_alts=tuple(str(a) for a in entry.get("measure_alts") or ()),  # type: ignore[attr-defined]
    )
