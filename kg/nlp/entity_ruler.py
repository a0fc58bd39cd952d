"""A first entity recognizer: a proper part plus a known head, or a known place name.

The left edge of a name is found on jieba's tokens: going left from the head, tokens are taken
while they are Chinese or alphanumeric and not a boundary word (a verb or function word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.data import data_lines, data_table

_NAME_TOKEN = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]+$")
MAX_NAME_TOKENS = 5


@dataclass(frozen=True)
class EntityRuler:
    heads: dict[str, str]
    boundary_words: frozenset[str]
    places: frozenset[str]

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        taken: set[int] = set()
        for token in doc:
            label = self._head_label(token.text)
            if label is None or token.i in taken:
                continue
            start = token.i
            while (
                start > 0
                and token.i - start < MAX_NAME_TOKENS
                and _NAME_TOKEN.match(doc[start - 1].text)
                and doc[start - 1].text not in self.boundary_words
                and doc[start - 1].i not in taken
            ):
                start -= 1
            if start == token.i and token.text in self.heads:
                continue  # a bare head (片区, 大学) names nothing
            spans.append(Span(doc, start, token.i + 1, label=label))
            taken.update(range(start, token.i + 1))
        for token in doc:
            if token.i not in taken and token.text in self.places:
                spans.append(Span(doc, token.i, token.i + 1, label="Place"))
        doc.ents = sorted(spans, key=lambda span: span.start)
        return doc

    def _head_label(self, text: str) -> str | None:
        for head, label in self.heads.items():
            if text.endswith(head):
                return label
        return None


@Language.factory(
    "govreport_entity_ruler",
    default_config={
        "heads_file": "entity_heads.tsv",
        "boundary_file": "boundary_words.txt",
        "places_file": "places.txt",
    },
)
def make_entity_ruler(
    nlp: Language, name: str, *, heads_file: str, boundary_file: str, places_file: str
) -> EntityRuler:
    rows = sorted(data_table(heads_file), key=lambda row: -len(row[0]))
    heads = {row[0]: row[1] for row in rows}
    return EntityRuler(
        heads=heads,
        boundary_words=frozenset(data_lines(boundary_file)),
        places=frozenset(data_lines(places_file)),
    )
