"""Mentions of a report: offsets into the source, and one type per name in a report."""

from kg.nlp.mentions import find_mentions, unify_types
from kg.records import EntityType, Mention
from kg.text.reading import Source
from kg.text.segment import segment_report

P, L = EntityType.PROJECT, EntityType.PLACE

REPORT = "一、回顾\n五一大道沿线广告招牌实现联动整治。\n二、计划\n启动五一大道提质改造。\n"


def _m(text: str, start: int, type_: EntityType, others: tuple[EntityType, ...] = ()) -> Mention:
    return Mention(0, start, start + len(text), text, type_, others)


def test_a_name_built_anywhere_in_the_report_is_a_project_everywhere() -> None:
    unified = unify_types([_m("五一大道", 0, L), _m("五一大道", 20, P, (L,))])
    assert [(m.type, m.other_types) for m in unified] == [(P, (L,)), (P, (L,))]


def test_otherwise_most_mentions_decide() -> None:
    org = EntityType.ORGANIZATION
    unified = unify_types([_m("马栏山", 0, org), _m("马栏山", 9, L), _m("马栏山", 20, L)])
    assert {m.type for m in unified} == {L}


def test_mentions_point_into_the_report_text() -> None:
    source = Source(name="t.txt", text=REPORT, checksum="0", encoding="utf-8")
    report = segment_report(source)
    mentions = list(find_mentions(report))
    assert mentions
    for mention in mentions:
        assert report.text[mention.start : mention.end] == mention.text
    assert {(m.text, m.type) for m in mentions} == {("五一大道", P)}
