from kg.extract.entities import normalize_name, resolve_entities
from kg.records import EntityType, Mention


def _m(text: str, start: int, type_: EntityType = EntityType.PROJECT) -> Mention:
    return Mention(0, start, start + len(text), text, type_)


def test_one_entity_per_name_and_type() -> None:
    entities = resolve_entities(
        [_m("自贸大厦", 0), _m("自贸大厦", 10), _m("自贸大厦", 20, EntityType.PLACE), _m("WTO", 30)]
    )
    assert [(e.label, e.type, len(e.mentions)) for e in entities] == [
        ("自贸大厦", EntityType.PROJECT, 2),
        ("自贸大厦", EntityType.PLACE, 1),
        ("WTO", EntityType.PROJECT, 1),
    ]


def test_surfaces_differing_in_space_or_case_merge_with_alt_labels() -> None:
    (entity,) = resolve_entities([_m("wto", 0), _m("WTO", 5), _m("WTO", 9), _m("W TO", 20)])
    assert entity.label == "WTO"
    assert entity.alt_labels == ("W TO", "wto")
    assert normalize_name(" w to ") == "WTO"
