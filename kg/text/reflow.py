"""Lines back into paragraphs, for copies that break every line at a fixed width.

A report printed to PDF and copied back, or pasted from a document site, arrives as lines of
about the same length that end mid-sentence (``我代表县人民政府,向大会报告工作,请予审议,并请`` /
``县政协委员和其他列席人员提出意见。``), sometimes with a watermark at the end of each real
paragraph (``…提出意见。7rw``). Such a copy is recognized from its lines as a whole; then a line
that fills the width and stops without a sentence end goes on in the next line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# A line that ends a paragraph ends with a sentence end, a colon or a closing mark.
_PARAGRAPH_END = re.compile(r"[。！？!?；;：:”」』）)]\s*$")
# A short Latin or digit token glued to the end of many lines is a site's watermark (7rw).
_TRAILING_TOKEN = re.compile(r"(?<=[^\x00-\x7f])([0-9A-Za-z]{2,6})\s*$")
MIN_WATERMARKS = 3
MIN_BODY_LINE = 10  # shorter lines are titles, signatures, page furniture
# A copy is wrapped when its lines are this short (90th percentile of the body lines' lengths)
# and at least this share of them ends mid-sentence.
MAX_WRAP_WIDTH = 60
MIN_OPEN_SHARE = 0.5
# A wrapped line fills at least this share of the width; a shorter one ends its paragraph.
FULL_LINE = 0.7

Line = tuple[int, str]  # (offset of the line in the text, the line)


def find_watermark(lines: Sequence[Line]) -> str | None:
    """The token a site glued to the end of paragraphs, if the lines carry one."""
    counts = Counter(
        match.group(1) for _, line in lines if (match := _TRAILING_TOKEN.search(line)) is not None
    )
    if not counts:
        return None
    token, count = counts.most_common(1)[0]
    return token if count >= MIN_WATERMARKS and not token.isdigit() else None


def watermark_spans(lines: Sequence[Line], watermark: str | None) -> list[tuple[int, int]]:
    """Where the watermark stands at the end of a line."""
    spans: list[tuple[int, int]] = []
    if watermark is None:
        return spans
    for start, line in lines:
        stripped = line.rstrip()
        if stripped.endswith(watermark):
            end = start + len(stripped)
            spans.append((end - len(watermark), end))
    return spans


def without_watermark(line: str, watermark: str | None) -> str:
    stripped = line.rstrip()
    if watermark and stripped.endswith(watermark):
        return stripped[: -len(watermark)]
    return stripped


def wrap_width(lines: Sequence[Line], watermark: str | None) -> int | None:
    """The width a wrapped copy breaks its lines at, or None when lines are paragraphs."""
    body = [without_watermark(line, watermark).strip() for _, line in lines]
    body = [line for line in body if len(line) >= MIN_BODY_LINE]
    if len(body) < 3:
        return None
    lengths = sorted(len(line) for line in body)
    width = lengths[int(len(lengths) * 0.9)]
    open_lines = sum(1 for line in body if not _PARAGRAPH_END.search(line))
    if width > MAX_WRAP_WIDTH or open_lines < MIN_OPEN_SHARE * len(body):
        return None
    return width


# Marks inside a sentence: a line that ends with one goes on in the next line.
_GOES_ON = ("、", "，", ",", "；", ";")


def continues(line: str, width: int | None, watermark: str | None) -> bool:
    """Whether a wrapped line's paragraph goes on in the next line."""
    if watermark and line.rstrip().endswith(watermark):
        return False
    text = line.strip()
    if text.endswith(_GOES_ON):
        return True  # 建成华侨城创意文化园、 ends no paragraph, however short the line
    if width is None:
        return False
    return len(text) >= FULL_LINE * width and not _PARAGRAPH_END.search(text)
