"""Candidate source: a name followed by its phase, whatever it ends with (伊利三期, 华电二期).

The head rules take a phase only after a head (产业园二期). A company or a plant written
without a head and followed by a phase is a project too: this source proposes each token
boundary from the phase back to a clause mark, a function word or a verb, and the selector
weighs them with the words they hold.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon
from kg.nlp.sources.edges import NAME_STOPS
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import ends_name, is_proper

SOURCE = "phase"
MAX_TOKENS = 4  # tokens before the phase (甬江/实验室/B/区 二期)
_PHASE = re.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})期")


def phase_names(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    text = tokens.text
    found = []
    for phase in _PHASE.finditer(text):
        if phase.end() not in tokens.bounds and phase.end() < len(text):
            continue
        index = tokens.index_at(phase.start())
        if tokens.start_of(index) != phase.start():
            continue  # the phase is glued to a word (第一期)
        for position in range(index - 1, max(index - 1 - MAX_TOKENS, -1), -1):
            word = tokens.word(position)
            if word in NAME_STOPS or not NAME_CHARS.fullmatch(word) or ends_name(word, lexicon):
                break
            start = tokens.start_of(position)
            if phase.start() - start < 2:
                continue
            facts = (f"first_proper={'yes' if is_proper(word, lexicon) else 'no'}",)
            found.append(Candidate(start, phase.end(), "Project", "fixed", SOURCE, True, facts))
    return found
