"""The project follow-ups of ``kg track`` on every series, scored against pairs checked by hand
(tests/data/project_follow_ups.tsv: the plan's sentence read, the next report searched and read
for the project under any name, the true status written down).

A follow-up is "mentioned" when the tool finds the project in the next report (completed or
ongoing). Precision: of the projects it finds, the share the next report really names. Recall:
of the projects the next report names, the share it finds. Names that are no project's (时利,
勾勒出中心, 生态环境) are scored apart: they should not be followed at all. A project the tool
does not follow counts as "not mentioned".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.track.conftest import Tracked

PAIRS = Path(__file__).parents[1] / "data" / "project_follow_ups.tsv"
MENTIONED = {"completed", "ongoing"}


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    exact: float  # share of the projects whose status is the true one
    followed_non_projects: int


def _pairs() -> list[dict[str, str]]:
    lines = [line for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    lines = [line for line in lines if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def score(pairs: list[dict[str, str]], statuses: dict[tuple[str, str, str], str]) -> Score:
    projects = [p for p in pairs if p["true_status"] != "not a project"]
    found = [(_status(statuses, _key(p)), p["true_status"]) for p in projects]
    said = [(tool, true) for tool, true in found if tool in MENTIONED]
    named = [(tool, true) for tool, true in found if true in MENTIONED]
    right = [(tool, true) for tool, true in said if true in MENTIONED]
    return Score(
        precision=len(right) / len(said),
        recall=len(right) / len(named),
        exact=sum(tool == true for tool, true in found) / len(found),
        followed_non_projects=sum(
            _key(p) in statuses for p in pairs if p["true_status"] == "not a project"
        ),
    )


def _key(pair: dict[str, str]) -> tuple[str, str, str]:
    return pair["region"], pair["year"], pair["project"]


def _status(statuses: dict[tuple[str, str, str], str], key: tuple[str, str, str]) -> str:
    """The tool's status of a checked project: under its checked name, else under the longest
    name of the same plan that holds it (the extractor now reads 广湛高铁 where it read 广湛)."""
    if key in statuses:
        return statuses[key]
    region, year, name = key
    holding = [k for k in statuses if k[:2] == (region, year) and name in k[2]]
    return statuses[max(holding, key=lambda k: len(k[2]))] if holding else "not mentioned"


@pytest.fixture(scope="module")
def statuses(every_series: Tracked) -> dict[tuple[str, str, str], str]:
    return {
        (row["region"], row["year"], row["project"]): row["next_status"]
        for row in every_series.rows("projects.csv")
    }


def test_there_are_at_least_40_checked_follow_ups_in_every_series() -> None:
    pairs = _pairs()
    checked = [p for p in pairs if p["true_status"] != "not a project"]
    assert len(checked) >= 40
    assert {p["region"] for p in checked} == {"中华人民共和国", "上海市", "广东省", "海拉尔区"}
    assert {p["true_status"] for p in checked} == {"completed", "ongoing", "not mentioned"}


def test_the_scoring_counts_what_it_says() -> None:
    pairs = [
        {"region": "r", "year": "1", "project": "a", "true_status": "ongoing"},
        {"region": "r", "year": "1", "project": "b", "true_status": "not mentioned"},
        {"region": "r", "year": "1", "project": "c", "true_status": "completed"},
        {"region": "r", "year": "1", "project": "d", "true_status": "not a project"},
    ]
    found = {("r", "1", "a"): "ongoing", ("r", "1", "b"): "ongoing", ("r", "1", "d"): "ongoing"}
    assert score(pairs, found) == Score(0.5, 0.5, 1 / 3, 1)


def test_follow_up_precision_and_recall_on_the_random_sample(
    statuses: dict[tuple[str, str, str], str],
) -> None:
    """Measured: precision 1.00 (23/23), recall 0.82 (23/28), status right 0.90 (47/52),
    completed 5 of 5 right; before the next report's whole text was searched, names matched
    with a word more inside and completions read in the review's clause (main at 25d63fc):
    precision 1.00 (15/15), recall 0.54 (15/28), status right 0.73 (38/52). With the extractor
    of dd0ecae (海南自由贸易港 a Place, as the gold guidelines make it, so checked "not a project"
    since; 综合性国家科学中心 no longer read in 广东's 2025 plan): precision 1.00 (20/20), recall
    0.77 (20/26), status right 0.88. With the selector trained on the annotated passages too
    (training/annotations): precision 1.00 (21/21), recall 0.81 (21/26), status right 0.90. With
    the characters and neighbouring words among the selector's features: precision 1.00 (19/19),
    recall 0.73 (19/26), status right 0.86: the national plan's 外送通道 (2024) and 广东's
    综合性国家科学中心 (2025, read again with the annotated passages), names with no proper
    part, are no longer read as projects."""
    result = score([p for p in _pairs() if p["sample"] == "random"], statuses)
    assert result.precision >= 0.95, result
    assert result.recall >= 0.7, result
    assert result.exact >= 0.85, result
    assert result.followed_non_projects == 0, result


def test_the_follow_ups_the_text_search_changed_are_right(
    statuses: dict[tuple[str, str, str], str],
) -> None:
    """Of the follow-ups the search of the whole text turned from "not mentioned", the share
    it got right (measured on the 20 that are projects: 18 found, all named there; status
    right 20 of 20). The 7 names of the sample that are no project's (生态环境, 航运中心) are
    still followed: the extractor takes them for projects. With the selector trained on the
    annotated passages too, 14 of the 18 are found (all named there), status right 16 of 20:
    the plan's 发达广场 (发达 is an everyday word), 奶源基地, 综合指挥大厅 and 亚太示范电子口岸 are
    no longer read as projects; 3 of the 7 non-projects are still followed."""
    changed = [p for p in _pairs() if p["sample"] == "changed"]
    result = score(changed, statuses)
    assert result.precision >= 0.90, result
    assert result.exact >= 0.80, result


@pytest.mark.parametrize(
    ("region", "year", "project", "status"),
    [
        ("上海市", "2016", "长江西路隧道", "completed"),  # 建成长江西路越江隧道
        ("广东省", "2024", "黄茅海通道", "completed"),  # 黄茅海跨海通道建成通车
        ("海拉尔区", "2014", "伊仕丹购物广场", "completed"),  # 伊仕丹购物广场正式营业
        ("海拉尔区", "2013", "华润雪花迁建", "ongoing"),  # 华润雪花啤酒迁建项目开工建设
        ("海拉尔区", "2014", "维多利", "ongoing"),  # a sentence the graph left out
        ("上海市", "2006", "洋山深水港区一期工程", "not mentioned"),  # 后续工程 is not 一期
    ],
)
def test_names_the_hand_check_showed_missed(
    statuses: dict[tuple[str, str, str], str], region: str, year: str, project: str, status: str
) -> None:
    assert statuses[(region, year, project)] == status
