"""Candidate source: roads and lines named by their code or their two ends.

National and provincial roads carry a letter and a number (G536, S316, s207) and often the
stretch being built (G536丁家垅-天岳, s207南湖段); national roads are also written 102国道; county
roads are named by their ends (龙树至水磨三级公路, 青冲-伍市), and a stretch by the places along it
(大田湾—贺龙广场—文化宫片区).
"""

from __future__ import annotations

import re

from kg.nlp.tokens import Candidate, Tokens

SOURCE = "roads"
# A place at an end of a road: Chinese characters, never a conjunction (丁家垅-天岳和青冲-伍市).
_PLACE = r"(?:(?![和及与至])[\u4e00-\u9fff]){2,6}"
_PATTERNS = (
    # G536, S316石牛寨-长庆, s207南湖段
    re.compile(
        rf"(?<![A-Za-z0-9])[GSXYgsxy]\d{{2,4}}"
        rf"(?:[\u4e00-\u9fff]{{1,6}}?(?:段|线)|{_PLACE}[-—–至]{_PLACE})?"
    ),
    # 102国道绕越线, 318国道
    re.compile(r"(?<!\d)\d{2,3}国道(?:[\u4e00-\u9fff]{1,6}?(?:段|线))?"),
    # 龙树至水磨三级公路, 青冲-伍市
    re.compile(
        rf"{_PLACE}(?:(?:至|[-—–]){_PLACE})+(?:[一二三四]级)?(?:公路|道路|高速|铁路|连接线)?"
    ),
)


def road_names(tokens: Tokens) -> list[Candidate]:
    """The roads of a paragraph. A match read past a word's start is cut back to it: the last
    end may take the first character of the next word (文化宫片区焕新开放 -> 文化宫片区)."""
    text = tokens.text
    found = []
    for number, pattern in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            end = match.end()
            while end not in tokens.bounds and end < len(text) and end > match.start() + 2:
                end -= 1
            candidate = Candidate(
                match.start(), end, "Project", "infra", SOURCE, facts=(f"pattern={number}",)
            )
            found.append(candidate)
    return found
