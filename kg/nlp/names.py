"""Names built from a proper part and a head (隆平 + 片区), brand + industry word (华智 + 生物),
quoted names (“南方水稻品种创制重点实验室”), and names from the gazetteers (湖南, 肯尼亚, 教育部).

The left edge of a name is found on jieba's tokens: going left from the head, tokens are taken
while they are written with name characters and are neither predicate verbs nor function words.
A name is kept only when its proper part has a proper word in it (a place, a word the
dictionary does not know, a designator): 社区卫生服务中心 names nothing.
"""

from __future__ import annotations

import re
from functools import cache

from kg.data import data_lines
from kg.nlp.lexicon import Lexicon, WordEnds
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import PROPER_TAGS, ends_name, is_known, is_proper, jieba_frequency, tag_of

MAX_NAME_CHARS = 24
_WORKS = frozenset({"工程", "项目"})
# Classifiers after a count: "12家社区卫生服务中心" counts a class of things, it names none.
_CLASSIFIERS = frozenset("个家座条所项处栋批名位台辆")
_COUNT = re.compile(r"^(?:[0-9]+|[一二两三四五六七八九十百千几多数]+)$")
_HEAD_CONTINUES = re.compile(r"城市")
# Above this frequency in jieba's dictionary a word is an everyday word (道路), not a name.
_EVERYDAY_FREQUENCY = 50
_EVERYDAY_CHARACTER = 20000  # 好, 新 stand alone; 白, 荷 start names (白果园)
_NUMERAL_CHARS = frozenset("一二两三四五六七八九十百千万0123456789")
_NOT_NUMBERED = frozenset({"一路", "一线", "一带"})
_NUMERAL_WORD = re.compile(r"[一二三四五六七八九十]{1,2}|[0-9]+")
_STRAY_DENG = re.compile(r"(?<![高同平对均])等(?!级)")
# Words after an industry word that make it the start of a phrase (深海科技创新, 玉米生物制造).
_INDUSTRY_CONTINUES = frozenset(
    {"创新", "制造", "产业", "成果", "平台", "发展", "服务", "金融", "资源", "人才", "攻关", "领域"}
)
_COUNTED_AFTER = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十]+)[个家座条所项处栋]")
# International bodies are named from generic words (国际电工委员会).
_FUNCTION_CHARS = frozenset("的把和与及等在对将为以了是")
_INTERNATIONAL = ("国际", "世界")
_INTERNATIONAL_HEADS = frozenset({"委员会", "协会", "联合会", "学会"})
# A single character after a head that makes the head a modifier (机场群, 枢纽港, 园区型).
_HEAD_MODIFIED_BY = frozenset("群带圈网线系类化型式性们城")
# River, lake and other one-character heads name one token (湘江, 濛溪河), never a phrase.
_ONE_TOKEN_HEADS = frozenset("江河湖")
# Tags of words that do not begin a name: adjectives, adverbs, prepositions, conjunctions.
_NOT_NAME_START_TAGS = frozenset({"a", "ad", "d", "p", "c", "u", "uj", "r", "f"})
# Prepositions jieba glues to an unknown name after them (沿伊敏河, 在哈克镇).
_PREPOSITIONS = frozenset("沿在向往至于从")
_QUOTED = re.compile(r"[“\"]([^“”\"，。；、：,;:]{4,40})[”\"]")


def words_ending_tokens(
    tokens: Tokens, words: WordEnds, unless: tuple[str, ...] = ()
) -> list[tuple[int, str]]:
    """(end, word) for every token end where one of the words ends, the longest word; none
    where the token ending there is one of ``unless``."""
    text, bounds = tokens.text, tokens.bounds
    found = []
    for match in words.last_char.finditer(text):
        end = match.end()
        if end not in bounds:
            continue
        if unless and tokens.word(tokens.index_at(end - 1)) in unless:
            continue
        for word in words.by_last_char[text[end - 1]]:
            if end >= len(word) and text.startswith(word, end - len(word)):
                found.append((end, word))
                break
    return found


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
        if word[0] in _CLASSIFIERS:  # 个, or jieba's 个省
            counted = index > 0 and bool(_COUNT.match(tokens.word(index - 1)))
            return start, counted
        joins_fields = word == "与" and index > 0 and _ends_field(tokens.word(index - 1), lexicon)
        if (
            not NAME_CHARS.fullmatch(word)
            or (ends_name(word, lexicon) and not joins_fields)
            or head_start - tokens.start_of(index) > MAX_NAME_CHARS
        ):
            break
        start = tokens.start_of(index)
        index -= 1
    return start, False


