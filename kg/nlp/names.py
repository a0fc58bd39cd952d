"""Names built from a proper part and a head (隆平 + 片区), brand + industry word (华智 + 生物),
quoted names (“南方水稻品种创制重点实验室”), and names from the gazetteers (湖南, 肯尼亚, 教育部).

The left edge of a name is found on jieba's tokens: going left from the head, tokens are taken
while they are written with name characters and are neither predicate verbs nor function words.
A name is kept only when its proper part has a proper word in it (a place, a word the
dictionary does not know, a designator): 社区卫生服务中心 names nothing.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import PROPER_TAGS, ends_name, is_known, is_proper, jieba_frequency, tag_of

MAX_NAME_CHARS = 24
# Classifiers after a count: "12家社区卫生服务中心" counts a class of things, it names none.
_CLASSIFIERS = frozenset("个家座条所项处栋批名位台辆")
_COUNT = re.compile(r"^(?:[0-9]+|[一二两三四五六七八九十百千几多数]+)$")
_HEAD_CONTINUES = re.compile(r"城市")
# Above this frequency in jieba's dictionary a word is an everyday word (道路), not a name.
_EVERYDAY_FREQUENCY = 50
_COUNTED_AFTER = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十]+)[个家座条所项处栋]")
# International bodies are named from generic words (国际电工委员会).
_INTERNATIONAL = ("国际", "世界")
# Tags of words that do not begin a name: adjectives, adverbs, prepositions, conjunctions.
_NOT_NAME_START_TAGS = frozenset({"a", "ad", "d", "p", "c", "u", "uj", "r", "f"})
_QUOTED = re.compile(r"[“\"]([^“”\"，。；、：,;:]{4,40})[”\"]")


def left_edge(tokens: Tokens, head_start: int, lexicon: Lexicon) -> tuple[int, bool]:
    """Where a name ending in a head at ``head_start`` begins, and whether a count stands
    right before it (then it is a class of things, not a name)."""
    index = tokens.index_at(head_start)
    start = tokens.start_of(index)  # a head inside a token takes the token's beginning too
    if start == head_start:
        start, index = head_start, index
    index -= 1
    while index >= 0:
        word = tokens.word(index)
        if word in _CLASSIFIERS:
            counted = index > 0 and bool(_COUNT.match(tokens.word(index - 1)))
            return start, counted
        if (
            not NAME_CHARS.fullmatch(word)
            or ends_name(word, lexicon)
            or head_start - tokens.start_of(index) > MAX_NAME_CHARS
        ):
            break
        start = tokens.start_of(index)
        index -= 1
    return start, False


def first_word_proper(words: list[str], lexicon: Lexicon, *, strict: bool = False) -> bool:
    """Whether a name part starts with a proper word. A single character that jieba split off
    an unknown word is joined back to the next token (新/五丰, 白/果园); ``strict`` joins only
    runs of single characters (沪/昆, not 钛/材料)."""
    if not words:
        return False
    first = words[0]
    joinable = len(first) == 1 and len(words) > 1 and not is_known(first + words[1])
    if joinable and (not strict or len(words[1]) == 1):
        first += words[1]
    return is_proper(first, lexicon)


def _has_proper(words: list[str], lexicon: Lexicon) -> bool:
    return any(is_proper(word, lexicon) for word in words) or first_word_proper(words, lexicon)


def _trim_generic_start(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> int:
    """Drop generic words (重点, 省级) and adjectives or adverbs at the start of a name part."""
    while start < end:
        words = tokens.words_between(start, end)
        word = words[0]
        if word not in lexicon.generic_words and tag_of(word) not in _NOT_NAME_START_TAGS:
            break
        if len(word) == 1 and len(words) > 1 and not is_known(word + words[1]):
            break  # 白/果园: a character of an unknown word
        start += len(word)
    return start


def _head_token(tokens: Tokens, head_start: int, head_end: int) -> str | None:
    """The whole token a head is the end of, when the head starts inside it (望龙路 for 路)."""
    index = tokens.index_at(head_start)
    if tokens.start_of(index) == head_start or tokens.end_of(index) != head_end:
        return None
    return tokens.word(index)


def head_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """Every name that ends in a head (片区, 大厦, 大学…), with its phase or section if any."""
    text = tokens.text
    by_end: dict[int, str] = {}
    for match in lexicon.head_pattern.finditer(text):
        head = match.group(1)
        end = match.start() + len(head)
        if len(head) > len(by_end.get(end, "")):
            by_end[end] = head
    found = []
    for head_end, head_text in sorted(by_end.items()):
        head = lexicon.heads[head_text]
        head_start = head_end - len(head_text)
        end, phased = head_end, False
        suffix = lexicon.suffix_pattern.match(text, head_end)
        if suffix and suffix.end() in tokens.bounds:
            end, phased = suffix.end(), True
        elif head_end not in tokens.bounds:
            continue
        token = _head_token(tokens, head_start, head_end)
        if token is not None and _common_word(token, head_text, lexicon):
            continue  # 道路, 思路, 乡村: a word that only ends like a head
        start, counted = left_edge(tokens, head_start, lexicon)
        start = _trim_generic_start(tokens, start, head_start, lexicon)
        if counted or start >= head_start or _COUNTED_AFTER.match(text, end):
            continue
        words = tokens.words_between(start, head_start)
        numbered = False
        if token is not None:
            prefix = words[-1]
            if ends_name(prefix, lexicon):
                continue  # 开街: a verb on a head, not a name
            if len(prefix) == 1:
                words[-1] = token  # 望龙路, 东村: the token is the proper word
            numbered = tag_of(token) == "m"  # 远大二路, 长沙市一中
        elif head.kind == "infra" and tag_of(words[-1]) == "m":
            numbered = True  # 五一大道, 八一路
        if head_text.endswith("中心") and _HEAD_CONTINUES.match(text, end):
            continue  # 研发中心城市: the head is a modifier here
        if not (numbered or _proper_enough(words, head.kind, head.type, lexicon)):
            continue
        fixed_place = head.type == "Place" and head.kind == "fixed"
        type_ = "Project" if phased and not fixed_place else head.type
        kind = "fixed" if phased else head.kind
        found.append(Candidate(start, end, type_, kind, "head", phased))
    return found


def _common_word(token: str, head: str, lexicon: Lexicon) -> bool:
    """Whether a token that ends in a head is an everyday word (道路, 思路, 乡村, 城镇) rather
    than a name or a compound of a generic word and the head (金融中心)."""
    if token in lexicon.generic_words:
        return True
    tag = tag_of(token)
    if tag is None or tag == "m" or tag in PROPER_TAGS:  # 二路: numbered roads
        return False
    prefix = token[: -len(head)]
    if len(prefix) == 1:
        return jieba_frequency(token) > _EVERYDAY_FREQUENCY
    return not is_known(prefix)  # 工作思路; but 金融中心 is 金融 + 中心


def _proper_enough(words: list[str], kind: str, type_: str, lexicon: Lexicon) -> bool:
    if kind == "open":
        return sum(map(len, words)) >= 2
    if kind == "weak":
        return is_proper(words[-1], lexicon)
    if type_ == "Organization" and words[0] in _INTERNATIONAL:
        return True
    return _has_proper(words, lexicon)


def brand_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """Companies written as brand + industry word (隆平高科, 铁建重工, 益阳奥士康科技)."""
    text = tokens.text
    found = []
    for match in lexicon.industry_pattern.finditer(text):
        word_start = match.start()
        end = word_start + len(match.group(1))
        if end not in tokens.bounds:
            continue
        index = tokens.index_at(word_start)
        if tokens.start_of(index) < word_start:
            brand_start = tokens.start_of(index)  # 招银金/投: the brand shares a token
        elif index > 0:
            brand_start = tokens.start_of(index - 1)
        else:
            continue
        partial = tokens.start_of(index) < word_start
        if (
            partial
            and word_start - brand_start == 1
            and index > 0
            and len(tokens.word(index - 1)) == 1
        ):
            brand_start -= 1  # 银/通科技: jieba split the brand
        brand = text[brand_start:word_start]
        if not _is_brand(brand, lexicon):
            continue
        start = brand_start
        index = tokens.index_at(start) - 1
        while index >= 0 and lexicon.places.get(tokens.word(index)) in ("city", "county"):
            start = tokens.start_of(index)  # the region a company is written with
            index -= 1
        phased = False
        suffix = lexicon.suffix_pattern.match(text, end)
        if suffix and suffix.end() in tokens.bounds:
            end, phased = suffix.end(), True
        found.append(
            Candidate(start, end, "Project" if phased else "Organization", "fixed", "brand", phased)
        )
    return found


def _is_brand(word: str, lexicon: Lexicon) -> bool:
    if len(word) < 2 or word in lexicon.places or word in lexicon.generic_words:
        return False
    if not NAME_CHARS.fullmatch(word) or ends_name(word, lexicon):
        return False
    if any(word.startswith(b) for b in lexicon.boundary_words if len(b) > 1):
        return False
    if any(char in lexicon.boundary_words for char in word):
        return False  # 竞争力的, 坚定不移把
    return not is_known(word) or tag_of(word) in ("nr", "nrt", "nz", "nt", "ns")


def quoted_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """A quoted name that ends in an organization or project head is taken whole."""
    found = []
    for match in _QUOTED.finditer(tokens.text):
        content = match.group(1)
        for size in (3, 2, 1):
            head = lexicon.heads.get(content[-size:])
            if head is not None:
                break
        if head is None or head.type == "Place" or head.kind == "infra":
            continue
        found.append(Candidate(match.start(1), match.end(1), head.type, "fixed", "quoted"))
    return found


def gazetteer_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """Known places and organizations, where jieba's tokens begin and end with them."""
    found = []
    for match in lexicon.gazetteer_pattern.finditer(tokens.text):
        start, end = match.span()
        if start not in tokens.bounds or end not in tokens.bounds:
            continue
        name = match.group()
        type_ = "Organization" if name in lexicon.organizations else "Place"
        found.append(Candidate(start, end, type_, "fixed", "gazetteer"))
    return found
