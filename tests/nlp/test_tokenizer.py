"""The lean jieba tokenizer keeps the text and its character offsets exactly."""

import pytest

from kg.nlp import load_pipeline
from kg.nlp.entity_ruler import doc_tokens

TEXTS = [
    "推进长沙国金中心建设。",
    "推进 长沙国金中心  建设",  # white space stays in the text
    "WTO/SPS双磋会议",
    "",
    "   ",
    "\t第一行\n第二行",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_and_token_offsets_are_the_input(text: str) -> None:
    doc = load_pipeline()(text)
    assert doc.text == text
    tokens = doc_tokens(doc)
    assert tokens.text == text
    assert [token.idx for token in doc] == tokens.starts
    assert "".join(tokens.words) == text


def test_entities_offsets_slice_the_text() -> None:
    text = "西龙路、望龙路浏阳河大桥完成建设，隆平片区控规修编加速推进。"
    for entity in load_pipeline()(text).ents:
        assert text[entity.start_char : entity.end_char] == entity.text
