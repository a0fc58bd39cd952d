"""HTML, .docx and PDF readers on documents generated here, and the dispatch by suffix."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.readers import reader_for
from kg.text.reading import source_from_bytes
from tests.readers.fixtures import LINES, blank_pdf, docx_file, html_page, pdf_file

DOCUMENTS = [
    ("report.html", html_page(), "html"),
    ("report.HTM", html_page(charset="gbk"), "htm"),
    ("report.docx", docx_file(), "docx"),
    ("report.pdf", pdf_file(), "pdf"),
]

BAD_DOCUMENTS = [
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
    ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
    ("scan.pdf", blank_pdf(), "no text layer"),
    ("empty.html", b"<html><body><script>x()</script></body></html>", "has no text"),
    ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
]


@pytest.mark.parametrize(("name", "data", "kind"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_document_text_keeps_every_paragraph_on_its_own_line(
    name: str, data: bytes, kind: str
) -> None:
    source = source_from_bytes(data, name)
    lines = source.text.splitlines()
    for line in LINES:
        assert line in lines
    assert source.encoding == kind
    assert len(source.checksum) == 64


def test_html_drops_scripts_styles_and_comments() -> None:
    text = source_from_bytes(html_page(), "page.html").text
    assert "不是正文" not in text and "color" not in text and "注释" not in text


def test_docx_reads_table_rows_as_lines() -> None:
    text = source_from_bytes(docx_file(), "report.docx").text
    assert "地区生产总值 286亿元" in text.splitlines()
    assert text.splitlines()[0] == "青溪区政府工作报告"


@pytest.mark.parametrize(
    ("name", "data", "message"), BAD_DOCUMENTS, ids=[d[0] for d in BAD_DOCUMENTS]
)
def test_unreadable_documents_raise_input_error(name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        source_from_bytes(data, name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.txt", None), ("a", None), ("a.PDF", "pdf"), ("dir/a.docx", "docx"), ("a.xhtml", "xhtml")],
)
def test_reader_is_chosen_by_suffix(name: str, expected: str | None) -> None:
    found = reader_for(name)
    assert (found[1] if found else None) == expected
