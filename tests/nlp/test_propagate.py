"""A name taken once is a name wherever its report writes it, on token boundaries only."""

from kg.nlp.select import Choice
from kg.nlp.select.propagate import propagate
from kg.nlp.tokens import Tokens


def _tokens(text: str, words: list[str]) -> Tokens:
    starts, at = [], 0
    for word in words:
        starts.append(at)
        at += len(word)
    assert at == len(text)
    return Tokens.from_starts(text, starts, words)


def test_a_taken_name_is_found_in_other_paragraphs() -> None:
    first = _tokens("引进中创新航落户。", ["引进", "中创新航", "落户", "。"])
    second = _tokens("中创新航二期开工。", ["中创新航", "二期", "开工", "。"])
    chosen = [[Choice(2, 6, "Organization", 0.9)], []]
    result = propagate([first, second], chosen)
    assert [(c.start, c.end, c.type) for c in result[1]] == [(0, 4, "Organization")]


def test_not_inside_a_longer_name_nor_across_a_token() -> None:
    first = _tokens("引进中创新航。", ["引进", "中创新航", "。"])
    inside = _tokens("中创新航二期开工。", ["中创新航", "二期", "开工", "。"])
    across = _tokens("集中创新航线。", ["集中", "创新", "航线", "。"])
    chosen = [[Choice(2, 6, "Organization", 0.9)], [Choice(0, 6, "Project", 0.8)], []]
    result = propagate([first, inside, across], chosen)
    assert [(c.start, c.end) for c in result[1]] == [(0, 6)]  # only the longer name
    assert result[2] == []  # 中创新航 is no token run there


def test_short_names_are_not_spread() -> None:
    first = _tokens("支持三江发展。", ["支持", "三江", "发展", "。"])
    second = _tokens("三江源头。", ["三江", "源头", "。"])
    result = propagate([first, second], [[Choice(2, 4, "Place", 0.9)], []])
    assert result[1] == []
