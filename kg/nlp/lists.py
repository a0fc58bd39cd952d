"""Coordinated names: lists closed by a class noun, and names coordinated with other names.

自贸大厦、浩天财智中心等重大项目 -> two projects; 邵永、铜吉等6条高铁 -> two lines;
北大荒工贸、新五丰等产业链龙头企业 -> two companies; 火车新站、马坡岭两个国控站点 -> two sites.
Items are split at 、 and at 和/及 where the part after the conjunction starts with a proper
word (京港澳和沪昆 are two lines, 新能源动力和储能 is one project). In a list without a class
noun (燕山街、五一东村、荷花园社区成为…), an item that ends in a head is a name when another
item of the same list already is one.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Head, Lexicon
from kg.nlp.names import first_word_proper
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import ends_name, is_known

_CLAUSE_END = re.compile(r"[，,；;：:。！？!?（(）)\s]")
_CONJUNCTIONS = ("和", "及", "与", "以及")
_COUNTED = re.compile(r"^[0-9]|[0-9]+[个家座条所项处栋]")
MAX_ITEM_CHARS = 30
MAX_UNPROVEN_ITEM_CHARS = 8


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
        proven = [_is_name(part, tokens, lexicon, known) for part in parts]
        if len(parts) == 1 and not (proven[0] or _covers_candidate(parts[0], known)):
            continue  # one item alone must already look like a name (佳亨钢厂等违章建筑)
        for (start, end), is_name in zip(parts, proven, strict=True):
            if is_name or (any(proven) and _plausible((start, end), tokens, lexicon)):
                found.append(Candidate(start, end, cls.type, cls.kind, "list"))
    return found


def coordinated_names(tokens: Tokens, lexicon: Lexicon, known: list[Candidate]) -> list[Candidate]:
    """Items of a 、 list that end in a head, where another item is a known name."""
    text = tokens.text
    found: list[Candidate] = []
    exact = {(c.start, c.end) for c in known}
    for run in re.finditer(r"[^，,；;：:。！？!?]+", text):
        cuts = [i for i in range(run.start(), run.end()) if text[i] == "、"]
        if not cuts or cuts[0] not in tokens.bounds:
            continue
        first = _item_start(tokens, run.start(), cuts[0], lexicon, through_conjunctions=False)
        starts = [first, *(c + 1 for c in cuts)]
        ends = list(cuts)
        last = [c for c in known if c.start == cuts[-1] + 1]
        if last:
            ends.append(max(c.end for c in last))
        items = list(zip(starts, ends, strict=False))
        if not any(item in exact for item in items):
            continue
        for start, end in items:
            head = _head_of(text[start:end], lexicon)
            if (start, end) in exact or head is None or not 2 <= end - start <= MAX_ITEM_CHARS:
                continue
            if head.kind != "weak" and end - start > len(head.text) + 1:
                found.append(Candidate(start, end, head.type, head.kind, "list"))
    return found


def _head_of(item: str, lexicon: Lexicon) -> Head | None:
    for size in range(min(6, len(item)), 0, -1):
        head = lexicon.heads.get(item[-size:])
        if head is not None:
            return head
    return None


def _is_name(
    part: tuple[int, int], tokens: Tokens, lexicon: Lexicon, known: list[Candidate]
) -> bool:
    start, end = part
    item = tokens.text[start:end]
    head = _head_of(item, lexicon)
    if any(c.start == start for c in known) or (head and len(item) > len(head.text) + 1):
        return True
    return first_word_proper(tokens.words_between(start, end), lexicon)


def _plausible(part: tuple[int, int], tokens: Tokens, lexicon: Lexicon) -> bool:
    """An item not proven a name may still be one beside names, unless it is an everyday
    word (银行、保险、证券) or starts with a generic one."""
    start, end = part
    item = tokens.text[start:end]
    if end - start > MAX_UNPROVEN_ITEM_CHARS or not NAME_CHARS.fullmatch(item):
        return False
    first = tokens.words_between(start, end)[0]
    return not (is_known(item) or first in lexicon.generic_words)


def _clause_start(text: str, position: int) -> int:
    for index in range(position - 1, -1, -1):
        if _CLAUSE_END.match(text[index]):
            return index + 1
    return 0


def _split_items(
    tokens: Tokens, clause_start: int, trigger: int, lexicon: Lexicon
) -> list[tuple[int, int]]:
    text = tokens.text
    cuts = [i for i in range(clause_start, trigger) if text[i] == "、"]
    first_end = cuts[0] if cuts else trigger
    if first_end not in tokens.bounds:
        return []
    starts = [_item_start(tokens, clause_start, first_end, lexicon), *(c + 1 for c in cuts)]
    items = []
    for start, end in zip(starts, [*cuts, trigger], strict=True):
        item = text[start:end]
        if not 2 <= end - start <= MAX_ITEM_CHARS or _COUNTED.search(item):
            return []
        if NAME_CHARS.fullmatch(item):
            items.extend(_split_conjunction(tokens, start, end, lexicon))
    return items


def _item_start(
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
    return start


def _split_conjunction(
    tokens: Tokens, start: int, end: int, lexicon: Lexicon
) -> list[tuple[int, int]]:
    for index in range(tokens.index_at(start), tokens.index_at(end - 1) + 1):
        word = tokens.word(index)
        left, right = tokens.start_of(index), tokens.end_of(index)
        if word not in _CONJUNCTIONS or left <= start or right >= end:
            continue
        if first_word_proper(tokens.words_between(right, end), lexicon, strict=True):
            return [(start, left), *_split_conjunction(tokens, right, end, lexicon)]
    return [(start, end)]


def _covers_candidate(part: tuple[int, int], known: list[Candidate]) -> bool:
    return any(c.start <= part[0] and part[1] <= c.end for c in known) or any(
        c.end == part[1] for c in known
    )
