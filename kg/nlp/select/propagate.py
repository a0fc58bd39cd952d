"""A name recognized once is recognized everywhere in its report.

The selector decides paragraph by paragraph; a name it took in one paragraph may stand in
another where the evidence was weaker (a company listed in the review, named alone in the
plan). Every other occurrence of a taken name, on token boundaries and not inside or across a
name already taken there, becomes a name of the same type.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.nlp.select import Choice
from kg.nlp.tokens import Tokens

MIN_PROPAGATED = 3  # shorter names (两字 places, brands) are too often part of other words


def propagate(texts: Sequence[Tokens], chosen: Sequence[list[Choice]]) -> list[list[Choice]]:
    """``chosen`` (per paragraph) with every other occurrence of each taken name added."""
    names: dict[str, Choice] = {}
    for tokens, choices in zip(texts, chosen, strict=True):
        for choice in choices:
            surface = tokens.text[choice.start : choice.end]
            best = names.get(surface)
            if len(surface) >= MIN_PROPAGATED and (
                best is None or choice.probability > best.probability
            ):
                names[surface] = choice
    result = []
    for tokens, choices in zip(texts, chosen, strict=True):
        taken = list(choices)
        for surface, source in names.items():
            at = tokens.text.find(surface)
            while at >= 0:
                end = at + len(surface)
                free = not any(at < c.end and c.start < end for c in taken)
                if free and at in tokens.bounds and end in tokens.bounds:
                    taken.append(
                        Choice(at, end, source.type, source.probability, source.other_types)
                    )
                at = tokens.text.find(surface, at + 1)
        result.append(sorted(taken, key=lambda c: c.start))
    return result
