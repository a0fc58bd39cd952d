import pytest

from kg.text.cleaning import _FULL_TO_HALF, is_junk_line, normalize_width

JUNK = [
    "admin 分享 时间: 加入收藏 共计141820个字,预计阅读时长473分钟",
    "微信扫码领取福利",
    "微信扫码分享",
    "领取福利",
    "221381",
    "2024年区政府工作报告-10篇(第16/21页)",
    "文似观山不喜平 — — 观山文库◆记住我,来上我~",
    "下载",
    "【字号：",
    "来源：北京日报",
    "时间：2026-02-02",
    "殷勇同志作政府工作报告。本报记者 戴冰摄",
]
CONTENT = [
    "2024年工作计划",
    "一、2025年工作回顾",
    "发展存量持续盘活。存量资源挖潜增效专项行动扎实推进。",
    "各位代表：",
    "（一）全力推动经济稳定增长。",
]


@pytest.mark.parametrize("line", JUNK)
def test_site_clutter_is_junk(line: str) -> None:
    assert is_junk_line(line)


@pytest.mark.parametrize("line", CONTENT)
def test_report_text_is_kept(line: str) -> None:
    assert not is_junk_line(line)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("增长２３．８％", "增长23.8%"),
        ("ＷＴＯ", "WTO"),
        ("一\x00二\x07三", "一 二 三"),
        ("盘活，完成；（一）", "盘活，完成；（一）"),
        ("a\tb\nc\r\n", "a\tb\nc\r\n"),
    ],
)
def test_normalize_width_keeps_length(text: str, expected: str) -> None:
    assert normalize_width(text) == expected
    assert len(normalize_width(text)) == len(text)


def test_normalize_width_folds_every_character_of_its_table() -> None:
    # Text with nothing to fold is returned as it is: every folded character must be seen.
    for code in [*range(0xFF01, 0xFF5F), 0x3000, *range(0, 32), 127]:
        text = f"增长{chr(code)}"
        assert normalize_width(text) == text.translate(_FULL_TO_HALF)
