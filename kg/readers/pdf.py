"""PDF files with a text layer (pypdf); scanned pages without one are refused."""

from __future__ import annotations

import io
import logging

import pypdf
from pypdf.errors import PyPdfError

from kg.errors import InputError
from kg.readers.lines import tidy_lines


def read_pdf(data: bytes, name: str) -> str:
    """The text of every page, in page order."""
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
    return tidy_lines("\n".join(pages), name=name)
