"""Candidate source: roads and lines named by their code or their ends (kg.nlp.sources.roads)."""

import pytest

from kg.nlp.entity_ruler import doc_tokens
from kg.nlp.pipeline import load_pipeline
from kg.nlp.sources.roads import road_names


def _proposed(text: str) -> set[str]:
    return {text[c.start : c.end] for c in road_names(doc_tokens(load_pipeline()(text)))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("加快推S316石牛寨-长庆、G536丁家垅-天岳", "S316石牛寨-长庆"),
        ("s207南湖段完工", "s207南湖段"),
        ("102国道绕越线通车", "102国道绕越线"),
        ("建成县城至火德红、龙树至水磨三级公路", "龙树至水磨三级公路"),
        ("G536丁家垅-天岳和青冲-伍市", "青冲-伍市"),  # a conjunction is no end of a road
        # a stretch by the places along it
        ("大田湾—贺龙广场—文化宫片区,再现传统风貌", "大田湾—贺龙广场—文化宫片区"),
        # an end read into the next word is cut back to where that word starts
        ("大田湾—贺龙广场—文化宫片区焕新开放", "大田湾—贺龙广场—文化宫片区"),
    ],
)
def test_roads_by_code_or_ends(text: str, name: str) -> None:
    assert name in _proposed(text)


def test_no_road_without_code_or_two_ends() -> None:
    assert _proposed("推进城市更新行动") == set()
