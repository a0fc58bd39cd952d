import pytest

from kg.text.limits import split_overlong

CASES = [
    # (text, limit, pieces)
    ("一二三四五", 10, ["一二三四五"]),
    ("一二三，四五六，七八九", 8, ["一二三，四五六，", "七八九"]),
    ("一二三四五六七八九十", 4, ["一二三四", "五六七八", "九十"]),
    ("ab cd    ef gh", 6, ["ab cd", "ef gh"]),
    ("a" + " " * 50 + "b", 8, ["a", "b"]),
]


@pytest.mark.parametrize(("text", "limit", "pieces"), CASES)
def test_long_spans_are_cut_at_clause_marks_or_the_limit(
    text: str, limit: int, pieces: list[str]
) -> None:
    spans = list(split_overlong(text, 0, len(text), limit=limit))
    assert [text[start:end] for start, end in spans] == pieces
    for start, end in spans:
        assert 0 < end - start <= limit
        assert text[start:end] == text[start:end].strip()


def test_offsets_are_into_the_whole_text() -> None:
    text = "前言。" + "字" * 25 + "。"
    spans = list(split_overlong(text, 3, len(text), limit=10))
    assert spans[0] == (3, 13)
    assert "".join(text[s:e] for s, e in spans) == text[3:]
