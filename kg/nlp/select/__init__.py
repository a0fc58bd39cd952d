"""The selector: from the sources' overlapping proposals to the names of a paragraph.

Each span proposed by any source is scored as a name; spans are taken best first, never
overlapping one already taken (but a likely name replaces the names inside it), while their
probability reaches the model's threshold; each takes the type its type model finds likeliest
(the types the sources proposed are among its features).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from kg.nlp.lexicon import Lexicon
from kg.nlp.select.features import (
    DocumentContext,
    ParagraphContext,
    Span,
    ending_head,
    group_spans,
    span_features,
)
from kg.nlp.select.model import SelectorModel, load_model
from kg.nlp.tokens import Candidate
from kg.nlp.words import ends_name, tag_of

__all__ = [
    "Choice",
    "DocumentContext",
    "ParagraphContext",
    "choose_names",
    "fixed_type",
    "load_model",
    "names_nothing",
    "span_examples",
]

_DEMONSTRATIVES = ("这", "该", "此", "各", "每", "其")
# What a name never holds inside: the close of a list (国瑞协创等一批…项目, …等骨干企业,
# …多伦湖等景区, …界等), an amount or a count (玉林首个300亿元园区, 榆山…孵化园5大园区), a rank
# (全国首家…, 世界500强企业…), the verb of a clause (五指山分别入选…, …获评, …晋升为…), an
# adverb of the verb that follows (…公共停车场基本建成) or a conjunction (…至俄蒙及), a class noun
# or a count it starts with (企业吉利控股集团, 三大动力, 一条…), a quantity it starts with
# (13万亩…综合体, 50万平方米标准厂房; a class of size such as 10万吨级 can open a name), or
# "each" of a kind (县政府各部门, 各类实验室).
_NEVER_A_NAME = re.compile(
    r"等(?:一批|一系列|骨干|重点|龙头|优势|知名|头部|规上|\d|[一二三四五六七八九十两多]+[个家项座条批所处户])"
    r"|\d[\d.]*(?:亿|万|千)?元|\d+(?:个|家|大|批|项|户|强)"
    r"|首个|首家|领军企业|龙头企业|分别|入选|获评|获批|晋升|成为|等$|(?<![高同平对均])等(?!级)[\u4e00-\u9fff]{1,4}$"
    r"|(?:基本|全面|加快|正式|顺利|有序|成功)$|(?<!埃)及$"
    r"|^(?:企业|项目)."
    r"|^(?:[二三四五六七八九十两]|十[一二三四五六七八九])(?:大|个|项|类|种|批|条)"
    r"|^一(?:个|批|条|座|项|处|家|所)"
    r"|各[类项级位族界部单地县区市镇乡村民环]"
    r"|^\d[\d.]*[万千百亿]?(?:亩|吨|平方米|平方公里|公里|千米|米|千瓦|人次|人|户|套|辆|只|头)(?!级)"
)
_QUOTES = "“”‘’\"'「」《》"
ORGANIZATION_HEAD = ("Organization", "fixed")
# A second type is kept for a name (a road built and located) at this probability.
OTHER_TYPE = 0.35
# A span this likely to be a name is taken over the names inside it already taken: the gold
# holds the longest named span (云南牟定产业园区管委会, not 云南). From 0.6 to 0.85 the
# cross-validated score of the open gold is the same; at 0.5 clauses took over names
# (汕头发挥侨乡优势对接大湾区 over 汕头).
CONTAINER = 0.7
T = TypeVar("T")


@dataclass(frozen=True)
class Choice:
    """A name the selector took: its span, type, probability and the other types it could
    defend."""

    start: int
    end: int
    type: str
    probability: float
    other_types: tuple[str, ...] = ()


def span_examples(
    candidates: list[Candidate],
    paragraph: ParagraphContext,
    document: DocumentContext,
    lexicon: Lexicon,
) -> list[tuple[Span, list[str]]]:
    """Every span proposed in a paragraph that can name something, with its features. A span
    that names nothing is no container either (创建成都市首个…示范基地 does not make 成都市 a part
    of something longer)."""
    text = paragraph.tokens.text
    spans = [
        span
        for span in group_spans(candidates)
        if not names_nothing(text[span.start : span.end], lexicon)
        and not _holds_completion(span, paragraph, lexicon)
        and not _starts_mid_phrase(text, span.start)
    ]
    containers = [span for span in spans if not _starts_at_verb(span, paragraph, lexicon)]
    return [(span, span_features(span, paragraph, document, lexicon, containers)) for span in spans]


def _holds_completion(span: Span, paragraph: ParagraphContext, lexicon: Lexicon) -> bool:
    """A span with a verb of completion after its first word holds a clause, not a name
    (星沙街道建成智能制造产业园); 建成区 is one word of jieba's, not the verb."""
    tokens = paragraph.tokens
    first = tokens.index_at(span.start)
    last = tokens.index_at(span.end - 1)
    return any(
        tokens.word(i) in lexicon.completed_verbs and tokens.end_of(i) <= span.end
        for i in range(first + 1, last + 1)
    )


