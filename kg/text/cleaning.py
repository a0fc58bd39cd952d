"""Clean report text without moving a character.

Both functions keep the text's length and line structure, so offsets found in the cleaned text
are offsets into the original: junk is recognized line by line (and skipped later), and
normalization replaces each character by exactly one character.
"""

from __future__ import annotations

import re
from functools import cache

from kg.data import data_lines

# Full-width ASCII (ＡＢＣ１２３％) to half-width, one character for one.
_FULL_TO_HALF = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF[0x3000] = 0x20  # ideographic space
# Keep the report's own punctuation: the full-width comma, colon, semicolon, brackets and
# parentheses are how Chinese is written, and the extractors match them as such.
for _keep in "，：；（）！？":
    _FULL_TO_HALF.pop(ord(_keep), None)
# Control characters other than tab and newlines become spaces.
for _code in [*range(0, 9), 11, 12, *range(14, 32), 127]:
    _FULL_TO_HALF[_code] = 0x20


@cache
def _junk_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{line})" for line in data_lines("junk_lines.txt")))


def is_junk_line(line: str) -> bool:
    """True for a line of site clutter (share prompts, counters, navigation words)."""
    stripped = line.strip()
    return bool(stripped) and _junk_pattern().search(stripped) is not None


def normalize_width(text: str) -> str:
    """Turn full-width digits and Latin letters into ASCII and control characters into spaces."""
    return text.translate(_FULL_TO_HALF)
