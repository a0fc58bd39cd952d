"""Coordinated names: lists closed by a class noun, and names coordinated with other names.

自贸大厦、浩天财智中心等重大项目 -> two projects; 邵永、铜吉等6条高铁 -> two lines;
北大荒工贸、新五丰等产业链龙头企业 -> two companies; 火车新站、马坡岭两个国控站点 -> two sites.
Items are split at 、 and at 和/及 where the part after the conjunction starts with a proper
word (京港澳和沪昆 are two lines, 新能源动力和储能 is one project). In a list without a class
noun (燕山街、五一东村、荷花园社区成为…), an item that ends in a head is a name when another
item of the same list already is one.
"""

from __future__ import annotations

import itertools
import re

from kg.nlp.lexicon import Head, Lexicon
from kg.nlp.names import first_word_proper, trim_generic_start
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import ends_name, is_known, tag_of

_CLAUSE_END = re.compile(r"[，,；;：:。！？!?（(）)\s]")
_CONJUNCTIONS = ("和", "及", "与", "以及")
_RUN = re.compile(r"[^，,；;：:。！？!?]+")
_ENUMERATION_COMMA = re.compile("、")
# Class nouns that often modify the noun after them (国家物流枢纽, 城市更新).
MODIFIER_CLASSES = frozenset({"国家", "地区", "城市"})
_COUNTED = re.compile(r"^[0-9]|[0-9]+[余多]?[个家座条所项处栋]")
MAX_ITEM_CHARS = 30


def list_items(tokens: Tokens, lexicon: Lexicon, known: list[Candidate]) -> list[Candidate]:
    """The items of every coordinated list closed by a class noun of list_classes.tsv."""
    text = tokens.text
    found: list[Candidate] = []
    for match in lexicon.list_pattern.finditer(text):
        cls = lexicon.list_classes[match.group(1)]
        trigger = match.start()
        if trigger not in tokens.bounds or (
            text[trigger] == "等" and trigger + 1 not in tokens.bounds
        ):
            continue  # 等 inside a word (高等院校)
        parts = _split_items(tokens, _clause_start(text, trigger), trigger, lexicon)
        if not parts:
            continue
        if _verb_between(tokens, match.end(1) - len(match.group(1)), trigger, lexicon):
            continue  # 等重点区域谋划一批项目: the class noun is not what the list is
        if match.group(1) in MODIFIER_CLASSES and noun_follows(tokens, match.end(1), lexicon):
            continue  # 等10个国家物流枢纽: 国家 modifies what follows
        for start, end in parts:
            if text[start:end] in lexicon.places:
                continue  # 济南、青岛等项目: a place where the projects are
            if _is_name((start, end), tokens, lexicon, known, cls.type):
                found.append(Candidate(start, end, cls.type, cls.kind, "list"))
    return found


