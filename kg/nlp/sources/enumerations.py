"""Candidate source: the items of enumerations, whatever closes them.

Reports name projects and companies in lists: 甲乙醋酸、丙丁紧固件等10亿元以上项目加快建设;
新引入某某生物、某某新能源等重点产业项目; 民主西路、金凤二路顺利贯通.
The list rules (kg.nlp.lists) take items only under a class noun right after 等; this source takes
every item of a 、 list and says what it saw around it (the class noun closing it, how far, the
verb before it) for the selector to weigh. It proposes each item with every type a class noun can
give it, or all three types where no class noun says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.nlp.lexicon import Lexicon
from kg.nlp.lists import MODIFIER_CLASSES, item_start, noun_follows, split_conjunction
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import ends_name, jieba_frequency, tag_of

SOURCE = "enumeration"
_CLAUSE = re.compile(r"[^，,；;：:。！？!?（）()]+")
# 等 with up to this many characters to its class noun (等10亿元以上项目, 等一批百亿级重大项目).
MAX_CLOSER_GAP = 16
MAX_ITEM = 24
MAX_FIRST_VARIANTS = 4
# A word this frequent in jieba's dictionary is an everyday word (质量, 规模), not a name.
EVERYDAY = 500
TYPES = ("Project", "Organization", "Place")
CONCEPT = "concept"  # the closer of a list of kinds (产业, 政策, 领域): its items name nothing
# A count that closes a list with no 等 (长白山3个创新型省实验室, 马坡岭两个国控站点).
_COUNT = re.compile(r"(?:[0-9]+|[两二三四五六七八九十]+)[个家座条所项处]")
# A count that opens a noun phrase of its own after a kind's noun (等领域一批…项目).
_COUNTED_PHRASE = re.compile(r"一批|一系列|多个|[0-9一二三四五六七八九十两]+[个家项批]")
# Sources whose proposal of an item says the list is one of names.
_NAMING_SOURCES = frozenset({"rules", "statistical", "gazetteer", "head", "brand", "list"})


@dataclass(frozen=True)
class Enumeration:
    """A 、 list of a clause: its items, where its first item was looked for, what closes it."""

    clause_start: int
    first_cut: int  # the first 、
    last_cut: int
    clause_end: int
    items: list[tuple[int, int]]
    closer: str  # a class noun, CONCEPT for a list of kinds, "" if none
    gap: int
    first_unread: bool  # a verb right before the first 、 left no first item, or a too short one


def enumerations(tokens: Tokens, lexicon: Lexicon) -> Iterator[Enumeration]:
    """The 、 lists of the paragraph with two items or more."""
    text = tokens.text
    for clause in _CLAUSE.finditer(text):
        start, end = clause.span()
        cuts = [i for i in range(start, end) if text[i] == "、"]
        if not cuts or cuts[0] not in tokens.bounds:
            continue
        deng = text.find("等", cuts[0], end)
        if deng >= 0:  # 、 after the list's 等 is in its class phrase: 等一批百亿级、十亿级重大项目
            cuts = [cut for cut in cuts if cut < deng]
        last_end, closer, gap = _list_end(tokens, cuts[-1] + 1, end, lexicon)
        first = item_start(tokens, start, cuts[0], lexicon)
        # A verb right before the first 、 leaves no first item (中沄通达储能柜组装、…), or one
        # too short to be one (迎林局掺混/肥、…): the list still counts it, and its starts are
        # proposed below.
        first_unread = cuts[0] - first < 2
        bounds = list(zip([first, *(c + 1 for c in cuts)], [*cuts, last_end], strict=True))
        items = []
        for item_from, item_to in bounds:
            items.extend(split_conjunction(tokens, item_from, item_to, lexicon))
        items = [(a, b) for a, b in items if _is_item(text[a:b])]
        if len(items) + first_unread >= 2:
            yield Enumeration(start, cuts[0], cuts[-1], end, items, closer, gap, first_unread)


def kinds_items(lists: Iterable[Enumeration]) -> list[tuple[int, int]]:
    """The items of the lists of kinds among ``lists`` (生物医药、中药材等产业)."""
    return [item for e in lists if e.closer == CONCEPT for item in e.items]


def enumeration_items(
    tokens: Tokens, lexicon: Lexicon, known: list[Candidate], lists: Iterable[Enumeration]
) -> list[Candidate]:
    """The items of the paragraph's lists (``enumerations``); ``known`` are the other sources'
    proposals, to say how many items of a list they name (a list of names has more names)."""
    text = tokens.text
    found: list[Candidate] = []
    named = {(c.start, c.end) for c in known if c.source in _NAMING_SOURCES}
    for enumeration in lists:
        closer, items = enumeration.closer, enumeration.items
        if closer == CONCEPT:
            continue  # 生物医药、中药材等产业: kinds, not names
        if closer == "" and all(_everyday(tokens, a, b, lexicon) for a, b in items):
            continue  # 项目数量、质量、规模: a list of everyday words
        # Where the first item begins is the rules' guess (a verb, a function word before it):
        # every token boundary after the clause start is proposed, the selector weighs them.
        first_cut = enumeration.first_cut
        starts = _starts(tokens, enumeration.clause_start, first_cut)
        firsts = [(a, first_cut) for a in starts if a != items[0][0]]
        firsts = firsts[-MAX_FIRST_VARIANTS * (1 + enumeration.first_unread) :]  # the nearest
        head_type = lexicon.list_classes[closer].type if closer in lexicon.list_classes else None
        before = tokens.index_at(items[0][0]) - 1
        verb = tokens.word(before) if before >= 0 else ""
        deng = text.find("等", enumeration.last_cut, enumeration.clause_end) >= 0
        facts = (
            f"deng={'yes' if deng else 'no'}",
            f"verb={'yes' if ends_name(verb, lexicon) else 'no'}",
            f"closer={closer or 'none'}",
            f"closer_type={head_type or 'none'}",
            f"closer_gap={min(enumeration.gap, 9) if closer else 'none'}",
            f"items={min(len(items), 6)}",
        )
        types = (head_type,) if head_type else TYPES
        for item_from, item_to in items:
            if _activity(tokens, item_from, item_to, lexicon):
                continue  # 卫星研发制造、卫星数据应用等企业: what the companies do
            others = sum(1 for item in items if item in named and item != (item_from, item_to))
            item_facts = (*facts, f"siblings_named={min(others, 2)}")
            for type_ in types:
                candidate = Candidate(item_from, item_to, type_, "fixed", SOURCE, facts=item_facts)
                found.append(candidate)
        for item_from, item_to in firsts:
            if _is_item(text[item_from:item_to]):
                for type_ in types:
                    variant = (*facts, "first_item_variant")
                    found.append(
                        Candidate(item_from, item_to, type_, "fixed", SOURCE, facts=variant)
                    )
    return found


def _starts(tokens: Tokens, start: int, end: int) -> list[int]:
    """The token starts between ``start`` and ``end`` that leave an item of a name's length."""
    return [b for b in sorted(tokens.bounds) if start <= b < end - 1 and end - b <= MAX_ITEM]