def _ends_field(word: str, lexicon: Lexicon) -> bool:
    """材料科学 (与技术研究所): the word before 与 names a field, so 与 is inside the name."""
    return word.endswith(lexicon.field_words)


def first_word_proper(words: list[str], lexicon: Lexicon, *, strict: bool = False) -> bool:
    """Whether a name part starts with a proper word. A single character that jieba split off
    an unknown word is joined back to the next token (新/五丰, 白/果园); ``strict`` joins only
    runs of single characters (沪/昆, not 钛/材料)."""
    if not words:
        return False
    first = words[0]
    if len(first) == 1 and len(words) > 1:
        if not strict and is_proper(words[1], lexicon):
            return True  # 新/五丰
        rare = jieba_frequency(first) < _EVERYDAY_CHARACTER  # 白/果园, not 省/重点
        if rare and not is_known(first + words[1]) and (not strict or len(words[1]) == 1):
            first += words[1]
    return is_proper(first, lexicon)


def _has_proper(words: list[str], lexicon: Lexicon) -> bool:
    return any(is_proper(word, lexicon) for word in words) or first_word_proper(words, lexicon)


def trim_generic_start(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> int:
    """Drop generic words (重点, 省级) and adjectives or adverbs at the start of a name part, a
    verb names are made of before the proper word it governs (服务/呼伦贝尔经济技术开发区), and a
    preposition jieba glued to the word after it (沿伊敏河)."""
    while start < end:
        words = tokens.words_between(start, end)
        word = words[0]
        if _verb_before_its_object(words, lexicon):
            start += len(word)
            continue
        if _glued_preposition(word):
            start += 1
            continue
        if word not in lexicon.generic_words and tag_of(word) not in _NOT_NAME_START_TAGS:
            break
        single = len(word) == 1 and jieba_frequency(word) < _EVERYDAY_CHARACTER
        if single and len(words) > 1 and not is_known(word + words[1]):
            break  # 白/果园: a character of an unknown word (but 好/国家: trimmed)
        if len(words) > 1 and len(words[1]) == 1:
            break  # 紧密/型: the adjective is part of a compound
        start += len(word)
    return start


def _verb_before_its_object(words: list[str], lexicon: Lexicon) -> bool:
    """服务/呼伦贝尔…, 改造/胜利/大街: a verb that names are made of (服务中心, 改造工程), here
    before a place or a proper word it acts on."""
    if len(words) < 2 or words[0] not in lexicon.name_verbs:
        return False
    return words[1] in lexicon.places or (len(words[1]) > 1 and is_proper(words[1], lexicon))


def _glued_preposition(word: str) -> bool:
    """沿伊敏河: jieba's guess of one word, a preposition and a name run together."""
    return len(word) > 2 and not is_known(word) and word[0] in _PREPOSITIONS


def _head_token(tokens: Tokens, head_start: int, head_end: int) -> str | None:
    """The whole token a head is the end of, when the head starts inside it (望龙路 for 路)."""
    index = tokens.index_at(head_start)
    if tokens.start_of(index) == head_start or tokens.end_of(index) != head_end:
        return None
    return tokens.word(index)


def head_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """Every name that ends in a head (片区, 大厦, 大学…), with its phase or section if any."""
    text = tokens.text
    found = []
    for head_end, head_text in words_ending_tokens(tokens, lexicon.head_ends, lexicon.false_heads):
        head = lexicon.heads[head_text]
        head_start = head_end - len(head_text)
        end, phased = head_end, False
        suffix = lexicon.suffix_pattern.match(text, head_end)
        if suffix and suffix.end() in tokens.bounds:
            end, phased = suffix.end(), True
        elif head_end not in tokens.bounds:
            continue
        first = tokens.index_at(head_start)
        straddles = head_start not in tokens.bounds and first != tokens.index_at(head_end - 1)
        if straddles and head_start - tokens.start_of(first) < 2:
            continue  # 通高/铁: jieba cut through the head, it is not one here (but 自贸区/块)
        token = _head_token(tokens, head_start, head_end)
        if token is not None and _common_word(token, head_text, lexicon):
            continue  # 道路, 思路, 乡村: a word that only ends like a head
        if end < len(text) and text[end] in _HEAD_MODIFIED_BY and end + 1 in tokens.bounds:
            continue
        if len(head_text) == 1 and end < len(text) and _name_goes_on(tokens, end, lexicon):
            continue  # “通港达园”: the name goes on past a one-character head
        if head_text in _ONE_TOKEN_HEADS:
            river = _one_token_name(tokens, head_start, head_end, lexicon)
            if river is not None:
                found.append(Candidate(river, end, head.type, head.kind, "head"))
            continue
        start, counted = left_edge(tokens, head_start, lexicon)
        start = trim_generic_start(tokens, start, head_start, lexicon)
        if counted or start >= head_start or _COUNTED_AFTER.match(text, end):
            continue
        words = tokens.words_between(start, head_start)
        numbered = False
        if token is not None:
            prefix = words[-1]
            if prefix[0] in _CLASSIFIERS and start < head_start - len(prefix):
                continue  # 2443/个村: a count of villages
            if prefix in lexicon.boundary_words:
                continue  # 开街, 强港: a verb or adjective on a head, not a name
            if len(prefix) == 1:
                # 东村 (a name jieba knows) is a proper word; 兴村, 垄路 are not on their own
                words[-1] = token if is_known(token) else prefix
            numbered = _NUMERAL_WORD.fullmatch(prefix) is not None  # 远大二路, 长沙市一中
        elif head.kind == "infra" and _NUMERAL_WORD.fullmatch(words[-1]):
            numbered = True  # 五一大道, 八一路
        if head_text.endswith("中心") and _HEAD_CONTINUES.match(text, end):
            continue  # 研发中心城市: the head is a modifier here
        if stage_before(text, head_start, head_text):
            continue  # 自贸大厦主体工程: a stage of the project named before it
        sectioned = phased and head.kind == "infra" and sum(map(len, words)) >= 2
        if not (numbered or sectioned or _proper_enough(words, head.kind, head_text, lexicon)):
            continue
        if _STRAY_DENG.search(text, start, head_start):
            continue  # 云龙湖等实验室: a list, not a name
        fixed_place = head.type == "Place" and head.kind == "fixed"
        type_ = "Project" if phased and not fixed_place else head.type
        kind = "fixed" if phased else head.kind
        found.append(Candidate(start, end, type_, kind, "head", phased))
    return found


@cache
def _stage_words() -> tuple[str, ...]:
    return data_lines("partial_stages.txt")


def stage_before(text: str, head_start: int, head: str) -> bool:
    """Whether a stage (主体, 前期) stands right before a head of works (工程, 项目): the works
    of a project named before it (自贸大厦主体工程), not a name of their own."""
    return head in _WORKS and text[:head_start].endswith(_stage_words())


def _one_token_name(tokens: Tokens, head_start: int, head_end: int, lexicon: Lexicon) -> int | None:
    """The start of a river or lake name written as one token (湘江, 濛/溪河), if it is one."""
    token = _head_token(tokens, head_start, head_end)
    if token is None or token in lexicon.places or not is_proper(token, lexicon):
        return None
    if head_end < len(tokens.text) and _name_goes_on(tokens, head_end, lexicon):
        return None  # 林田湖/草沙: the name goes on
    start = head_end - len(token)
    if _glued_preposition(token):
        return start + 1  # 沿伊敏河
    index = tokens.index_at(start)
    before = tokens.word(index - 1) if index > 0 else ""
    if len(before) == 1 and NAME_CHARS.fullmatch(before) and not is_known(before):
        start -= 1  # 濛/溪河
    return start


def _short_county_glued(tokens: Tokens, name: str, end: int, lexicon: Lexicon) -> bool:
    """A county's short form glued to one more character is another word (惠民/生)."""
    if lexicon.places.get(name) != "county" or name.endswith(("县", "区", "市", "旗")):
        return False
    if end >= len(tokens.text):
        return False
    following = tokens.word(tokens.index_at(end))
    return len(following) == 1 and bool(NAME_CHARS.fullmatch(following))


def _name_goes_on(tokens: Tokens, end: int, lexicon: Lexicon) -> bool:
    following = tokens.word(tokens.index_at(end))
    if following in lexicon.name_verbs or following in lexicon.boundary_words:
        return False  # 远大三路拓改: works on the road, not more of its name
    return bool(NAME_CHARS.fullmatch(following)) and not is_known(following)


def _common_word(token: str, head: str, lexicon: Lexicon) -> bool:
    """Whether a token that ends in a head is an everyday word (道路, 思路, 乡村, 城镇) rather
    than a name or a compound of a generic word and the head (金融中心)."""
    if token in lexicon.generic_words or token in _NOT_NUMBERED:
        return True
    if token in lexicon.places or token in lexicon.organizations or not is_known(token):
        return False
    tag = tag_of(token)
    if tag in ("m", "ns", "nt"):  # 二路: a numbered road; 广州白云机场: a name jieba knows
        return False
    prefix = token[: -len(head)]
    if len(prefix) == 1:
        return tag not in PROPER_TAGS and jieba_frequency(token) > _EVERYDAY_FREQUENCY
    return not is_known(prefix)  # 集成电路, 工作思路; but 金融中心 is 金融 + 中心


def _proper_enough(words: list[str], kind: str, head: str, lexicon: Lexicon) -> bool:
    if kind == "open":
        return sum(map(len, words)) >= 2
    if kind == "weak":
        return is_proper(words[-1], lexicon)
    if words[0] in _INTERNATIONAL and head in _INTERNATIONAL_HEADS:
        return True
    return _has_proper(words, lexicon)


def brand_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """Companies written as brand + industry word (隆平高科, 铁建重工, 益阳奥士康科技)."""
    text = tokens.text
    found = []
    for end, industry in words_ending_tokens(tokens, lexicon.industry_ends):
        word_start = end - len(industry)
        following = tokens.index_at(end) if end < len(text) else -1
        next_word = tokens.word(following) if following >= 0 else ""
        if next_word in _INDUSTRY_CONTINUES or (next_word and is_known(industry + next_word)):
            continue  # 科技创新, 生物制造: the industry word starts a compound here
        index = tokens.index_at(word_start)
        if tokens.start_of(index) < word_start:
            brand_start = tokens.start_of(index)  # 招银金/投: the brand shares a token
        elif index > 0:
            brand_start = tokens.start_of(index - 1)
        else:
            continue
        partial = tokens.start_of(index) < word_start
        before = tokens.word(index - 1) if index > 0 else ""
        rare = len(before) == 1 and jieba_frequency(before) < _EVERYDAY_CHARACTER
        if partial and word_start - brand_start == 1 and rare:
            brand_start -= 1  # 银/通科技: jieba split the brand (not 多/高科技)
        brand = text[brand_start:word_start]
        if not _is_brand(brand, lexicon) or _after_count(tokens, brand_start):
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


def _after_count(tokens: Tokens, start: int) -> bool:
    """Whether a number stands right before (40/项省/科技: jieba glued the classifier)."""
    index = tokens.index_at(start)
    return index > 0 and tokens.word(index - 1).isdigit()


def _is_brand(word: str, lexicon: Lexicon) -> bool:
    if len(word) < 2 or word in lexicon.places or word in lexicon.generic_words:
        return False
    if not NAME_CHARS.fullmatch(word) or ends_name(word, lexicon):
        return False
    if any(word.startswith(b) for b in lexicon.boundary_words if len(b) > 1):
        return False
    if any(char in _FUNCTION_CHARS for char in word):
        return False  # 竞争力的, 坚定不移把
    return not is_known(word) or tag_of(word) in ("nr", "nrt", "nz", "nt", "ns")


def quoted_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """A quoted name that ends in an organization or project head is taken whole."""
    found = []
    for match in _QUOTED.finditer(tokens.text):
        content = match.group(1)
        if not NAME_CHARS.fullmatch(content) or content[0] in _NUMERAL_CHARS or len(content) < 6:
            continue  # “四个中心”, “管委会+运营公司”: slogans, not names
        for size in (3, 2, 1):
            head = lexicon.heads.get(content[-size:])
            if head is not None:
                break
        if head is None or head.type == "Place" or head.kind == "infra":
            continue
        found.append(Candidate(match.start(1), match.end(1), head.type, "fixed", "quoted"))
    return found


def gazetteer_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    """Known places and organizations written as one, two or three of jieba's tokens (湖南,
    麻阳/县, 长株/潭); the longest wins, left to right."""
    text, starts = tokens.text, tokens.starts
    words = tokens.words
    known = lexicon.gazetteer
    prefixes = lexicon.gazetteer_prefixes
    spans: dict[int, int] = {i: i for i, word in enumerate(words) if word in known}
    count = len(words)
    for i in [i for i, word in enumerate(words) if word in prefixes and i + 1 < count]:
        gram = words[i] + words[i + 1]
        if gram in known:
            spans[i] = i + 1
        if i + 2 < count and gram in prefixes and gram + words[i + 2] in known:
            spans[i] = i + 2
    found = []
    index = 0
    for first in sorted(spans):
        if first < index:
            continue
        last = spans[first]
        end = starts[last + 1] if last + 1 < len(starts) else len(text)
        name = text[starts[first] : end]
        if name in lexicon.generic_words or _short_county_glued(tokens, name, end, lexicon):
            continue  # 城区, 惠民/生: a division's name used as an everyday word
        type_ = "Organization" if name in lexicon.organizations else "Place"
        found.append(Candidate(starts[first], end, type_, "fixed", "gazetteer"))
        index = last + 1
    return found
