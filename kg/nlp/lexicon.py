"""The entity lexicons, loaded once from kg/data: heads, boundary words, gazetteers, list classes.

Everything here is data a domain expert edits; this module only turns the files into lookup
tables and compiled patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from kg.data import data_lines, data_table

_Trie = dict[str, "_Trie"]


@dataclass(frozen=True, slots=True)
class Head:
    """A generic tail of names (片区, 大桥) with its type and how the type is decided."""

    text: str
    type: str  # Project, Organization, Place
    kind: str  # fixed, infra, open, weak


@dataclass(frozen=True, slots=True)
class WordEnds:
    """Words grouped by their last character, longest first (区 -> 高新区, 经开区, 片区…), and a
    pattern matching any of those characters: a word ending at a token's end is found from
    that token's last character, and only the few ends with such a character are looked at."""

    by_last_char: dict[str, tuple[str, ...]]
    last_char: re.Pattern[str]


@dataclass(frozen=True, eq=False)  # hashed by identity: word tests cache per lexicon
class Lexicon:
    heads: dict[str, Head]
    head_ends: WordEnds
    false_heads: tuple[str, ...]  # tokens ending in a head that are no name (格局, 新路)
    suffix_pattern: re.Pattern[str]  # phases and sections written after a head
    industry_words: tuple[str, ...]  # brand + industry word (华智 + 生物)
    industry_ends: WordEnds
    boundary_words: frozenset[str]
    field_words: tuple[str, ...]  # fields that 与 joins inside a name (科学与技术)
    name_verbs: frozenset[str]
    completed_verbs: frozenset[str]  # 建成, 投产…: a clause's verb, never inside a name
    generic_words: frozenset[str]
    places: dict[str, str]  # surface -> level (province, city, county, country, region)
    organizations: frozenset[str]
    gazetteer: frozenset[str]  # every place and organization name
    towns: frozenset[str]  # towns, townships and subdistricts (towns.tsv)
    gazetteer_prefixes: frozenset[str]  # their proper prefixes (麻阳 of 麻阳县)
    list_classes: dict[str, Head]
    list_pattern: re.Pattern[str]
    class_noun_pattern: re.Pattern[str]  # any class noun of list_classes.tsv
    concept_pattern: re.Pattern[str]  # class nouns of lists of kinds, not names
    set_phrase_pattern: re.Pattern[str]  # political set phrases: no name inside them
    build_cue_pattern: re.Pattern[str]


def longest_ending_at(
    text: str, end: int, known: Callable[[str], bool], *, longest: int, shortest: int = 2
) -> str | None:
    """The longest word of ``shortest`` to ``longest`` characters that ends at ``end`` in
    ``text`` and is ``known``, or None."""
    for size in range(min(longest, end), shortest - 1, -1):
        word = text[end - size : end]
        if known(word):
            return word
    return None


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex matching any of the words, the longest first, compiled as a trie.

    A flat alternation of thousands of names tries each branch at every position; the trie
    shares prefixes, so matching costs about the length of the longest name.
    """
    trie: _Trie = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def word_ends(words: list[str] | tuple[str, ...]) -> WordEnds:
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(word[-1], []).append(word)
    return WordEnds(
        by_last_char={char: tuple(group) for char, group in groups.items()},
        last_char=re.compile("[" + "".join(map(re.escape, groups)) + "]"),
    )


@cache
def load_lexicon() -> Lexicon:
    heads = {row[0]: Head(row[0], row[1], row[2]) for row in data_table("entity_heads.tsv")}
    places: dict[str, str] = {}
    for surface, _full, level in data_table("places_china.tsv"):
        places.setdefault(surface, level)
    for name, _code in data_table("countries.tsv"):
        places.setdefault(name, "country")
    for name in data_lines("places.txt"):
        places.setdefault(name, "region")
    organizations = frozenset(data_lines("organizations.txt"))
    classes = {row[0]: Head(row[0], row[1], row[2]) for row in data_table("list_classes.tsv")}
    count = r"(?:[0-9]+|[一二两三四五六七八九十百几多]+)[条个家座项所批处栋宗]"
    exact_count = r"(?:[0-9]+|[两二三四五六七八九十]+)[条个家座项所处栋宗]"
    # 等 + (count) + (一批) + (“) + up to 8 modifiers + class noun; or, with no 等, a count
    # (火车新站、马坡岭两个国控站点).
    list_pattern = re.compile(
        rf"(?:等(?:{count})?|{exact_count})(?:一批)?“?[\u4e00-\u9fff]{{0,8}}?"
        rf"({alternation(list(classes))})"
    )
    return Lexicon(
        heads=heads,
        head_ends=word_ends(list(heads)),
        false_heads=data_lines("false_heads.txt"),
        suffix_pattern=re.compile("|".join(data_lines("name_suffixes.txt"))),
        industry_words=data_lines("industry_words.txt"),
        industry_ends=word_ends(data_lines("industry_words.txt")),
        boundary_words=frozenset(data_lines("boundary_words.txt")),
        field_words=data_lines("field_words.txt"),
        name_verbs=frozenset(data_lines("name_verbs.txt")),
        completed_verbs=frozenset(
            verb for verb, status in data_table("action_verbs.tsv") if status == "completed"
        ),
        generic_words=frozenset(data_lines("generic_words.txt")),
        places=places,
        organizations=organizations,
        gazetteer=frozenset(places) | organizations,
        towns=frozenset(row[0] for row in data_table("towns.tsv")),
        gazetteer_prefixes=frozenset(
            name[:i] for name in [*places, *organizations] for i in range(1, len(name))
        ),
        list_classes=classes,
        list_pattern=list_pattern,
        class_noun_pattern=re.compile(alternation(list(classes))),
        concept_pattern=re.compile(alternation(data_lines("concept_classes.txt"))),
        set_phrase_pattern=re.compile(alternation(data_lines("set_phrases.txt"))),
        build_cue_pattern=re.compile(alternation(data_lines("build_cues.txt"))),
    )
