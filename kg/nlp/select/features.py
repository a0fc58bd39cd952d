"""What the selector knows about a proposed name: binary features, one string each.

A proposal is a span of a paragraph with a type. Its features say which sources proposed it
(and which proposed the span with another type), what its sources saw around it, its head, its
length and characters, the words on either side, where in the report it stands, and what the
rest of the report says about the same words (written again elsewhere, the report's own region).
Every feature is crossed with the proposed type where the type changes its meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.nlp.lexicon import Head, Lexicon
from kg.nlp.resolve import clause_builds, locating_follows
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import ends_name, is_known, is_proper, jieba_frequency, tag_of

# Sources whose proposals a reader rarely disputes: a name they find once counts elsewhere.
RULE_SOURCES = frozenset(
    {"rules", "gazetteer", "head", "brand", "quoted", "list", "government", "town"}
)
_PUNCTUATION = re.compile(r"[，,；;：:。！？!?（）()“”\"、]")
_LENGTH_BUCKETS = (2, 3, 4, 6, 8, 11, 16)
MAX_HEAD = 6
_COMMON = 5000  # jieba frequency above which a word is everyday
# Words that, inside a name, show it has swallowed the words before it (世界500强企业吉利控股集团).
_GENERIC_INSIDE = frozenset({"企业", "项目", "首个", "首家", "领军", "龙头", "重点", "一批", "的"})


@dataclass(frozen=True)
class DocumentContext:
    """What the whole report says, for the features of each of its proposals."""

    text: str  # the report's paragraphs as read, joined
    region_names: frozenset[str] = frozenset()
    rule_surfaces: frozenset[str] = frozenset()  # surfaces a rule source proposed somewhere
    _counts: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def count(self, surface: str) -> int:
        """How often the report writes ``surface`` (counted once a surface)."""
        found = self._counts.get(surface)
        if found is None:
            found = self._counts[surface] = self.text.count(surface)
        return found


@dataclass(frozen=True)
class Span:
    """A paragraph's proposals of one span, grouped: the selector scores each type of it."""

    start: int
    end: int
    proposals: tuple[Candidate, ...]


@dataclass(frozen=True)
class ParagraphContext:
    tokens: Tokens
    section: str  # the section kind: preamble, review, plan, outlook, other
    congress: bool  # the paragraph is the session line (在…第十七届人民代表大会第四次会议上)


def group_spans(candidates: Iterable[Candidate]) -> list[Span]:
    spans: dict[tuple[int, int], list[Candidate]] = {}
    for candidate in candidates:
        spans.setdefault((candidate.start, candidate.end), []).append(candidate)
    return [Span(a, b, tuple(group)) for (a, b), group in sorted(spans.items())]


def span_features(
    span: Span,
    paragraph: ParagraphContext,
    document: DocumentContext,
    lexicon: Lexicon,
    spans: list[Span],
) -> list[str]:
    """The features of a proposed span: the same for whether it is a name and which type."""
    tokens = paragraph.tokens
    text = tokens.text
    surface = text[span.start : span.end]
    features = ["bias"]
    sources = sorted({c.source for c in span.proposals})
    features += [f"src={s}" for s in sources]
    features += sorted({f"src={c.source}|{c.type}" for c in span.proposals})
    features += sorted({f"proposed={c.type}" for c in span.proposals})
    features.append(f"agree={min(len(sources), 3)}")
    for candidate in span.proposals:
        features += [f"{candidate.source}:{fact}" for fact in candidate.facts]
        if candidate.kind != "fixed":
            features.append(f"kind={candidate.kind}")
        if candidate.phased:
            features.append("phased")
    if any(c.kind == "infra" for c in span.proposals):
        if locating_follows(text, span.end):
            features.append("infra_locating")
        if clause_builds(text, span.start, span.end, lexicon):
            features.append("infra_built")
    features += _head_features(surface, lexicon)
    features += _shape_features(surface, lexicon)
    features += _character_features(surface)
    features += _token_features(tokens, span.start, span.end, lexicon)
    features.append(f"section={paragraph.section}")
    if paragraph.congress:
        features.append("congress")
    count = document.count(surface)
    features.append(f"doc_count={min(count, 4)}")
    if surface in document.region_names:
        features.append("region")
    if surface in document.rule_surfaces and not any(
        c.source in RULE_SOURCES for c in span.proposals
    ):
        features.append("rule_elsewhere")
    features += _overlap_features(span, spans)
    return sorted(set(features))


def ending_head(surface: str, lexicon: Lexicon) -> Head | None:
    """The longest head ``surface`` ends with, leaving a character before it."""
    for size in range(min(MAX_HEAD, len(surface) - 1), 0, -1):
        head = lexicon.heads.get(surface[-size:])
        if head is not None:
            return head
    return None


def _head_features(surface: str, lexicon: Lexicon) -> list[str]:
    head = ending_head(surface, lexicon)
    if head is not None:
        return [f"head_type={head.type}", f"head_kind={head.kind}"]
    for size in range(min(MAX_HEAD, len(surface) - 1), 0, -1):
        if surface[-size:] in lexicon.list_classes:
            return ["class_noun_end"]
    if surface.endswith(lexicon.industry_words):
        return ["industry_end"]
    return ["no_head"]


