"""Copies that break every line at a fixed width are read as paragraphs again."""

from kg.text.reading import Source
from kg.text.reflow import find_watermark, wrap_width
from kg.text.segment import segment_report
from kg.text.view import span_view

WRAPPED = """\
2021年12月15日在大邑县第十九届人民代表大会第一次会议上
大邑县人民政府县长 陈大用
各位代表:
我代表县人民政府,向大会报告工作,请予审议,并请
县政协委员和其他列席人员提出意见。
一、过去五年工作回顾
2021 年全县预计实现地区生产总值 340 亿元,年均增长
8.3%;固定资产投资年均增长 11%;地方财政收入 46.57 亿
元,年均增长 31.5%;社会消费品零售总额 94.2 亿元,年均
增长 7.9%。五年来,我们坚持发展是第一要务,夯实产业支撑,发
- 2 -
展能级稳步提升,建成华侨城创意文化园、四川影视文创双创园等
一批文旅新载体。
"""


def _report(text: str):  # type: ignore[no-untyped-def]
    return segment_report(Source("t.txt", text, "0" * 64, "utf-8"))


def test_wrapped_lines_are_joined_into_sentences() -> None:
    report = _report(WRAPPED)
    views = [span_view(report, s.start, s.end).text for s in report.sentences]
    assert (
        "我代表县人民政府,向大会报告工作,请予审议,并请县政协委员和其他列席人员提出意见。" in views
    )
    assert any("地方财政收入46.57亿元,年均增长31.5%" in v for v in views)
    # the page number between two halves of 发展 is read around
    assert any("夯实产业支撑,发展能级稳步提升" in v for v in views)
    # a short line (a signature) ends its paragraph
    assert any(v.endswith("大邑县人民政府县长陈大用") for v in views)
    assert "各位代表:" in views
    for sentence in report.sentences:
        assert report.text[sentence.start : sentence.end] == sentence.text


def test_lines_that_are_paragraphs_stay_apart() -> None:
    text = "推进隆平片区建设,完善配套设施\n加快建设自贸大厦\n" + "完成投资12亿元,增长5%。\n" * 5
    report = _report(text)
    assert wrap_width([(0, line) for line in text.splitlines()], None) is None
    assert [s.text for s in report.sentences][:2] == [
        "推进隆平片区建设,完善配套设施",
        "加快建设自贸大厦",
    ]


def test_a_watermark_at_paragraph_ends_is_found_and_skipped() -> None:
    text = (
        "各位代表:7rw\n现在,我代表霞浦县人民政府向大会报告政府工作,请予审议,并请各位政协委员\n"
        "和列席人员提出意见。7rw\n一、2019年工作回顾7rw\n即将过去的一年,是霞浦坚持高质量发展落实赶超、"
        "决胜全面\n建成小康社会的重要一年。7rw\n"
    )
    lines = [(0, line) for line in text.splitlines()]
    assert find_watermark(lines) == "7rw"
    report = _report(text)
    views = [span_view(report, s.start, s.end).text for s in report.sentences]
    assert (
        "现在,我代表霞浦县人民政府向大会报告政府工作,请予审议,并请各位政协委员和列席人员提出意见。"
        in views
    )
    assert not any("7rw" in v for v in views)


def test_a_line_ending_inside_a_sentence_goes_on() -> None:
    """A copy whose lines are not wrapped at one width still breaks inside sentences: a line
    that ends with 、 or ， is no paragraph's end."""
    text = (
        "一、2020年工作回顾\n一是文化旅游产业蓬勃发展。建成青溪创意文化园、\n"
        "白沙双创园、云上度假区等一批载体,\n全县文创企业达959家。\n"
    )
    report = _report(text)
    views = [span_view(report, s.start, s.end).text for s in report.sentences]
    assert "建成青溪创意文化园、白沙双创园、云上度假区等一批载体,全县文创企业达959家。" in views
