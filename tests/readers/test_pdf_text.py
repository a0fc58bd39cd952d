"""The repairs of a PDF's text layer: spaces next to Chinese characters, a browser's print
header and footer, lines wrapped by the page."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from kg.readers.lines import join_chinese
from kg.readers.pdf import join_wrapped, read_pdf

JOINED = [
    ("2025 年，全区地区生产总值达到 120 亿元", "2025年，全区地区生产总值达到120亿元"),
    ("同比增长 6.2% ，规模以上", "同比增长6.2%，规模以上"),
    ("一、 2023 年工作回顾", "一、2023年工作回顾"),
    ("2026 年 1 月 8 日在云溪区", "2026年1月8日在云溪区"),
    ("增长 6 %", "增长6%"),
    ("成 “十四五” 规划", "成“十四五”规划"),
    ("达到 Ⅲ 类", "达到Ⅲ类"),
    ("Smart City 平台", "Smart City平台"),  # Latin words keep their space
    ("the “Smart City” plan, 2 parts", "the “Smart City” plan, 2 parts"),
    ("全区　上下", "全区上下"),  # an ideographic space too
]


@pytest.mark.parametrize(("text", "joined"), JOINED)
def test_join_chinese(text: str, joined: str) -> None:
    assert join_chinese(text) == joined


WRAPPED = [
    "过去一年，面对复杂多变的外部环境，全区上下团结奋斗，经济社会发展主要目标任务顺利完成。全区",
    "地区生产总值同比增长6.2%，规模以上工业增加值同比增长7.5%，社会消费品零售总额达286亿元，地",
    "方一般公共预算收入完成31.4亿元。",
    "二、2024年工作安排",
    "营商环境不断优化。出台优化营商环境二十条措施，企业开办时间压缩至1个工作日，“一件事一次办”",
    "事项扩大到68项。举办投资推介会3场，签约项目37个、总投资超260亿元，其中百亿元级项目2个。",
    "新建停车泊位超3000个，主要预期目标是：地区生产总值同比增长6%左右，新增城镇就业8000人。",
    "（一）做强产业平台。",
]


def test_join_wrapped_makes_one_paragraph_a_line() -> None:
    assert join_wrapped(WRAPPED) == [
        "".join(WRAPPED[:3]),
        WRAPPED[3],
        "".join(WRAPPED[4:6]),  # a full line ending in a closing quote goes on
        WRAPPED[6],  # a full line ending a sentence ends its paragraph
        WRAPPED[7],
    ]


def test_join_wrapped_leaves_paragraphs_alone() -> None:
    lines = ["2023年工作回顾", "滨江智造产业园一期建成投产。", "2024年工作安排", "推进二期建设。"]
    assert join_wrapped(lines) == lines


def test_join_wrapped_puts_a_space_between_latin_words() -> None:
    lines = ["The plan of the year sets out the work of", "the government.", "End."]
    assert join_wrapped(lines)[0] == "The plan of the year sets out the work of the government."


def printed_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose text layer holds these lines, page by page."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for lines in pages:
        pdf.setFont("STSong-Light", 10)
        for row, line in enumerate(lines):
            pdf.drawString(40, 800 - 16 * row, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_read_pdf_repairs_a_page_printed_by_a_browser() -> None:
    data = printed_pdf(
        [
            [
                "12/6/26, 7:31 PM 云溪区 2026 年政府工作报告",
                "云溪区 2026 年政府工作报告",
                "2025 年，全区地区生产总值达到 120 亿元，同比增长 6.2% ，规模以上工业增加值增长",
                "7.5% 。",
                "file:///home/user/report.html 1/2",
            ],
            [
                "12/6/26, 7:31 PM 云溪区 2026 年政府工作报告",
                "二、 2026 年工作安排",
                "https://www.example.gov.cn/2026/report.html 2/2",
            ],
        ]
    )
    assert read_pdf(data, "report.pdf").splitlines() == [
        "云溪区2026年政府工作报告",
        "2025年，全区地区生产总值达到120亿元，同比增长6.2%，规模以上工业增加值增长7.5%。",
        "二、2026年工作安排",
    ]
