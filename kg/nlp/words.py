"""What jieba's dictionary says about a word: is it a name, a verb, or an everyday word?"""

from __future__ import annotations

import re
from functools import cache

import jieba
import jieba.posseg

from kg.nlp.lexicon import Lexicon

# jieba's tags for person, place, organization and other proper names.
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
_DESIGNATOR = re.compile(r"[0-9]+号|XX|^[A-Za-z]{2,}$|[一二三四五六七八九十]号")


@cache
def _tags() -> dict[str, str]:
    return jieba.posseg.dt.word_tag_tab  # type: ignore[no-any-return]


def is_known(word: str) -> bool:
    """Whether jieba's dictionary has the word (it stores prefixes of words with frequency 0)."""
    return bool(jieba.dt.FREQ.get(word))


def jieba_frequency(word: str) -> int:
    return int(jieba.dt.FREQ.get(word) or 0)


def tag_of(word: str) -> str | None:
    return _tags().get(word) if is_known(word) else None


def is_proper(word: str, lexicon: Lexicon) -> bool:
    """Whether a token can be the proper part of a name: a known place or organization, a word
    jieba tags as a name, a word it does not know at all (浩天, 朗盛), or a designator (3号, 5G)."""
    if word in lexicon.generic_words:
        return False
    if word in lexicon.places or word in lexicon.organizations or _DESIGNATOR.search(word):
        return True
    if len(word) < 2:
        return False
    return not is_known(word) or tag_of(word) in PROPER_TAGS


def ends_name(word: str, lexicon: Lexicon) -> bool:
    """Whether a token stops a name growing to the left: a predicate verb or function word."""
    if word in lexicon.boundary_words:
        return True
    return tag_of(word) == "v" and word not in lexicon.name_verbs
