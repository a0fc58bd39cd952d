"""Clean report text without moving a character.

Every function keeps the text's length, so offsets found in the cleaned text are offsets into
the original: junk is recognized line by line (and skipped later), and normalization and
control-character replacement put exactly one character in place of one.
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

# Characters that are never report text and that some formats cannot carry at all (XML 1.0
# forbids C0 controls and U+FFFE/U+FFFF even escaped): line-breaking controls (vertical tab,
# form feed from PDF page breaks, file/group/record separators, NEL, line and paragraph
# separators) become a newline, other controls a space, noncharacters and lone surrogates U+FFFD.
_LINE_BREAKS = (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)
_CONTROL_CODES = (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))
_NONCHARACTERS = (
    *range(0xFDD0, 0xFDF0),
    *(plane + low for plane in range(0, 0x110000, 0x10000) for low in (0xFFFE, 0xFFFF)),
    *range(0xD800, 0xE000),  # lone surrogates (from surrogateescape decoding)
)
_CONTROL_TABLE: dict[int, int] = {
    **{code: 0xFFFD for code in _NONCHARACTERS},
    **{code: 0x20 for code in _CONTROL_CODES},
    **{code: 0x0A for code in _LINE_BREAKS},
}


def _character_class(codes: list[int]) -> str:
    """A regular-expression class matching exactly ``codes``, written as ranges."""
    ranges: list[list[int]] = []
    for code in sorted(codes):
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges) + "]"


_HAS_CONTROL = re.compile(_character_class(list(_CONTROL_TABLE)))
_HAS_WIDE = re.compile(_character_class(list(_FULL_TO_HALF)))


@cache
def _junk_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{line})" for line in data_lines("junk_lines.txt")))


def is_junk_line(line: str) -> bool:
    """True for a line of site clutter (share prompts, counters, navigation words)."""
    stripped = line.strip()
    return bool(stripped) and _junk_pattern().search(stripped) is not None


def normalize_width(text: str) -> str:
    """Turn full-width digits and Latin letters into ASCII and control characters into spaces."""
    if _HAS_WIDE.search(text) is None:
        return text  # the usual case, found much faster than translate() looks up every character
    return text.translate(_FULL_TO_HALF)


def replace_control_characters(text: str) -> str:
    """Replace control characters, noncharacters and lone surrogates, one character for one.

    Tab, newline and carriage return stay; other line-breaking controls become ``\\n``.
    """
    if _HAS_CONTROL.search(text) is None:
        return text
    return text.translate(_CONTROL_TABLE)