def _shape_features(surface: str, lexicon: Lexicon) -> list[str]:
    length = next((b for b in _LENGTH_BUCKETS if len(surface) <= b), 99)
    features = [f"len<={length}"]
    if any(c.isdigit() for c in surface):
        features.append("digit")
    if re.search(r"[A-Za-z]", surface):
        features.append("latin")
    if not NAME_CHARS.fullmatch(surface):
        features.append("punct_inside")
    if any(surface.startswith(p) for p in _prefixes(surface) if lexicon.places.get(p)):
        features.append("starts_with_place")
    if surface in lexicon.places:
        features.append(f"gazetteer_level={lexicon.places[surface]}")
    if surface in lexicon.generic_words:
        features.append("generic_word")
    return features


def _character_features(surface: str) -> list[str]:
    """The characters a name is written with: its first, its last, and those between. A head
    list cannot hold every ending of a brand (能源, 航, 科), nor a rule every first character of
    one; the selector learns which characters names start, end and are made of. Spans shorter
    than two characters never get here (``names_nothing``)."""
    features = [f"first_char={surface[0]}", f"last_char={surface[-1]}"]
    features += [f"char={c}" for c in surface[1:-1]]
    return features


def _prefixes(surface: str) -> list[str]:
    return [surface[:i] for i in range(2, min(len(surface), 8))]


def _token_features(tokens: Tokens, start: int, end: int, lexicon: Lexicon) -> list[str]:
    features = []
    if start in tokens.bounds and end in tokens.bounds:
        words = tokens.words_between(start, end)
        features.append(f"tokens={min(len(words), 4)}")
        if len(words) == 1 and is_known(words[0]):
            features.append(f"one_word_tag={tag_of(words[0])}")
        if any(not is_known(w) for w in words):
            features.append("unknown_word")
        features.append("first=" + _word_kind(words[0], lexicon))
        if len(words) > 1:
            features.append("second=" + _word_kind(words[1], lexicon))
        inner = words[1:-1]
        if any(w in lexicon.list_classes or w in _GENERIC_INSIDE for w in inner):
            features.append("generic_inside")
        if any(ends_name(w, lexicon) for w in inner):
            features.append("verb_inside")
    else:
        features.append("cuts_token")
    if start > 0:
        before = tokens.index_at(start - 1)
        word = tokens.word(before)
        features += ["before=" + _word_kind(word, lexicon), "before_word=" + word]
    features.append("left=" + _left_kind(tokens, start, lexicon))
    features.append("right=" + _right_kind(tokens, end, lexicon))
    if end < len(tokens.text):
        after = tokens.index_at(end)
        word = tokens.text[end : tokens.end_of(after)]
        features += ["after=" + _word_kind(word, lexicon), "after_word=" + word]
    return features


def _word_kind(word: str, lexicon: Lexicon) -> str:
    """A word's kind for the features: a place, a proper word, a verb, an everyday word…"""
    if word in lexicon.places:
        return "place"
    if word in lexicon.generic_words:
        return "generic"
    if word in lexicon.list_classes or word in _GENERIC_INSIDE:
        return "class_noun"
    if not NAME_CHARS.fullmatch(word):
        return "punct"
    if word.isdigit():
        return "number"
    if ends_name(word, lexicon):
        return "verb"
    if is_proper(word, lexicon):
        return "proper"
    if not is_known(word):
        return "unknown"
    tag = tag_of(word) or "x"
    size = "1" if len(word) == 1 else "2+"
    frequency = "common" if jieba_frequency(word) > _COMMON else "rare"
    return f"{tag[0]}{size}{frequency}"


def _left_kind(tokens: Tokens, start: int, lexicon: Lexicon) -> str:
    if start == 0:
        return "start"
    before = tokens.text[start - 1]
    if before == "、":
        return "list"
    if _PUNCTUATION.match(before):
        return "punct"
    index = tokens.index_at(start - 1)
    word = tokens.text[tokens.start_of(index) : start]
    if word in ("和", "及", "与", "等"):
        return "conjunction"
    if ends_name(word, lexicon):
        return "verb"
    if before.isdigit():
        return "digit"
    return "word"


def _right_kind(tokens: Tokens, end: int, lexicon: Lexicon) -> str:
    text = tokens.text
    if end >= len(text):
        return "end"
    after = text[end]
    if after == "、":
        return "list"
    if after == "等":
        return "deng"
    if _PUNCTUATION.match(after):
        return "punct"
    if after.isdigit():
        return "digit"
    index = tokens.index_at(end)
    word = text[end : tokens.end_of(index)]
    if word in lexicon.list_classes or text.startswith(("项目", "工程"), end):
        return "class_noun"
    if ends_name(word, lexicon):
        return "verb"
    return "word"


def _overlap_features(span: Span, spans: list[Span]) -> list[str]:
    features = []
    for other in spans:  # sorted by start: none after the span's end overlaps it
        if other.start >= span.end:
            break
        if other is span or other.end <= span.start:
            continue
        rule = any(c.source in RULE_SOURCES for c in other.proposals)
        if other.start <= span.start and span.end <= other.end:
            features.append("inside_rule" if rule else "inside")
        elif span.start <= other.start and other.end <= span.end:
            features.append("contains_rule" if rule else "contains")
        else:
            features.append("crosses_rule" if rule else "crosses")
    return sorted(set(features))
