"""The entity components of the pipeline, as registered spaCy factories.

``govreport_names`` runs the candidate sources of a paragraph (the name rules of kg.nlp.names
and kg.nlp.lists, and the sources of kg.nlp.sources) and keeps their proposals on the Doc;
``govreport_entity_selector`` lets the selector (kg.nlp.select) choose among them and writes
``doc.ents``. A report is read by kg.nlp.mentions, which runs the selector itself, with what
the whole report says; the component reads a Doc as a report of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.lexicon import Lexicon, load_lexicon
from kg.nlp.lists import coordinated_names, list_items
from kg.nlp.names import brand_names, gazetteer_names, head_names, quoted_names
from kg.nlp.resolve import rule_choice
from kg.nlp.select import Choice, DocumentContext, ParagraphContext, choose_names
from kg.nlp.sources.edges import edge_variants
from kg.nlp.sources.enumerations import enumeration_items, enumerations, kinds_items
from kg.nlp.sources.government import government_names
from kg.nlp.sources.phases import phase_names
from kg.nlp.sources.roads import road_names
from kg.nlp.sources.statistical import tagged_names
from kg.nlp.sources.towns import town_names
from kg.nlp.tokenizer import STARTS_KEY, TEXT_KEY, WORDS_KEY
from kg.nlp.tokens import Candidate, Tokens

CANDIDATES_KEY = "govreport_candidates"


def doc_tokens(doc: Doc) -> Tokens:
    """The Doc's text and token offsets, as the tokenizer kept them (or read off the Doc)."""
    text = doc.user_data.get(TEXT_KEY)
    starts = doc.user_data.get(STARTS_KEY)
    if text is None or starts is None:
        text = doc.text
        starts = cast(list[int], doc.to_array([IDX]).ravel().tolist())
        return Tokens.from_starts(text, starts)
    return Tokens.from_starts(text, starts, doc.user_data.get(WORDS_KEY))


@dataclass(frozen=True)
class NameFinder:
    lexicon: Lexicon
    lists: bool = True
    brands: bool = True

    def __call__(self, doc: Doc) -> Doc:
        tokens = doc_tokens(doc)
        doc.user_data[TEXT_KEY] = tokens.text
        if not tokens.text.strip():
            doc.user_data[CANDIDATES_KEY] = []
            return doc
        found = [
            *gazetteer_names(tokens, self.lexicon),
            *head_names(tokens, self.lexicon),
            *quoted_names(tokens, self.lexicon),
        ]
        if self.brands:
            found += brand_names(tokens, self.lexicon)
        if self.lists:
            found += list_items(tokens, self.lexicon, found)
            found += coordinated_names(tokens, self.lexicon, found)
        found += rule_choice(found, tokens.text, self.lexicon)
        found += edge_variants(tokens, self.lexicon)
        found += government_names(tokens.text, self.lexicon)
        found += town_names(tokens.text, self.lexicon)
        found += road_names(tokens)
        found += phase_names(tokens, self.lexicon)
        found += tagged_names(tokens.text)
        lists = list(enumerations(tokens, self.lexicon)) if self.lists else []
        found += enumeration_items(tokens, self.lexicon, found, lists)
        found = outside_set_phrases(found, tokens.text, self.lexicon)
        doc.user_data[CANDIDATES_KEY] = outside_kinds_lists(found, kinds_items(lists))
        return doc


def outside_set_phrases(found: list[Candidate], text: str, lexicon: Lexicon) -> list[Candidate]:
    """The candidates not strictly inside a set phrase (the 中国 of 中国特色社会主义)."""
    phrases = [m.span() for m in lexicon.set_phrase_pattern.finditer(text)]
    if not phrases:
        return found
    return [
        c
        for c in found
        if not any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end) for a, b in phrases)
    ]


# Sources that know a name whatever list it stands in (潜江、松滋等县市 are places).
_NAMED_ANYWHERE = frozenset({"gazetteer", "town", "region", "government"})


def outside_kinds_lists(found: list[Candidate], items: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates that are no item of a list of kinds (智能家居、夜间消费等新增长点): no
    source's proposal of such an item is a name. Only a candidate that ends where an item ends
    is one: a name can open an item (铁建重工智能掘进装备、…等关键技术: its company is a name)."""
    return [
        c
        for c in found
        if c.source in _NAMED_ANYWHERE
        or not any(c.end == end and start <= c.start for start, end in items)
    ]


@dataclass(frozen=True)
class EntitySelector:
    lexicon: Lexicon

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = doc.user_data.pop(CANDIDATES_KEY, [])
        tokens = doc_tokens(doc)
        paragraph = ParagraphContext(tokens, "unknown", congress=False)
        document = DocumentContext(tokens.text)
        chosen = choose_names(candidates, paragraph, document, self.lexicon)
        set_entities(doc, chosen)
        return doc


def set_entities(doc: Doc, chosen: list[Choice]) -> None:
    """Write the chosen names as ``doc.ents``."""
    spans: list[Span] = []
    for choice in chosen:
        span = doc.char_span(
            choice.start,
            choice.end,
            label=choice.type,
            kb_id="|".join(choice.other_types),
            alignment_mode="expand",
        )
        if span is not None and (not spans or spans[-1].end <= span.start):
            spans.append(span)
    doc.ents = spans


@Language.factory("govreport_names", default_config={"lists": True, "brands": True})
def make_name_finder(nlp: Language, name: str, *, lists: bool, brands: bool) -> NameFinder:
    return NameFinder(load_lexicon(), lists=lists, brands=brands)


@Language.factory("govreport_entity_selector", default_config={})
def make_entity_selector(nlp: Language, name: str) -> EntitySelector:
    return EntitySelector(load_lexicon())
