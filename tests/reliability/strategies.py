"""Hypothesis strategies for report-like text, drawn from the project's own lexicons so that the
generated text reaches every extractor: headings, entity names, verbs, quantities, junk lines,
plus what real pages add (Latin, emoji, full-width forms, markup characters, any Unicode)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from kg.data import data_lines, data_table

# CI runs a fixed, reproducible set of inputs; KG_FUZZ_EXAMPLES=N KG_FUZZ_RANDOM=1 runs more.
SCALE = float(os.environ.get("KG_FUZZ_SCALE", "1"))
RANDOM = os.environ.get("KG_FUZZ_RANDOM") == "1"


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=not RANDOM,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


HEADS = [row[0] for row in data_table("entity_heads.tsv")]
VERBS = [row[0] for row in data_table("action_verbs.tsv")]
UNITS = [row[0] for row in data_table("units.tsv")]
MAGNITUDES = [row[0] for row in data_table("magnitudes.tsv")]
PLACES = list(data_lines("places.txt"))
QUALIFIERS = ["超过", "超", "达到", "达", "近", "约", "突破", "力争", "余", "多", "以上", "左右"]
WORDS = ["建设", "推进", "全区", "项目", "增长", "同比", "新增", "完成", "投资", "计划", "将"]
WORDS += ["地区生产总值", "规模以上工业增加值", "一期", "二期", "改造", "提升", "力争", "目标"]
PUNCTUATION = list("，。；：、！？“”‘’（）《》【】「」…—·,.;:!?()[]\"'")
MARKUP = ["<img src=x onerror=alert(1)>", "</script>", "{{x}}", "\\", "&amp;", "<", ">", "{", "}"]
SPACES = [" ", "\u3000", "\t", "\xa0", "\u200b", "\ufeff"]
HEADINGS = [
    "一、2023年工作回顾",
    "二、2024年工作安排",
    "（一）全力推动经济稳定增长",
    "三、“十四五”规划目标",
    "2024年工作计划",
    "四、加强政府自身建设",
]
JUNK = ["微信扫码分享", "加入收藏", "221381", "来源：北京日报", "【字号：", "下载"]

han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
rare_han = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)
emoji = st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF)
latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1)
full_width = st.text(alphabet="０１２３４５６７８９．％ＡＢＣＸＹＺａｂｃ", min_size=1, max_size=6)
any_text = st.text(max_size=8)  # any code point but lone surrogates

numbers = st.from_regex(r"\A[0-9]{1,15}(\.[0-9]{1,4})?\Z")
quantities = st.builds(
    lambda before, number, magnitude, unit, after: before + number + magnitude + unit + after,
    st.sampled_from(["", *QUALIFIERS]),
    numbers,
    st.sampled_from(["", *MAGNITUDES]),
    st.sampled_from(UNITS),
    st.sampled_from(["", *QUALIFIERS]),
)
names = st.builds(
    lambda proper, head: proper + head,
    st.text(alphabet=han, min_size=1, max_size=4) | latin | full_width | rare_han.map(str),
    st.sampled_from(HEADS),
)
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(VERBS),
    st.sampled_from(PLACES),
    names,
    quantities,
    numbers,
    st.text(alphabet=han, min_size=1, max_size=6),
    latin,
    full_width,
    emoji.map(str),
    rare_han.map(str),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(MARKUP),
    st.sampled_from(SPACES),
    any_text,
)
sentences = st.builds(
    lambda parts, end: "".join(parts) + end,
    st.lists(pieces, min_size=1, max_size=12),
    st.sampled_from(["。", "！", "？", "；", "", "。”", "…"]),
)
lines = st.one_of(
    st.lists(sentences, min_size=1, max_size=4).map("".join),
    st.sampled_from(HEADINGS),
    st.sampled_from(JUNK),
    st.just(""),
)
line_ends = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0c"])


@st.composite
def report_texts(draw: st.DrawFn) -> str:
    """A report-like text: an optional title, then lines of headings, sentences and junk."""
    title = draw(st.sampled_from(["", "2024年青溪区人民政府工作报告", "政府工作报告"]))
    body = draw(st.lists(st.tuples(lines, line_ends), min_size=1, max_size=8))
    return title + "\n" + "".join(line + end for line, end in body)
