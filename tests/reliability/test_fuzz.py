"""Fuzzing with hypothesis: the decoder, the cleaner, the sentence splitter and the quantity parser
on any input. None may raise (the decoder only InputError), and each keeps its invariants.

CI tries a fixed set of inputs (the count is printed in the terminal summary and quoted in the
README); ``KG_FUZZ_SCALE=50 KG_FUZZ_RANDOM=1 pytest tests/reliability/test_fuzz.py`` tries more.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.extract.quantities import find_quantities
from kg.text.cleaning import is_junk_line, normalize_width, replace_control_characters
from kg.text.limits import MAX_SENTENCE_LENGTH
from kg.text.reading import Source, decode_report_bytes
from kg.text.segment import segment_report
from tests.reliability.counts import TRIED
from tests.reliability.strategies import fuzz_settings, quantities, report_texts

# What the reader must never let through: C0/C1 controls other than tab and line ends,
# noncharacters and lone surrogates.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "gbk", "gb18030", "big5"]

any_text = st.text(max_size=300)
any_unicode = st.text(alphabet=st.characters(codec=None), max_size=200)  # surrogates too


@st.composite
def report_bytes(draw: st.DrawFn) -> bytes:
    """Text in some encoding, sometimes damaged: a byte flipped, cut short, bytes inserted."""
    text = draw(report_texts() | any_text)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            data[position] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[position:]
        else:
            data[position:position] = draw(st.binary(min_size=1, max_size=4))
    return bytes(data)


@fuzz_settings(1000)
@given(data=report_bytes() | st.binary(max_size=400))
def test_decoder_gives_clean_text_or_an_input_error(data: bytes) -> None:
    TRIED["decoder"] += 1
    try:
        text, encoding = decode_report_bytes(data, name="fuzz.txt")
    except InputError as error:
        assert str(error).startswith("fuzz.txt: ") and "\n" not in str(error)
        return
    assert text.strip() and encoding
    assert _FORBIDDEN.search(text) is None


@fuzz_settings(1500)
@given(text=any_unicode | any_text)
def test_cleaner_keeps_length_and_is_idempotent(text: str) -> None:
    TRIED["cleaner"] += 1
    cleaned = replace_control_characters(text)
    assert len(cleaned) == len(text)
    assert _FORBIDDEN.search(cleaned) is None
    assert replace_control_characters(cleaned) == cleaned
    narrow = normalize_width(cleaned)
    assert len(narrow) == len(text)
    assert normalize_width(narrow) == narrow
    for line in cleaned.splitlines():
        assert isinstance(is_junk_line(line), bool)


long_runs = st.lists(
    st.builds(
        lambda piece, count: piece * count,
        st.sampled_from(["字", "a1", " ", "，", "。"]),
        st.integers(1, 2500),
    ),
    max_size=4,
).map("".join)


@fuzz_settings(500)
@given(
    text=report_texts()
    | any_text
    | st.text(alphabet="。！？!? \n\r”）", max_size=50)
    | st.lists(report_texts() | long_runs, max_size=3).map("".join)
)
def test_sentence_splitter_cuts_the_text_into_ordered_slices(text: str) -> None:
    TRIED["sentence splitter"] += 1
    text = replace_control_characters(text)
    report = segment_report(Source("fuzz.txt", text, "0" * 64, "utf-8"))
    previous_end = 0
    for index, sentence in enumerate(report.sentences):
        assert sentence.index == index
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.end - sentence.start <= MAX_SENTENCE_LENGTH
        paragraph = report.paragraphs[sentence.paragraph_index]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end
        section = report.sections[sentence.section_index]
        assert section.start <= sentence.start and sentence.end <= section.end
        previous_end = sentence.end
    for paragraph in report.paragraphs:
        assert not is_junk_line(text[paragraph.start : paragraph.end])


digits_anywhere = st.text(
    alphabet=st.characters(categories=["Nd", "No", "Lo", "Po", "So"])
    | st.sampled_from("0123456789.万亿元%年"),
    max_size=60,
)


@fuzz_settings(1200)
@given(
    text=any_text | digits_anywhere | st.lists(quantities | any_text, max_size=6).map("".join),
    offset=st.integers(0, 10**9),
)
def test_quantity_parser_never_raises_and_slices_its_input(text: str, offset: int) -> None:
    TRIED["quantity parser"] += 1
    for quantity in find_quantities(text, offset):
        written = text[quantity.start - offset : quantity.end - offset]
        assert normalize_width(written) == quantity.text  # width-normalized, see the properties
        assert quantity.base_value.is_finite() and quantity.value >= 0
        assert quantity.unit
        # a base unit, but for a bare magnitude (740多万), which counts in ones
        assert quantity.base_unit or quantity.unit in {"万", "亿", "万亿"}
