"""The phase source (a name followed by its phase) and the report's region forms."""

import pytest

from kg.nlp.entity_ruler import doc_tokens
from kg.nlp.lexicon import load_lexicon
from kg.nlp.pipeline import load_pipeline
from kg.nlp.sources.phases import phase_names
from kg.nlp.sources.region import region_forms

PHASES = [
    ("三利谱偏光片、伊利三期等一批重大项目顺利开工", "伊利三期"),
    ("华电二期尽快启动建设", "华电二期"),
    ("甬江实验室B区一期建成", "甬江实验室B区一期"),  # a designator of two tokens (B/区)
]


def _phases(text: str) -> set[str]:
    tokens = doc_tokens(load_pipeline()(text))
    return {text[c.start : c.end] for c in phase_names(tokens, load_lexicon())}


@pytest.mark.parametrize(("text", "name"), PHASES)
def test_a_name_before_its_phase_is_proposed(text: str, name: str) -> None:
    assert name in _phases(text)


def test_no_phase_no_proposal_and_no_verb_inside() -> None:
    assert _phases("加快推进产业园建设") == set()
    assert not any(name.startswith("推进") for name in _phases("推进华电二期建设"))


@pytest.mark.parametrize(
    ("region", "forms"),
    [
        ("遂宁市安居区", {"遂宁市安居区", "安居区", "安居"}),  # parents dropped, level dropped
        ("大邑县", {"大邑县", "大邑"}),
        ("长沙县", {"长沙县"}),  # 长沙 is the city
        ("吉林市", {"吉林市"}),  # 吉林 is the province
        ("湖南省", {"湖南省", "湖南"}),
    ],
)
def test_region_forms(region: str, forms: set[str]) -> None:
    assert region_forms(region) == forms
