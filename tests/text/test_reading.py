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
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\xff\xfe\xff", "invalid"),
        (TEXT.encode() + b"\x00\x00", "NUL bytes"),
        (TEXT.encode("utf-16-le"), "NUL bytes|UTF-16"),
        (bytes(range(1, 9)) * 100 + TEXT.encode(), "binary"),
        (b"\x81\x30\xff\xff" + TEXT.encode("gbk"), "cannot decode"),
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


CONTROL_CASES = [
    # (bytes, decoded): control characters replaced one for one, offsets unchanged
    ("一\x07二。".encode(), "一 二。"),
    ("一。\x0c二。".encode(), "一。\n二。"),
    ("一\x1b[0m二。".encode(), "一 [0m二。"),
    ("一\u2028二\ufffe。".encode(), "一\n二\ufffd。"),
]


@pytest.mark.parametrize(("data", "text"), CONTROL_CASES)
def test_control_characters_are_replaced_one_for_one(data: bytes, text: str) -> None:
    decoded, _ = decode_report_bytes(data)
    assert decoded == text


def test_utf8_cut_inside_its_last_character_is_read_without_it() -> None:
    data = TEXT.encode() + "中".encode()[:2]
    assert decode_report_bytes(data) == (TEXT, "utf-8")


def test_utf8_with_a_few_bad_bytes_is_not_read_as_gb18030() -> None:
    data = TEXT.encode() * 50 + b"\xff" + TEXT.encode()
    text, encoding = decode_report_bytes(data)
    assert encoding == "utf-8"
    assert text.count("\ufffd") == 1 and text.endswith(TEXT)


def test_input_over_the_size_limit_is_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kg.text.reading as reading

    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(TEXT.encode() * 10)
    with pytest.raises(InputError, match="too large"):
        read_source(path)


def test_undecodable_file_name_is_shown_with_replacement_characters(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    raw = os.path.join(os.fsencode(tmp_path), b"r\xff\n.txt")
    with open(raw, "wb") as handle:
        handle.write(TEXT.encode())
    source = read_source(os.fsdecode(raw))
    assert source.name == "r\ufffd\n.txt"
