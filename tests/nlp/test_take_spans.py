"""How the selector takes spans from scored, overlapping proposals (kg.nlp.select.take_spans)."""

from kg.nlp.select import CONTAINER, take_spans


def _taken(ranked: list[tuple[float, int, int, str]], threshold: float = 0.3) -> list[str]:
    return sorted(item for _probability, item in take_spans(ranked, threshold))


def test_best_first_and_never_overlapping() -> None:
    ranked = [(0.9, 0, 4, "甲乙丙丁"), (0.8, 2, 6, "丙丁戊己"), (0.5, 6, 8, "庚辛")]
    assert _taken(ranked) == ["庚辛", "甲乙丙丁"]


def test_below_the_threshold_nothing_is_taken() -> None:
    assert _taken([(0.2, 0, 2, "甲乙")]) == []


def test_a_likely_name_replaces_the_names_inside_it() -> None:
    # 云南牟定产业园区管委会 over the 云南 taken first: the gold holds the longest named span
    ranked = [(0.99, 0, 2, "云南"), (CONTAINER + 0.1, 0, 11, "云南牟定产业园区管委会")]
    assert _taken(ranked) == ["云南牟定产业园区管委会"]


def test_a_less_likely_container_does_not() -> None:
    ranked = [(0.99, 0, 2, "汕头"), (CONTAINER - 0.1, 0, 13, "汕头发挥侨乡优势对接大湾区")]
    assert _taken(ranked) == ["汕头"]


def test_a_span_overlapping_a_name_without_holding_it_does_not() -> None:
    ranked = [(0.99, 0, 4, "甲乙丙丁"), (0.95, 2, 8, "丙丁戊己庚辛")]
    assert _taken(ranked) == ["甲乙丙丁"]
