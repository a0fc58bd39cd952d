"""HTML pages (a report copied from a government site): the text of the body, block by block."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from kg.errors import InputError
from kg.readers.lines import tidy_lines

# Elements whose text is not part of the page's prose.
_SKIPPED = ("script", "style", "noscript", "template", "head", "iframe", "svg")
# Elements that start a new line of text.
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"}
    | {"header", "footer", "blockquote", "pre", "table", "dt", "dd", "td", "th", "title"}
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def read_html(data: bytes, name: str) -> str:
    """The visible text of an HTML page, one block a line."""
    root = lxml.html.document_fromstring(_decode(data, name))
    for element in root.iter(*_SKIPPED):
        element.drop_tree()
    for element in root.iter(lxml.etree.Element):
        if element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return tidy_lines(root.text_content(), name=name)


def _decode(data: bytes, name: str) -> str:
    """Decode with the page's declared charset, else detect like plain text."""
    from kg.text.reading import decode_report_bytes  # reading dispatches here: import late

    declared = _META_CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in {"gb2312", "gbk"}:  # pages that say GB2312 often hold GBK or GB18030
            encoding = "gb18030"
        try:
            return data.decode(encoding).lstrip("\ufeff")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to detection
    text, _ = decode_report_bytes(data, name=name)
    if "<" not in text:
        raise InputError(f"{name}: does not look like an HTML page")
    return text
