"""Candidate source: every left edge a name ending in a head could have.

The head rule (kg.nlp.names.head_names) takes one left edge, stopping at the first verb or
function word, and drops a name whose proper part it does not trust. Names are made of verbs
too (镇安月河抽水蓄能电站, 110千伏坪地输变电工程) and a word before a name may look like part of
it (好鲁巧高速): this source proposes each token boundary from the head back to a clause mark,
a function word or 24 characters, saying what lies inside, and the selector weighs them.
"""

from __future__ import annotations

import re

from kg.nlp.lexicon import Lexicon
from kg.nlp.names import MAX_NAME_CHARS, stage_before, words_ending_tokens
from kg.nlp.tokens import NAME_CHARS, Candidate, Tokens
from kg.nlp.words import ends_name, is_proper

SOURCE = "edges"
MAX_TOKENS = 6  # tokens before the head: longer names are the rules' to find
# Words a name never runs over: particles, prepositions and conjunctions.
NAME_STOPS = frozenset("的了着和与及或等在对将把被为以从向于是")
_CLASSIFIER = re.compile(r"^[个家座条所项处栋批名位台辆]$")


def edge_variants(tokens: Tokens, lexicon: Lexicon) -> list[Candidate]:
    found = []
    for head_end, head_text in words_ending_tokens(tokens, lexicon.head_ends, lexicon.false_heads):
        head = lexicon.heads[head_text]
        head_start = head_end - len(head_text)
        if stage_before(tokens.text, head_start, head_text):
            continue
        index = tokens.index_at(head_start)
        if tokens.start_of(index) != head_start:
            index += 1  # the head ends a longer token: the name starts before that token
        verbs = 0
        for position in range(index - 1, max(index - 1 - MAX_TOKENS, -1), -1):
            word = tokens.word(position)
            start = tokens.start_of(position)
            if (
                word in NAME_STOPS
                or not NAME_CHARS.fullmatch(word)
                or head_end - start > MAX_NAME_CHARS
                or _CLASSIFIER.match(word)
            ):
                break
            verbs += ends_name(word, lexicon)
            facts = (
                f"verbs_inside={min(verbs, 2)}",
                f"first_proper={'yes' if is_proper(word, lexicon) else 'no'}",
                f"first_verb={'yes' if ends_name(word, lexicon) else 'no'}",
            )
            found.append(Candidate(start, head_end, head.type, head.kind, SOURCE, facts=facts))
    return found
