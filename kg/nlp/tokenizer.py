"""A lean jieba tokenizer for the blank Chinese pipeline.

spaCy's own ``segmenter = "jieba"`` tokenizer aligns jieba's words back onto the text to find
spaces, which costs more than the segmentation itself. Report sentences are Chinese with no
spaces between words, so the words are taken as they are (white space stays a token of its
own, and ``doc.text`` is still the sentence). The sentence and its token offsets are kept on
the Doc for the entity components, which work on characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import accumulate

import jieba
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from kg.nlp.words import is_known, tag_of

TEXT_KEY = "govreport_text"
STARTS_KEY = "govreport_token_starts"
WORDS_KEY = "govreport_words"


class JiebaTokenizer:
    """Segment a text with jieba's default (precise, HMM) mode into a Doc."""

    segmenter = "jieba"

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = split_glued(word for word in jieba.lcut(text) if word)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[TEXT_KEY] = text
        doc.user_data[WORDS_KEY] = words
        doc.user_data[STARTS_KEY] = list(accumulate(map(len, words), initial=0))[:-1]
        return doc


def split_glued(words: Iterable[str]) -> list[str]:
    """jieba's guesses at unknown words glue a conjunction or preposition to the name after it
    (九鱼公园及七巧马莲 -> 及七巧, 向雄安, 和川藏), and the 好 that completes a verb to the name
    after the verb (保障好鲁巧高速 -> 好鲁巧): such a guess is split after its first character."""
    out: list[str] = []
    for word in words:
        if len(word) >= 3 and not is_known(word):
            tag = tag_of(word[0]) or ""
            after_verb = bool(out) and (tag_of(out[-1]) or "")[:1] in ("v", "p")
            if tag in ("c", "p") or tag.startswith("u") or (word[0] == "好" and after_verb):
                out += (word[0], word[1:])
                continue
        out.append(word)
    return out


def create_jieba_tokenizer() -> Callable[[Language], JiebaTokenizer]:
    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab)

    return make


registry.tokenizers.register("govreport.jieba_tokenizer.v1", func=create_jieba_tokenizer)
