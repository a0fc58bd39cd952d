"""Read report bytes from a file or standard input and decode them to text.

Decoding keeps every character of the file (no newline translation), so offsets into the
decoded text are offsets into the source as a reader sees it. Only a byte-order mark is dropped.
"""

from __future__ import annotations

import codecs
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.readers import reader_for

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Tried in order after UTF-8; GB18030 is a superset of GBK and GB2312.
_FALLBACK_ENCODINGS = ("gb18030",)
# Bytes that never occur in text files: a sign of binary input (images, archives, executables).
_BINARY_BYTES = frozenset(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26}


@dataclass(frozen=True, slots=True)
class Source:
    """A report as read: its display name, decoded text and the checksum of its bytes."""

    name: str
    text: str
    checksum: str
    encoding: str


def read_source(path: str | Path) -> Source:
    """Read a report from a path, or from standard input when the path is ``-``."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        name = "stdin"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"{file}: no such file")
        if file.is_dir():
            raise InputError(f"{file}: is a directory, expected a report file")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise InputError(f"{file}: cannot read ({error.strerror})") from None
        name = file.name
    return source_from_bytes(data, name)


def source_from_bytes(data: bytes, name: str) -> Source:
    """Decode a report's bytes; HTML, .docx and PDF (by the name's suffix) go to kg.readers."""
    document = reader_for(name)
    if document is not None:
        read, kind = document
        return Source(name, read(data, name), hashlib.sha256(data).hexdigest(), kind)
    text, encoding = decode_report_bytes(data, name=name)
    return Source(name, text, hashlib.sha256(data).hexdigest(), encoding)


def decode_report_bytes(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """Decode report bytes, detecting BOMs, UTF-8 and GB18030; refuse binary and empty input."""
    text, encoding = _decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: is empty, expected report text")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: invalid {encoding} text after its byte-order mark"
                ) from None
    if any(byte in _BINARY_BYTES for byte in data[:8192]):
        raise InputError(f"{name}: looks like a binary file, expected report text")
    for encoding in ("utf-8", *_FALLBACK_ENCODINGS):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: cannot decode as UTF-8 or GB18030 text")
