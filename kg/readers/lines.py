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


# Chinese characters, their punctuation (、。「」) and full-width forms (，：％).
_CJK = "\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACE = "[ \t\u00a0\u3000]+"
# A space next to a Chinese character or mark, or between a number and its percent sign.
_SPACE_IN_CHINESE = re.compile(rf"(?<=[{_CJK}]){_SPACE}|{_SPACE}(?=[{_CJK}])|(?<=\d){_SPACE}(?=%)")


def join_chinese(text: str) -> str:
    """Drop the spaces a PDF's text layer puts between characters where it changes fonts
    (``2025 年``, ``120 亿元``, ``6.2% ，``); spaces between Latin words stay."""
    return _SPACE_IN_CHINESE.sub("", text)
