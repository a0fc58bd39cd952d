import pytest

from kg.extract.statuses import decide_status, finishes_a_stage_only, has_modal
from kg.records import SectionKind, Status

R, PL, OUT, OTHER = SectionKind.REVIEW, SectionKind.PLAN, SectionKind.OUTLOOK, SectionKind.OTHER
C, G, N = Status.COMPLETED, Status.ONGOING, Status.PLANNED

CASES = [
    # verb's stage, section, words before the verb, words after it, status
    (C, R, "东湖公园", "", C),
    (G, R, "东湖公园", "", G),
    (C, PL, "", "", N),  # the plan section: planned whatever the verb
    (G, OUT, "", "", N),  # the outlook too
    (C, R, "东湖公园将于年底", "", N),  # modal words
    (C, R, "计划", "", N),
    (C, R, "力争", "", N),
    (C, R, "确保东湖公园如期", "", N),
    (C, OTHER, "", "", C),
    (C, R, "将近", "", C),  # 将近 is "nearly"
    (C, R, "实施“芙蓉计划”，", "", C),  # inside a quoted name
    (C, R, "", "征收签约", G),  # a stage only
    (C, R, "", "主体工程", G),
    (C, R, "", "出让", C),
    (G, R, "", "征收签约", G),
]


@pytest.mark.parametrize(("verb", "section", "before", "after", "expected"), CASES)
def test_decide_status(
    verb: Status, section: SectionKind, before: str, after: str, expected: Status
) -> None:
    assert decide_status(verb, section, before_verb=before, after_verb=after) is expected


@pytest.mark.parametrize(
    ("text", "modal"),
    [("将", True), ("即将", True), ("拟", True), ("预计", True), ("将近", False), ("", False)],
)
def test_has_modal(text: str, modal: bool) -> None:
    assert has_modal(text) is modal


@pytest.mark.parametrize(("text", "partial"), [(" 前期工作", True), ("建设", False)])
def test_finishes_a_stage_only(text: str, partial: bool) -> None:
    assert finishes_a_stage_only(text) is partial
