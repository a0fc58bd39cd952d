"""The town source: a town of the gazetteer, and a village or community written after it."""

import pytest

from kg.nlp.lexicon import load_lexicon
from kg.nlp.sources.towns import town_names


def _towns(text: str) -> dict[str, tuple[str, ...]]:
    return {text[c.start : c.end]: c.facts for c in town_names(text, load_lexicon())}


def test_a_village_after_its_town_is_one_name() -> None:
    found = _towns("台湖镇唐大庄村成为全区第一个乡村民宿集中村")
    assert found == {"台湖镇": (), "台湖镇唐大庄村": ("village",)}


@pytest.mark.parametrize("text", ["台湖镇各村", "台湖镇农村人居环境", "台湖镇撤村建居"])
def test_no_village_where_none_is_named(text: str) -> None:
    assert set(_towns(text)) == {"台湖镇"}
