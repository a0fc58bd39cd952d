"""Group mentions into entities: one resource per distinct entity of a report.

Surfaces of one name meet under one key: white space and letter case do not count, and a
Chinese administrative division's short and full forms (湖南, 湖南省) share one key. The
label is the surface written most often; the others become alternative labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from kg.data import data_table
from kg.records import Entity, EntityType, Mention

_SPACES = re.compile(r"\s+")


@cache
def _division_keys() -> dict[str, str]:
    """Surface -> key of China's divisions: the shortest surface that means that division
    alone (湖南省 -> 湖南, 麻阳苗族自治县 -> 麻阳; 长沙县 stays 长沙县, as 长沙 is the city)."""
    official: dict[str, str] = {}
    for surface, full, _level in data_table("places_china.tsv"):
        official.setdefault(surface, full)
    shortest: dict[str, str] = {}
    for surface, full in official.items():
        if len(surface) < len(shortest.get(full, full + "_")):
            shortest[full] = surface
    return {surface: shortest.get(full, surface) for surface, full in official.items()}


def normalize_name(text: str) -> str:
    """The key under which surfaces of one name meet: full-width folded (NFKC), no white
    space, Latin letters upper-case, a division's full and short forms under its shortest
    unambiguous form."""
    squashed = _SPACES.sub("", unicodedata.normalize("NFKC", text)).upper()
    return _division_keys().get(squashed, squashed)


def resolve_entities(mentions: Iterable[Mention]) -> tuple[Entity, ...]:
    """One Entity per (key, type), labelled by its most frequent surface (the first written on
    a tie), its other surfaces as alternative labels, in order of first mention."""
    groups: dict[tuple[str, EntityType], list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[(normalize_name(mention.text), mention.type)].append(mention)
    entities = []
    for (key, type_), group in groups.items():
        surfaces = Counter(m.text for m in group)
        first_seen = {m.text: m.start for m in reversed(group)}
        label = max(surfaces, key=lambda s: (surfaces[s], -first_seen[s]))
        other_types = tuple(sorted({t for m in group for t in m.other_types if t is not type_}))
        entities.append(
            Entity(
                key=key,
                label=label,
                type=type_,
                alt_labels=tuple(sorted(s for s in surfaces if s != label)),
                other_types=other_types,
                mentions=tuple(sorted(group, key=lambda m: m.start)),
            )
        )
    return tuple(sorted(entities, key=lambda e: e.mentions[0].start))


def mentions_by_sentence(entities: Iterable[Entity]) -> dict[int, list[tuple[Mention, Entity]]]:
    """The mention index: for each sentence, its mentions (offsets in order) and their entity."""
    index: dict[int, list[tuple[Mention, Entity]]] = defaultdict(list)
    for entity in entities:
        for mention in entity.mentions:
            index[mention.sentence_index].append((mention, entity))
    return {i: sorted(found, key=lambda pair: pair[0].start) for i, found in sorted(index.items())}
