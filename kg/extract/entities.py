"""Group mentions into entities: one resource per distinct (normalized name, type) in a report."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.records import Entity, EntityType, Mention

_SPACES = re.compile(r"\s+")


def normalize_name(text: str) -> str:
    """The key under which surfaces of one name meet: full-width folded (NFKC), no white
    space, Latin letters upper-case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).upper()


def resolve_entities(mentions: Iterable[Mention]) -> tuple[Entity, ...]:
    """One Entity per (normalized name, type), labelled by its most frequent surface."""
    groups: dict[tuple[str, EntityType], list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[(normalize_name(mention.text), mention.type)].append(mention)
    entities = []
    for (key, type_), group in groups.items():
        surfaces = Counter(m.text for m in group)
        label = max(
            surfaces, key=lambda s: (surfaces[s], -group[0].start if s == group[0].text else 0)
        )
        other_types = tuple(sorted({t for m in group for t in m.other_types if t is not type_}))
        entities.append(
            Entity(
                key=key,
                label=label,
                type=type_,
                alt_labels=tuple(sorted(s for s in surfaces if s != label)),
                other_types=other_types,
                mentions=tuple(group),
            )
        )
    return tuple(sorted(entities, key=lambda e: e.mentions[0].start))
