"""Aliases across a corpus: a short form of a name joined to its full form (湖南 -> 湖南省).

Rules are data (``kg/data/alias_suffixes.tsv``): a name's short forms drop a listed ending, and
an organization's may also drop a leading place name (湖南华菱钢铁集团有限责任公司 -> 华菱钢铁);
a generic word (``alias_generic_names.txt``: 银行, 集团) is never a short form.
A short form that occurs as an entity of the same type is joined to its full form only when
exactly one full name in the corpus has it, so 吉林 stays apart where both 吉林省 and 吉林市 occur.
Divisions take no part: their code makes them one resource already, and a short name a report
left without a code (中山 in Jiangsu's report: Nanjing's 中山陵, not Guangdong's 中山市) was left
so on purpose.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.corpus.task import EntityRow
from kg.data import data_lines, data_table
from kg.rdf.iris import is_division_iri
from kg.records import EntityType

MIN_SHORT_LENGTH = 2


@dataclass(frozen=True, slots=True)
class Alias:
    """An entity resource merged into another: ``iri`` becomes ``canonical_iri``."""

    iri: str
    label: str
    canonical_iri: str
    canonical_label: str


@cache
def alias_endings() -> dict[EntityType, tuple[str, ...]]:
    endings: dict[EntityType, list[str]] = defaultdict(list)
    for kind, ending in data_table("alias_suffixes.tsv"):
        endings[EntityType(kind)].append(ending)
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in endings.items()}


@cache
def known_place_prefixes() -> frozenset[str]:
    """Place names an organization's name may start with: the place lists and short forms.

    Only listed places (China's divisions with their short forms, and other named places), so
    that a phrase mistaken for a place (支持自治县) strips nothing.
    """
    names = {
        line.split("\t")[0]
        for file in ("places.txt", "places_china.tsv", "countries.tsv")
        for line in data_lines(file)
    }
    shorts = {short for name in names for short in short_forms(name, EntityType.PLACE)}
    return frozenset(names | shorts)


def short_forms(
    label: str, kind: EntityType, place_names: frozenset[str] = frozenset()
) -> set[str]:
    """The short forms of a name under the alias rules (the name itself excluded)."""
    stems = {label}
    if kind is EntityType.ORGANIZATION:
        # The label's own prefixes looked up among the places (a few), not every place tried.
        for length in range(1, len(label) - MIN_SHORT_LENGTH + 1):
            if label[:length] in place_names:
                stems.add(label[length:])
    forms = set(stems)
    endings = alias_endings().get(kind, ())
    for stem in stems:
        matching = [
            e for e in endings if stem.endswith(e) and len(stem) - len(e) >= MIN_SHORT_LENGTH
        ]
        for ending in matching:
            # 有限责任公司 may be dropped from ...集团有限责任公司 (集团 is an ending itself), but
            # 公司 alone may not: it would leave ...有限责任.
            longer = [e for e in matching if len(e) > len(ending) and e.endswith(ending)]
            if all(e[: -len(ending)] in endings for e in longer):
                forms.add(stem[: -len(ending)])
    forms.discard(label)
    generic = generic_names()
    return {form for form in forms if _stem(form, endings) not in generic}


def _stem(name: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


@cache
def generic_names() -> frozenset[str]:
    return frozenset(data_lines("alias_generic_names.txt"))


def find_aliases(entities: Iterable[EntityRow]) -> dict[str, Alias]:
    """The aliases of a corpus, by the IRI that is merged away."""
    iri_of: dict[tuple[EntityType, str], str] = {}
    for row in entities:
        if is_division_iri(row.iri):
            continue
        key = (row.type, row.label)
        iri_of[key] = min(iri_of.get(key, row.iri), row.iri)
    places = known_place_prefixes()

    full_names: dict[tuple[EntityType, str], set[str]] = defaultdict(set)
    for kind, label in iri_of:
        for short in short_forms(label, kind, places):
            if (kind, short) in iri_of:
                full_names[(kind, short)].add(label)

    canonical: dict[tuple[EntityType, str], str] = {}
    # Longest short forms first, so that a full name that is itself an alias is resolved before
    # the shorter forms that point at it (华菱钢铁集团 -> the company, then 华菱钢铁 -> the same).
    for kind, short in sorted(full_names, key=lambda key: -len(key[1])):
        targets = {canonical.get((kind, full), full) for full in full_names[(kind, short)]}
        if len(targets) == 1:
            canonical[(kind, short)] = targets.pop()

    aliases = {}
    for (kind, short), full in canonical.items():
        iri, target = iri_of[(kind, short)], iri_of[(kind, full)]
        if iri != target:
            aliases[iri] = Alias(iri, short, target, full)
    return aliases
