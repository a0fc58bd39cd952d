"""PDF files with a text layer (pypdf); scanned pages without one are refused.

The text layer of a PDF printed from a web page or a word processor needs three repairs to
read as the report it was: pypdf puts a space wherever the font changes (``2025 年``,
``120 亿元``), so the spaces next to Chinese characters go (``join_chinese``); the browser's
print header and footer (date and title, address and page number) are dropped; and the lines
the page wrapped are joined back into one paragraph a line (``join_wrapped``).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Sequence

import pypdf
from pypdf.errors import PyPdfError

from kg.errors import InputError
from kg.readers.lines import join_chinese, tidy_lines

# Chromium's print header (12/6/26, 7:31 PM  the page's title) and footer (its address and
# 1/3); other browsers print the same with the date in other orders.
_PRINT_FURNITURE = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?(?:\s|$)"
    r"|^(?:file|https?)://\S+\s+\d+\s*/\s*\d+$"
)
# A line ends its paragraph when it ends a sentence or a clause that announces what follows.
_PARAGRAPH_END = re.compile(r"[。！？!?；;：:]$")
FULL_LINE_SLACK = 1.5  # a wrapped line stops short of the widest lines by less than this
WIDTH_PERCENTILE = 0.9  # the text column: the width most lines of body text come close to
MIN_WRAPPED_LINES = 3


def read_pdf(data: bytes, name: str) -> str:
    """The text of every page, in page order, one paragraph a line."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are about odd fonts
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(f"{name}: is an encrypted PDF; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PyPdfError as error:
        raise InputError(f"{name}: not a readable PDF ({error})") from None
    if not any(page.strip() for page in pages):
        raise InputError(f"{name}: PDF has no text layer (scanned?); run OCR on it first")
    lines = [
        join_chinese(line).strip()
        for page in pages
        for line in page.splitlines()
        if not _PRINT_FURNITURE.match(unicodedata.normalize("NFKC", line.strip()))
    ]
    return tidy_lines("\n".join(join_wrapped([line for line in lines if line])), name=name)


def display_width(line: str) -> float:
    """The width of a line in Chinese characters: a Latin letter or digit is half of one."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)


def join_wrapped(lines: Sequence[str]) -> list[str]:
    """Lines back into paragraphs: a line that fills the text column and ends no sentence goes
    on in the next one. Lines that are paragraphs already (none comes near a common width)
    stay as they are."""
    widths = sorted(display_width(line) for line in lines)
    if len(widths) < MIN_WRAPPED_LINES:
        return list(lines)
    column = widths[int(len(widths) * WIDTH_PERCENTILE)]
    paragraphs: list[str] = []
    going_on = False
    for line in lines:
        if going_on:
            glue = " " if paragraphs[-1][-1:].isascii() and line[:1].isascii() else ""
            paragraphs[-1] += glue + line
        else:
            paragraphs.append(line)
        going_on = display_width(line) >= column - FULL_LINE_SLACK and not _PARAGRAPH_END.search(
            line
        )
    return paragraphs
