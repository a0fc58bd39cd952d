"""Word documents (.docx): paragraphs and table cells in document order."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.table import Table

from kg.errors import InputError
from kg.readers.lines import tidy_lines


def read_docx(data: bytes, name: str) -> str:
    """The text of a .docx file, one paragraph (or table row) a line."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{name}: not a readable .docx file ({error})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.strip() for cell in row.cells]
                lines.append(" ".join(_unique(cells)))
        else:
            lines.append(block.text)
    return tidy_lines("\n".join(lines), name=name)


def _unique(cells: list[str]) -> list[str]:
    """Merged cells repeat their text in every grid cell they span: keep it once."""
    seen: list[str] = []
    for cell in cells:
        if cell and (not seen or seen[-1] != cell):
            seen.append(cell)
    return seen
