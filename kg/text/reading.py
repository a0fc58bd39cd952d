"""Read report bytes from a file or standard input and decode them to text.

Decoding keeps every character of the file (no newline translation), so offsets into the
decoded text are offsets into the source as a reader sees it. Only a byte-order mark is dropped,
and control characters are replaced one for one (``replace_control_characters``).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError
from kg.readers import reader_for
from kg.text.cleaning import replace_control_characters

# Far above any real report (the longest known are a few hundred kilobytes), low enough that
# /dev/zero or an endless pipe is refused instead of filling memory.
MAX_INPUT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Tried after UTF-8; GB18030 is a superset of GBK and GB2312.
_FALLBACK_ENCODING = "gb18030"
# Signatures of binary formats a report is sometimes confused with, for a precise message.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (name it .pdf to read its text)"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (a report in .docx is read as .docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)
# C0 control bytes other than tab, line feed, vertical tab, form feed, carriage return and
# escape. They are never part of GBK or GB18030 multi-byte characters, nor of UTF-8 ones.
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SNIFF_BYTES = 65536
# A text with more control bytes than this share of its first 64 KiB (and more than 8) is
# binary data.
_MAX_CONTROL_SHARE = 0.05
# UTF-8 with up to this share of its non-ASCII bytes invalid is damaged UTF-8 (bad bytes become
# U+FFFD), not GB18030: GBK text read as UTF-8 is invalid almost everywhere.
_MAX_DAMAGED_SHARE = 0.01


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
        return source_from_bytes(read_report_bytes(path), "stdin")
    file = Path(path)
    return source_from_bytes(read_file_bytes(file), display_name(file.name or str(file)))


def read_report_bytes(path: str | Path) -> bytes:
    """The bytes of a report file, or of standard input for ``-``, bounded in size."""
    if str(path) == "-":
        return _read_limited(sys.stdin.buffer, "stdin")
    return read_file_bytes(Path(path))


def source_from_bytes(data: bytes, name: str) -> Source:
    """Decode a report's bytes; HTML, .docx and PDF (by the name's suffix) go to kg.readers."""
    checksum = hashlib.sha256(data).hexdigest()
    document = reader_for(name)
    if document is not None:
        read, kind = document
        # A document's text gets the same control-character replacement as plain text.
        text = replace_control_characters(read(data, name))
        if not text.strip():
            raise InputError(f"{name}: is empty, expected report text")
        return Source(name, text, checksum, kind)
    text, encoding = decode_report_bytes(data, name=name)
    return Source(name, text, checksum, encoding)


def display_name(name: str) -> str:
    """A file name fit for output: undecodable bytes as U+FFFD, no control characters."""
    printable = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return replace_control_characters(printable)


def decode_report_bytes(data: bytes, *, name: str = "input") -> tuple[str, str]:
    """Decode report bytes, detecting BOMs, UTF-8 and GB18030; refuse binary and empty input."""
    text, encoding = _decode(data, name)
    text = replace_control_characters(text)
    if not text.strip():
        raise InputError(f"{name}: is empty, expected report text")
    return text, encoding


def read_file_bytes(file: Path) -> bytes:
    """A report file's bytes, refused with one clear line when missing, a directory or huge."""
    shown = str(file)  # as given: the CLI shows control characters and bad bytes escaped
    try:
        with file.open("rb") as handle:
            return _read_limited(handle, shown)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory, expected a report file") from None
    except NotADirectoryError:
        raise InputError(f"{shown}: no such file (a parent is not a directory)") from None
    except OSError as error:
        raise InputError(f"{shown}: cannot read ({error.strerror or error})") from None


def _read_limited(handle: BinaryIO, name: str) -> bytes:
    data = handle.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        limit = MAX_INPUT_BYTES // (1024 * 1024)
        raise InputError(f"{name}: is larger than {limit} MiB, too large for a report")
    return data


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: invalid {encoding} text after its byte-order mark"
                ) from None
    _refuse_binary(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
            return data[: error.start].decode("utf-8"), "utf-8"  # cut inside its last character
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    try:
        return data.decode(_FALLBACK_ENCODING), _FALLBACK_ENCODING
    except UnicodeDecodeError:
        pass
    raise InputError(f"{name}: cannot decode as UTF-8 or GB18030 text")


def _refuse_binary(data: bytes, name: str) -> None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{name}: looks like {kind}, expected report text")
    if b"\x00" in data:
        raise InputError(
            f"{name}: contains NUL bytes: a binary file, or UTF-16 without a byte-order mark"
        )
    head = data[:_SNIFF_BYTES]
    if len(_CONTROL_BYTES.findall(head)) > max(8, _MAX_CONTROL_SHARE * len(head)):
        raise InputError(f"{name}: looks like a binary file, expected report text")


def _damaged_utf8(data: bytes) -> str | None:
    """The text of UTF-8 with a few invalid bytes (bad ones as U+FFFD), or None."""
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if bad <= _MAX_DAMAGED_SHARE * non_ascii else None
