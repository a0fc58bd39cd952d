import pytest

from kg.extract.entities import mentions_by_sentence, normalize_name, resolve_entities
from kg.records import EntityType, Mention

P, L = EntityType.PROJECT, EntityType.PLACE

KEYS = [
    ("自贸大厦", "自贸大厦"),
    (" w to ", "WTO"),
    ("湖南", "湖南"),
    ("湖南省", "湖南"),
    ("长沙市", "长沙"),
    ("长沙县", "长沙县"),  # a county of its own, not the city
    ("麻阳县", "麻阳"),
    ("麻阳苗族自治县", "麻阳"),
    ("隆平生物种业产业园一期", "隆平生物种业产业园一期"),  # phases are different projects
    ("上海市黄浦区", "黄浦"),  # the parents written before a division
    ("湖南省长沙市", "长沙"),
    ("龙山县靛房镇", "靛房镇"),  # a town may end the chain
    ("沈阳市政府", "沈阳市人民政府"),  # one organ however it is written
    ("辽宁省沈阳市人民政府", "沈阳市人民政府"),
    ("通渭縣政府", "通渭县人民政府"),  # traditional characters
    ("海口市秀英區(qū)人民政府", "秀英区人民政府"),  # and a forum's pinyin gloss
    ("区人民政府", "区人民政府"),  # a level alone names no division
    ("乾县", "乾县"),  # a county written with a character t2s would convert
    ("长沙县政府", "长沙县人民政府"),
]


def _m(text: str, start: int, type_: EntityType = P, sentence: int = 0) -> Mention:
    return Mention(sentence, start, start + len(text), text, type_)


@pytest.mark.parametrize(("text", "key"), KEYS)
def test_surfaces_meet_under_one_key(text: str, key: str) -> None:
    assert normalize_name(text) == key


def test_one_entity_per_name_and_type() -> None:
    entities = resolve_entities(
        [_m("自贸大厦", 0), _m("自贸大厦", 10), _m("自贸大厦", 20, L), _m("WTO", 30)]
    )
    assert [(e.label, e.type, len(e.mentions)) for e in entities] == [
        ("自贸大厦", P, 2),
        ("自贸大厦", L, 1),
        ("WTO", P, 1),
    ]


def test_surfaces_differing_in_space_or_case_merge_with_alt_labels() -> None:
    (entity,) = resolve_entities([_m("wto", 0), _m("WTO", 5), _m("WTO", 9), _m("W TO", 20)])
    assert entity.label == "WTO"
    assert entity.alt_labels == ("W TO", "wto")


def test_short_and_full_forms_of_a_division_are_one_place() -> None:
    (entity,) = resolve_entities([_m("湖南省", 0, L), _m("湖南", 10, L), _m("湖南", 30, L)])
    assert (entity.key, entity.label, entity.alt_labels) == ("湖南", "湖南", ("湖南省",))


def test_label_tie_goes_to_the_first_written() -> None:
    (entity,) = resolve_entities([_m("长沙市", 0, L), _m("长沙", 10, L)])
    assert entity.label == "长沙市"


def test_mention_index_lists_each_sentence_in_offset_order() -> None:
    entities = resolve_entities(
        [_m("东湖公园", 40, P, 1), _m("自贸大厦", 0, P, 0), _m("湖南", 30, L, 1)]
    )
    index = mentions_by_sentence(entities)
    assert list(index) == [0, 1]
    assert [(m.text, e.type) for m, e in index[1]] == [("湖南", L), ("东湖公园", P)]


def test_forms_of_one_organ_are_one_organization() -> None:
    org = EntityType.ORGANIZATION
    (entity,) = resolve_entities(
        [_m("沈阳市人民政府", 0, org), _m("沈阳市政府", 20, org), _m("沈阳市政府", 40, org)]
    )
    assert (entity.label, entity.alt_labels) == ("沈阳市政府", ("沈阳市人民政府",))