def coordinated_names(tokens: Tokens, lexicon: Lexicon, known: list[Candidate]) -> list[Candidate]:
    """Items of a 、 list that end in a head, where another item is a known name."""
    text = tokens.text
    if "、" not in text:
        return []
    found: list[Candidate] = []
    exact = {(c.start, c.end) for c in known}
    known_ends = {c.end for c in known}
    for run in _RUN.finditer(text):
        if text.find("、", run.start(), run.end()) < 0:
            continue  # most clauses hold no list
        cuts = _cuts(text, run.start(), run.end())
        if not cuts or cuts[0] not in tokens.bounds:
            continue
        inner = [(a + 1, b) for a, b in itertools.pairwise(cuts)]
        if cuts[0] not in known_ends and not any(item in exact for item in inner):
            last_known = any(c.start == cuts[-1] + 1 and (c.start, c.end) in exact for c in known)
            if not last_known:
                continue
        items = _coordinated_items(tokens, run.start(), cuts, known, lexicon)
        if not any(item in exact for item in items):
            continue
        for start, end in items:
            head = _head_of(text[start:end], lexicon)
            if (start, end) in exact or head is None or not 2 <= end - start <= MAX_ITEM_CHARS:
                continue
            if not NAME_CHARS.fullmatch(text[start:end]) or _COUNTED.search(text[start:end]):
                continue
            if any(ends_name(w, lexicon) for w in tokens.words_between(start, end)):
                continue  # 二期和黄茅峡水库: not one item
            if head.kind != "weak" and end - start > len(head.text) + 1:
                found.append(Candidate(start, end, head.type, head.kind, "list"))
    return found


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets of the enumeration commas (、) between start and end."""
    return [m.start() for m in _ENUMERATION_COMMA.finditer(text, start, end)]


def _coordinated_items(
    tokens: Tokens, run_start: int, cuts: list[int], known: list[Candidate], lexicon: Lexicon
) -> list[tuple[int, int]]:
    first = item_start(tokens, run_start, cuts[0], lexicon, through_conjunctions=False)
    starts = [first, *(c + 1 for c in cuts)]
    ends = list(cuts)
    last = [c.end for c in known if c.start == cuts[-1] + 1]
    if last:
        ends.append(max(last))  # the last item ends where a name found there ends
    return list(zip(starts, ends, strict=False))


def _head_of(item: str, lexicon: Lexicon) -> Head | None:
    for size in range(min(6, len(item)), 0, -1):
        head = lexicon.heads.get(item[-size:])
        if head is not None:
            return head
    return None


def _is_name(
    part: tuple[int, int],
    tokens: Tokens,
    lexicon: Lexicon,
    known: list[Candidate],
    class_type: str,
) -> bool:
    start, end = part
    item = tokens.text[start:end]
    words = tokens.words_between(start, end)
    if any(w not in _CONJUNCTIONS and ends_name(w, lexicon) for w in words):
        return False  # 西湖大学牵头建设…, 育优做强: a clause, not a name
    core_end = _without_suffix(tokens, start, end, lexicon)  # 王家垄路西段 -> 王家垄路
    core = tokens.text[start:core_end]
    head = _head_of(core, lexicon)
    last_word = tokens.words_between(start, core_end)[-1] if core_end > start else ""
    ends_in_head = head is not None and len(core) > len(head.text) + 1
    if head is not None and ends_in_head and is_known(last_word) and last_word != head.text:
        ends_in_head = _tagged_name(last_word)  # 沿线道路: 道路 is a word, not 道 + 路
    if any(c.start == start for c in known) or ends_in_head:
        return True
    if class_type == "Organization" and item.endswith(lexicon.industry_words):
        return not is_known(item)  # 绿叶生物 among companies
    return first_word_proper(tokens.words_between(start, end), lexicon)


def _without_suffix(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> int:
    """Where an item ends without its phase or section (二期, 西段)."""
    for index in range(tokens.index_at(start) + 1, tokens.index_at(end - 1) + 1):
        at = tokens.start_of(index)
        suffix = lexicon.suffix_pattern.match(tokens.text, at)
        if suffix and suffix.end() == end:
            return at
    return end


def _tagged_name(word: str) -> bool:
    return tag_of(word) in ("ns", "nt", "nr")


def noun_follows(tokens: Tokens, end: int, lexicon: Lexicon) -> bool:
    if end >= len(tokens.text) or end not in tokens.bounds:
        return end < len(tokens.text)
    following = tokens.word(tokens.index_at(end))
    return bool(NAME_CHARS.fullmatch(following)) and not ends_name(following, lexicon)


def _verb_between(tokens: Tokens, class_start: int, trigger: int, lexicon: Lexicon) -> bool:
    return any(ends_name(w, lexicon) for w in tokens.words_between(trigger + 1, class_start))


def _clause_start(text: str, position: int) -> int:
    for index in range(position - 1, -1, -1):
        if _CLAUSE_END.match(text[index]):
            return index + 1
    return 0


def _split_items(
    tokens: Tokens, clause_start: int, trigger: int, lexicon: Lexicon
) -> list[tuple[int, int]]:
    text = tokens.text
    cuts = _cuts(text, clause_start, trigger)
    first_end = cuts[0] if cuts else trigger
    if first_end not in tokens.bounds:
        return []
    starts = [item_start(tokens, clause_start, first_end, lexicon), *(c + 1 for c in cuts)]
    items = []
    for start, end in zip(starts, [*cuts, trigger], strict=True):
        item = text[start:end]
        if not 2 <= end - start <= MAX_ITEM_CHARS or _COUNTED.search(item):
            return []
        if NAME_CHARS.fullmatch(item):
            items.extend(split_conjunction(tokens, start, end, lexicon))
    return items


def item_start(
    tokens: Tokens,
    clause_start: int,
    end: int,
    lexicon: Lexicon,
    *,
    through_conjunctions: bool = True,
) -> int:
    """The first item of a list begins after the verb or function word before it; in a list
    closed by a class noun, a conjunction inside it (京港澳和沪昆) does not end it."""
    index = tokens.index_at(end - 1)
    start = end
    while index >= 0 and tokens.start_of(index) >= clause_start:
        word = tokens.word(index)
        conjunction = through_conjunctions and word in _CONJUNCTIONS
        if not conjunction and (ends_name(word, lexicon) or not word.strip()):
            break
        start = tokens.start_of(index)
        index -= 1
    while start < end and tokens.word(tokens.index_at(start)) in _CONJUNCTIONS:
        start = tokens.end_of(tokens.index_at(start))
    return trim_generic_start(tokens, start, end, lexicon)


def split_conjunction(
    tokens: Tokens, start: int, end: int, lexicon: Lexicon
) -> list[tuple[int, int]]:
    for index in range(tokens.index_at(start), tokens.index_at(end - 1) + 1):
        word = tokens.word(index)
        left, right = tokens.start_of(index), tokens.end_of(index)
        if word not in _CONJUNCTIONS or left <= start or right >= end:
            continue
        if first_word_proper(tokens.words_between(right, end), lexicon, strict=True):
            return [(start, left), *split_conjunction(tokens, right, end, lexicon)]
    return [(start, end)]
