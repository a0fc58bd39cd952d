"""Group mentions into entities: one resource per distinct entity of a report.

Surfaces of one name meet under one key: white space, letter case, traditional characters and
pinyin glosses (區(qū)) do not count; a Chinese administrative division's short and full forms
(湖南, 湖南省) share one key, and so do its forms with the parent divisions written before it
(上海市黄浦区, 黄浦区); a government written with its division is one organ however it is
written (沈阳市政府, 沈阳市人民政府, 辽宁省沈阳市人民政府). The label is the surface written most
often; the others become alternative labels.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from kg.places.divisions import division_full_names, division_keys, last_division
from kg.records import Entity, EntityType, Mention
from kg.text.view import PINYIN, traditional_table

_SPACES = re.compile(r"\s+")
# A government named by its division: 沈阳市政府, 沈阳市人民政府.
_GOVERNMENT = re.compile(r"(.+?)(?:人民)?政府")
GOVERNMENT_KEY = "人民政府"


@cache
def normalize_name(text: str) -> str:
    """The key under which surfaces of one name meet: full-width folded (NFKC), no white
    space or pinyin gloss, simplified characters, Latin letters upper-case; a division under
    its shortest unambiguous form, without the parents written before it; a government
    written with its division under that division's official name and 人民政府."""
    squashed = _SPACES.sub("", unicodedata.normalize("NFKC", PINYIN.sub("", text))).upper()
    simplified = squashed.translate(traditional_table())
    # A division is looked up as written first: 乾县 is a county, not a traditional 干县.
    for name in dict.fromkeys((squashed, simplified)):
        government = _GOVERNMENT.fullmatch(name)
        if government is not None:
            division = last_division(government.group(1))
            if division is not None:
                return division_full_names().get(division, division) + GOVERNMENT_KEY
            continue
        division = last_division(name)
        if division is not None:
            return division_keys().get(division, division)
    return simplified


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
