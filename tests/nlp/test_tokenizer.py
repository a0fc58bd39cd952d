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


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # jieba glues a conjunction, or the 好 completing a verb, to an unknown name after it
        ("九鱼公园及七巧马莲", ["及", "七巧"]),
        ("服务保障好鲁巧高速", ["保障", "好", "鲁巧"]),
        ("推动与央企合作", ["与", "央企"]),
    ],
)
def test_function_words_glued_to_a_name_are_split_off(text: str, words: list[str]) -> None:
    found = doc_tokens(load_pipeline()(text)).words
    assert any(found[i : i + len(words)] == words for i in range(len(found)))


@pytest.mark.parametrize(("text", "word"), [("好想你枣业", "好想你"), ("做好项目", "做好")])
def test_words_starting_with_a_function_character_stay_whole(text: str, word: str) -> None:
    assert word in doc_tokens(load_pipeline()(text)).words
