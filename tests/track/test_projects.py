"""A project's name across years, and what the next report says of it."""

import pytest

from kg.track.projects import ProjectName, follow_projects
from kg.track.records import ProjectFact
from tests.track.facts import reports, sentence

NAME_CASES = [
    ("隆平生物种业产业园", "隆平生物种业产业园一期", True),
    ("隆平生物种业产业园二期", "隆平生物种业产业园一期", False),
    ("黑羊站水厂二期", "黑羊站水厂", True),
    ("世界反法西斯战争海拉尔纪念园二期工程", "世界反法西斯战争海拉尔纪念园二期", True),
    ("伊敏河堤防工程", "伊敏河堤防", True),
    ("“南方水稻品种创制重点实验室”", "南方水稻品种创制重点实验室", True),
    ("西外环路", "东外环路", False),
    ("中俄蒙国际汽车产业园", "中俄蒙国际汽车产业物流园项目", False),
]


@pytest.mark.parametrize(("first", "second", "same"), NAME_CASES)
def test_names_match_across_years(first: str, second: str, same: bool) -> None:
    assert ProjectName.of(first).matches(ProjectName.of(second)) is same
    assert ProjectName.of(second).matches(ProjectName.of(first)) is same


def _fact(project: str, report: str, status: str, kind: str, start: int = 0) -> ProjectFact:
    text = f"{project}……"
    return ProjectFact(
        f"urn:p:{project}", project, report, status, None, sentence(text, kind, "", start)
    )


def test_a_planned_project_is_followed_into_the_next_report() -> None:
    facts = [
        _fact("隆平生物种业产业园", "urn:r:2024", "planned", "plan", 1),
        _fact("芙蓉河大桥", "urn:r:2024", "planned", "plan", 2),
        _fact("青溪数据中心", "urn:r:2024", "planned", "plan", 3),
        _fact("滨江智造产业园", "urn:r:2024", "ongoing", "review", 4),  # not a plan
        _fact("隆平生物种业产业园一期", "urn:r:2025", "completed", "review", 5),
        _fact("芙蓉河大桥", "urn:r:2025", "", "review", 6),
    ]
    outcomes = {o.label: o for o in follow_projects(facts, reports("青溪区", 2024, 2025))}
    assert {label: o.next_status for label, o in outcomes.items()} == {
        "隆平生物种业产业园": "completed",
        "芙蓉河大桥": "ongoing",
        "青溪数据中心": "not mentioned",
    }
    follow_up = outcomes["隆平生物种业产业园"].follow_up
    assert follow_up is not None and follow_up.label == "隆平生物种业产业园一期"
    assert outcomes["青溪数据中心"].follow_up is None