def _everyday(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> bool:
    if tokens.text[start:end] in lexicon.places:
        return False  # 潜江、松滋: frequent words, but places
    return all(jieba_frequency(word) > EVERYDAY for word in tokens.words_between(start, end))


def _activity(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> bool:
    """Everyday words ending in a verb (研发制造, 数据应用): an activity, not a name. One word
    can be a brand (联想); single characters are jieba's cuts of a word it does not know
    (满/都/拉)."""
    words = tokens.words_between(start, end)
    whole_words = len(words) > 1 and all(len(word) > 1 for word in words)
    ends_in_verb = whole_words and tag_of(words[-1]) in ("v", "vn")
    return ends_in_verb and _everyday(tokens, start, end, lexicon)


def _adverb(word: str) -> bool:
    """基本, 已, 全面: words of manner and time that end a list's last item (…停车场基本建成)."""
    return (tag_of(word) or "") in ("d", "ad", "p", "c", "u", "uj", "f")


def _is_item(item: str) -> bool:
    return (
        2 <= len(item) <= MAX_ITEM
        and NAME_CHARS.fullmatch(item.replace("“", "").replace("”", "")) is not None
    )


def _list_end(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> tuple[int, str, int]:
    """Where the last item ends, the class noun that closes the list ("" if none, CONCEPT for
    a list of kinds), and how many characters stand between 等 (or the count) and it."""
    text = tokens.text
    deng = text.find("等", start, end)
    if deng > start:
        closer, gap = _closer(tokens, deng + 1, end, lexicon)
        if deng in tokens.bounds:
            return deng, closer, gap
        if deng + 1 in tokens.bounds and closer not in ("", CONCEPT):
            return deng, closer, gap  # 耐美特等骨干企业: jieba read 特等 as one word
    # No 等: the last item runs to a count (吉光、三江、长白山3个创新型省实验室), or else to
    # the first verb or function word after it.
    index = tokens.index_at(start)
    position = start
    while index < len(tokens) and tokens.start_of(index) < end:
        word = tokens.word(index)
        count = _COUNT.match(text, tokens.start_of(index))
        if count is not None and tokens.start_of(index) > start:
            closer, gap = _closer(tokens, count.end(), end, lexicon)
            return tokens.start_of(index), closer, gap
        if ends_name(word, lexicon) or not NAME_CHARS.fullmatch(word) or _adverb(word):
            break
        position = tokens.end_of(index)
        index += 1
    return min(position, end), "", 0


def _closer(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> tuple[str, int]:
    """The class noun after ``start`` (after 等 or a count) and before the clause's end, and
    its distance from ``start``; CONCEPT where no class noun follows but a kind's class noun
    stands before the first verb (生物医药、中药材等产业; but 等一批战略性新兴产业项目 are
    projects, and 等10个县市获批国家试点 does not say what the items are); "" where none."""
    text = tokens.text
    window_end = min(end, start + MAX_CLOSER_GAP + 4)
    match = lexicon.class_noun_pattern.search(text, start, window_end)
    modifier = match is not None and match.group() in MODIFIER_CLASSES
    if match is not None and modifier and noun_follows(tokens, match.end(), lexicon):
        match = None  # 等国家试点: 国家 modifies what follows
    if match is not None and match.start() - start <= MAX_CLOSER_GAP:
        # A kind's noun, then a count opening another noun phrase, then the class noun: the
        # items are the kinds (新能源汽车、生物医药等领域一批重大外资项目: fields); with no count
        # between, the kind only modifies the class noun (等产业链龙头企业: companies).
        concept = lexicon.concept_pattern.search(text, start, match.start())
        if concept is not None and _COUNTED_PHRASE.search(text, concept.end(), match.start()):
            return CONCEPT, concept.start() - start
        return match.group(), match.start() - start
    verb = _first_verb(tokens, start, window_end, lexicon)
    concept = lexicon.concept_pattern.search(text, start, verb)
    if concept is not None:
        return CONCEPT, concept.start() - start
    return "", 0


def _first_verb(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> int:
    """Where the first predicate verb after ``start`` begins (or ``end``)."""
    index = tokens.index_at(start) if start < len(tokens.text) else len(tokens)
    while index < len(tokens) and tokens.start_of(index) < end:
        if tokens.start_of(index) > start and ends_name(tokens.word(index), lexicon):
            return tokens.start_of(index)
        index += 1
    return end
