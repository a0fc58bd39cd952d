"""Tidy extracted document text into one paragraph a line."""

from __future__ import annotations

import re

from kg.errors import InputError

_SPACES = re.compile(r"[ \t\f\v\u00a0\u3000]+")


def tidy_lines(text: str, *, name: str) -> str:
    """Collapse runs of spaces, drop blank lines; refuse a document with no text."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    tidy = "\n".join(line for line in lines if line)
    if not tidy:
        raise InputError(f"{name}: has no text, expected a report")
    return tidy + "\n"
