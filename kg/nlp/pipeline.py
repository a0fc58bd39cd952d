"""Build the spaCy pipeline: a blank Chinese pipeline segmented by jieba, plus our components."""

from __future__ import annotations

import gc
import logging
from functools import cache

import jieba
import spacy
from spacy.language import Language

import kg.nlp.entity_ruler
import kg.nlp.tokenizer  # noqa: F401  (registers the tokenizer)
from kg.data import data_lines

_jieba_ready = False
MAX_TEXT_LENGTH = 2**31 - 1


def prepare_jieba() -> None:
    """Load jieba's dictionary and the domain user dictionary once per process, quietly."""
    global _jieba_ready
    if _jieba_ready:
        return
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for line in data_lines("userdict.txt"):
        word, freq, tag = [*line.split(), "", ""][:3]
        jieba.add_word(word, int(freq) if freq else None, tag or None)
    _jieba_ready = True


@cache
def load_pipeline() -> Language:
    """The shared pipeline: tokenizer (jieba), name candidates, and their resolution."""
    prepare_jieba()
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "govreport.jieba_tokenizer.v1"}}}
    )
    # spaCy's length limit guards its parser and NER models, which this pipeline has none of:
    # its components are linear in the text, and a paragraph of a PDF copy can be very long.
    nlp.max_length = MAX_TEXT_LENGTH
    nlp.add_pipe("govreport_names")
    nlp.add_pipe("govreport_entity_selector")
    # The pipeline and jieba's dictionary live as long as the process: out of the collector's
    # sight, full collections no longer walk them again and again (a tenth of a build's time),
    # and forked workers do not copy their pages by touching them.
    gc.freeze()
    return nlp
