"""How many generated inputs each property and fuzz target ran on, for the terminal summary."""

from collections import Counter

TRIED: Counter[str] = Counter()
