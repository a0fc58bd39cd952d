"""The entity components of the pipeline, as registered spaCy factories.

``govreport_names`` proposes candidate names (gazetteers, heads, brands, quoted names, list
items) and keeps them on the Doc; ``govreport_entity_resolver`` picks the non-overlapping ones,
decides their types from the clause and writes ``doc.ents``. The rules live in kg.nlp.names,
kg.nlp.lists and kg.nlp.resolve, the words they use in kg/data.
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
from kg.nlp.resolve import choose, decide_type, merge_places
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
        doc.user_data[CANDIDATES_KEY] = found
        return doc


@dataclass(frozen=True)
class EntityResolver:
    lexicon: Lexicon

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Candidate] = doc.user_data.pop(CANDIDATES_KEY, [])
        text: str = doc.user_data.get(TEXT_KEY) or doc.text
        chosen = merge_places(choose(candidates), text, self.lexicon)
        spans: list[Span] = []
        for candidate in chosen:
            type_, other_types = decide_type(candidate, text, self.lexicon)
            span = doc.char_span(
                candidate.start,
                candidate.end,
                label=type_,
                kb_id="|".join(other_types),
                alignment_mode="expand",
            )
            if span is not None and (not spans or spans[-1].end <= span.start):
                spans.append(span)
        doc.ents = spans
        return doc


@Language.factory("govreport_names", default_config={"lists": True, "brands": True})
def make_name_finder(nlp: Language, name: str, *, lists: bool, brands: bool) -> NameFinder:
    return NameFinder(load_lexicon(), lists=lists, brands=brands)


@Language.factory("govreport_entity_resolver", default_config={})
def make_entity_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver(load_lexicon())


def span_other_types(span: Span) -> tuple[str, ...]:
    return tuple(t for t in span.kb_id_.split("|") if t)
