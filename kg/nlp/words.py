"""What jieba's dictionary says about a word: is it a name, a verb, or an everyday word?"""

from __future__ import annotations

import re
from functools import cache

import jieba
import jieba.posseg

from kg.nlp.lexicon import Lexicon

# jieba's tags for person, place, organization and other proper names.
PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz"})
# Suffixes that turn a word into a kind (复合型, 国际化, 省级), never a name.
_GENERIC_SUFFIXES = ("型", "性", "化", "式", "级", "类", "域")
_RARE_NAME = 2000  # 北大荒 97, 湘江 166 are names; 城市 25084 is not
_RARE_NZ = 100  # nz mixes brands (华润 29) and technical terms (嵌入式 135)
_VERB_CHARACTERS = frozenset("用让使被给做抓建促保抢争推办扩提育开强治入超")
_NUMERALS = frozenset("一二三四五六七八九十百千万")  # not 两: 两安 is a name part
_DESIGNATOR = re.compile(r"[0-9]+号|XX|^[A-Za-z]{2,}$|[一二三四五六七八九十]号")


@cache
def _tags() -> dict[str, str]:
    return jieba.posseg.dt.word_tag_tab  # type: ignore[no-any-return]


@cache
def _frequencies() -> dict[str, int]:
    # jieba loads its dictionary on first use: a word asked about before any text is cut
    # would otherwise be unknown.
    jieba.dt.check_initialized()
    return jieba.dt.FREQ  # type: ignore[no-any-return]


def is_known(word: str) -> bool:
    """Whether jieba's dictionary has the word (it stores prefixes of words with frequency 0)."""
    return bool(_frequencies().get(word))


def jieba_frequency(word: str) -> int:
    return int(_frequencies().get(word) or 0)


def tag_of(word: str) -> str | None:
    return _tags().get(word) if is_known(word) else None


@cache
def is_proper(word: str, lexicon: Lexicon) -> bool:
    """Whether a token can be the proper part of a name: a known place or organization, a word
    jieba tags as a name, a word it does not know at all (浩天, 朗盛), or a designator (3号, 5G)."""
    if word in lexicon.generic_words:
        return False
    if word in lexicon.places or word in lexicon.organizations or _DESIGNATOR.search(word):
        return True
    if len(word) < 2 or word.isdigit():
        return False
    if is_known(word):
        return _tagged_proper(word)
    if word[0] in _NUMERALS or word[0] in lexicon.boundary_words:
        return False  # 四好, 以城带: jieba's guesses around a numeral or a function word
    return not generic_compound(word)


def _tagged_proper(word: str) -> bool:
    """jieba tags some everyday words as names (城市 ns, 嵌入式 nz): a name tag counts only on
    a word that is not frequent."""
    tag = tag_of(word)
    if tag not in PROPER_TAGS:
        return False
    limit = _RARE_NZ if tag == "nz" else _RARE_NAME
    return jieba_frequency(word) < limit


@cache
def generic_compound(word: str) -> bool:
    """Whether a word jieba does not know is only everyday words run together (生态安全,
    复合型), not a name it has never seen (朗盛, 浩天)."""
    if word.endswith(_GENERIC_SUFFIXES) and _everyday(word[:-1]):
        return True
    return _covered_by_words(word)


def _everyday(word: str) -> bool:
    """A word jieba knows that is not a name (生态, 安全; not 广州, 白云)."""
    return len(word) >= 2 and is_known(word) and not _tagged_proper(word)


def _covered_by_words(word: str) -> bool:
    if _everyday(word):
        return True
    return any(_everyday(word[:i]) and _covered_by_words(word[i:]) for i in range(2, len(word) - 1))


@cache
def ends_name(word: str, lexicon: Lexicon) -> bool:
    """Whether a token stops a name growing to the left: a predicate verb or function word."""
    if word in lexicon.boundary_words:
        return True
    if word in lexicon.places:
        return False  # 兴化 is tagged a verb
    if not is_known(word) and len(word) == 2 and word[0] in _VERB_CHARACTERS:
        return True  # 争建, 促建: jieba's guess starting with a one-character verb
    if len(word) > 2 and word[-2:] in lexicon.boundary_words:
        return True  # 全面完成, 加快推进: jieba's guess ending in a predicate verb
    # a single character jieba tags as a verb is as often part of a name it split (望/湖路,
    # 磨/憨): only the listed ones (建, 推, 用…) end a name
    return len(word) > 1 and tag_of(word) == "v" and word not in lexicon.name_verbs