def _starts_mid_phrase(text: str, start: int) -> bool:
    """A name does not start inside a number (the 6凝析气田 of 渤中19-6凝析气田) or at the 好 that
    completes a verb (保障好鲁巧高速, 用好…, 建好…)."""
    if start == 0:
        return False
    first, before = text[start], text[start - 1]
    if first.isdigit():
        return before.isdigit() or before in ".-－—"
    return first == "好" and "\u4e00" <= before <= "\u9fff"


def _starts_at_verb(span: Span, paragraph: ParagraphContext, lexicon: Lexicon) -> bool:
    """A span opening with a clause's verb (启动110千伏坪地输变电工程) holds the name after
    the verb; it is no container of that name."""
    tokens = paragraph.tokens
    index = tokens.index_at(span.start)
    return tokens.start_of(index) == span.start and ends_name(tokens.word(index), lexicon)


def names_nothing(surface: str, lexicon: Lexicon) -> bool:
    """A span with no proper part names nothing, whatever the sources saw: a head or class
    noun alone (工程, 基地), a phase alone (二期), a generic word, a head after a
    demonstrative (这一中心), a false head at its end (…对外开放新格局), a span that holds
    what no name holds (_NEVER_A_NAME), or a verb before a class noun. Quote marks at its
    edges are not read (“修机场 is 修机场)."""
    surface = surface.strip(_QUOTES)
    return (
        len(surface) < 2
        or surface in lexicon.heads
        or surface in lexicon.list_classes
        or surface in lexicon.generic_words
        or surface in lexicon.industry_words
        or lexicon.suffix_pattern.fullmatch(surface) is not None
        or surface.startswith(_DEMONSTRATIVES)
        or surface.endswith(lexicon.false_heads)
        or _NEVER_A_NAME.search(surface) is not None
        or _verb_and_class(surface, lexicon)
    )


def _verb_and_class(surface: str, lexicon: Lexicon) -> bool:
    """A one-character verb before a class noun is a clause, not a name (修机场, 抓项目): the
    verb is all the proper part it would have. Not before any everyday word: 建三江 is a town."""
    rest = surface[1:]
    return (
        len(rest) >= 2
        and tag_of(surface[0]) == "v"
        and (rest in lexicon.heads or rest in lexicon.list_classes)
    )


def take_spans(
    ranked: Iterable[tuple[float, int, int, T]], threshold: float
) -> list[tuple[float, T]]:
    """The spans taken from (probability, start, end, item): best first (the longer on a tie),
    never overlapping one taken, while the probability reaches ``threshold``; a span of
    probability CONTAINER or more replaces the names it contains (the gold holds the longest
    named span: 云南牟定产业园区管委会 over the 云南 inside it)."""
    taken: list[tuple[float, int, int, T]] = []
    for entry in sorted(ranked, key=lambda r: (-r[0], r[1] - r[2], r[1])):
        probability, start, end, _item = entry
        if probability < threshold:
            break
        overlapping = [t for t in taken if start < t[2] and t[1] < end]
        if overlapping:
            inside = all(start <= t[1] and t[2] <= end for t in overlapping)
            if probability < CONTAINER or not inside:
                continue
            taken = [t for t in taken if t not in overlapping]
        taken.append(entry)
    return [(probability, item) for probability, _start, _end, item in taken]


def fixed_type(surface: str, lexicon: Lexicon) -> str | None:
    """The type a span has whatever its features say: a country or division of the gazetteer
    is a Place (香港 and 防城港 end in 港, a port's head); a name ending in an organization's
    head of two characters or more is an Organization (长春理工大学, …集团, …研究院)."""
    if surface in lexicon.places:
        return "Place"
    head = ending_head(surface, lexicon)
    if head is not None and len(head.text) > 1 and (head.type, head.kind) == ORGANIZATION_HEAD:
        return "Organization"
    return None


def choose_names(
    candidates: list[Candidate],
    paragraph: ParagraphContext,
    document: DocumentContext,
    lexicon: Lexicon,
    model: SelectorModel | None = None,
) -> list[Choice]:
    """The names of a paragraph, in text order."""
    model = model or load_model()
    text = paragraph.tokens.text
    ranked = [
        (model.name_probability(features), span.start, span.end, (span, features))
        for span, features in span_examples(candidates, paragraph, document, lexicon)
    ]
    taken: list[Choice] = []
    for probability, (span, features) in take_spans(ranked, model.threshold):
        types = sorted(model.type_probabilities(features).items(), key=lambda kv: -kv[1])
        fixed = fixed_type(text[span.start : span.end], lexicon)
        if fixed is not None:
            types = [(fixed, 1.0)]
        others = tuple(t for t, p in types[1:] if p >= OTHER_TYPE)
        taken.append(Choice(span.start, span.end, types[0][0], probability, others))
    return sorted(taken, key=lambda c: c.start)
