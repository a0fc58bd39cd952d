import codecs

import pytest

from kg.errors import InputError
from kg.text.reading import decode_report_bytes, read_source

TEXT = "隆平片区建设加快推进，盘活低效用地150亩。"

DECODE_CASES = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    ("utf-16 with BOM", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    ("gbk", TEXT.encode("gbk"), "gb18030"),
    ("gb18030 rare character", ("𠀀" + TEXT).encode("gb18030"), "gb18030"),
]


@pytest.mark.parametrize(
    ("name", "data", "encoding"), DECODE_CASES, ids=[c[0] for c in DECODE_CASES]
)
def test_decodes_common_encodings(name: str, data: bytes, encoding: str) -> None:
    text, detected = decode_report_bytes(data)
    assert text.endswith(TEXT)
    assert detected == encoding


def test_keeps_carriage_returns_so_offsets_match_the_file() -> None:
    text, _ = decode_report_bytes("一。\r\n二。".encode())
    assert text == "一。\r\n二。"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t \n", "is empty"),
        (codecs.BOM_UTF8, "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\xff", "invalid"),
    ],
)
def test_refuses_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_report_bytes(data, name="x.txt")


def test_read_source_reports_missing_file_and_directory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


def test_read_source_checksums_the_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode())
    source = read_source(path)
    assert source.name == "r.txt"
    assert len(source.checksum) == 64
    assert source.text == TEXT
