"""Readers of document formats that are not plain text: HTML, Word (.docx) and PDF.

Each reader turns a file's bytes into report text, one paragraph a line, and raises
``kg.errors.InputError`` for a file it cannot read. ``reader_for`` picks one by file suffix;
plain text (anything else) is decoded by ``kg.text.reading``.

Offsets into a report read this way are offsets into the extracted text, not into the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

Reader = Callable[[bytes, str], str]

# Suffix -> (module, function); modules are imported on first use so that reading plain text
# never loads lxml, python-docx or pypdf.
_READERS: dict[str, tuple[str, str]] = {
    ".html": ("kg.readers.html", "read_html"),
    ".htm": ("kg.readers.html", "read_html"),
    ".xhtml": ("kg.readers.html", "read_html"),
    ".docx": ("kg.readers.docx", "read_docx"),
    ".pdf": ("kg.readers.pdf", "read_pdf"),
}
TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCUMENT_SUFFIXES = frozenset(_READERS)


def reader_for(name: str) -> tuple[Reader, str] | None:
    """The reader for a file name and the format it reads, or None for plain text."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in _READERS:
        return None
    module_name, function = _READERS[suffix]
    module = __import__(module_name, fromlist=[function])
    reader: Reader = getattr(module, function)
    return reader, suffix.lstrip(".")


__all__ = ["DOCUMENT_SUFFIXES", "TEXT_SUFFIXES", "Reader", "reader_for"]
