"""The view the extractors read: copies' breaks, spaces, pinyin and traditional characters
folded away, every character traced back to the source."""

import pytest

from kg.text.reading import Source
from kg.text.segment import segment_report
from kg.text.view import is_traditional, make_view, span_view

CASES = [
    # (source, view text)
    ("地方财政收入 46.57 亿\n元,增长 31.5%", "地方财政收入46.57亿元,增长31.5%"),
    ("城乡居民收入17\n772元", "城乡居民收入17772元"),
    ("增长0. 5%", "增长0.5%"),
    ("西峡县人民政府县长 马 俊", "西峡县人民政府县长马俊"),
    ("秀英區(qū)人民政府", "秀英區人民政府"),  # traditional folding is the report's choice
    ("海南自貿(mào)港", "海南自貿港"),
    ("江湾里MEET 678 and Hello World", "江湾里MEET678and Hello World"),
    ("ＧＤＰ增长５％", "GDP增长5%"),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_view_text(source: str, expected: str) -> None:
    assert make_view(source, 0, len(source)).text == expected


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_every_view_span_slices_the_source_back(source: str, expected: str) -> None:
    view = make_view(source, 0, len(source))
    for start in range(len(view.text)):
        for end in range(start + 1, len(view.text) + 1):
            if view.text[start] == " " or view.text[end - 1] == " ":
                continue  # a space kept between two words needs both words to be kept
            a, b = view.source_span(start, end)
            # viewing the source span again gives the same text
            assert make_view(source, a, b).text == view.text[start:end]
            assert view.view_offset(a) == start


def test_offsets_into_a_longer_text_and_skipped_spans() -> None:
    source = "前言。营收12.5亿\n- 2 -\n元,增长8%。"
    start = source.index("营")
    junk = source.index("- 2 -")
    view = make_view(source, start, len(source), skipped=[(junk, junk + 5)])
    assert view.text == "营收12.5亿元,增长8%。"
    at = view.text.index("12.5亿元")
    a, b = view.source_span(at, at + len("12.5亿元"))
    assert source[a:b] == "12.5亿\n- 2 -\n元"


def test_plain_text_costs_no_offset_table() -> None:
    view = make_view("甲乙丙。推进隆平片区建设。", 4, 13)
    assert view.origin is None
    assert view.text == "推进隆平片区建设。"
    assert view.source_span(2, 6) == (6, 10)


def test_traditional_reports_are_read_in_simplified_characters() -> None:
    text = (
        "嘉興市秀洲區人民政府工作報告\n全區地區生產總值增長6%,完成投資622.31億元,建成31個項目。\n"
    )
    report = segment_report(Source("t.txt", text, "0" * 64, "utf-8"))
    assert report.traditional
    sentence = report.sentences[-1]
    view = span_view(report, sentence.start, sentence.end)
    assert "全区地区生产总值增长6%" in view.text
    assert "622.31亿元" in view.text


def test_a_simplified_report_with_a_few_convertible_names_stays_as_it_is() -> None:
    text = "乾县和濛溪河。" + "推进高质量发展,建设现代化产业体系。" * 20
    assert not is_traditional(text)
    report = segment_report(Source("t.txt", text, "0" * 64, "utf-8"))
    first = report.sentences[0]
    assert span_view(report, first.start, first.end).text == "乾县和濛溪河。"
