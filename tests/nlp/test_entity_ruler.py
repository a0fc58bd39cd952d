import pytest

from kg.nlp import load_pipeline


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in load_pipeline()(text).ents]


def test_pipeline_is_blank_zh_with_jieba() -> None:
    nlp = load_pipeline()
    assert nlp.lang == "zh"
    assert nlp.tokenizer.segmenter == "jieba"  # type: ignore[attr-defined]
    assert "govreport_entity_ruler" in nlp.pipe_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自贸大厦、浩天财智中心等重大项目有序推进。", ("自贸大厦", "Project")),
        ("深化与湖南农业大学等驻区院校融合发展。", ("湖南农业大学", "Organization")),
        ("隆平片区控规修编加速推进。", ("隆平片区", "Place")),
        ("与肯尼亚达成标准合作。", ("肯尼亚", "Place")),
    ],
)
def test_finds_named_entities(text: str, expected: tuple[str, str]) -> None:
    assert expected in _ents(text)


def test_bare_head_is_not_a_name() -> None:
    assert _ents("片区建设加快。") == []
