"""Project names across years: which are one project, which are no project's, where a sentence
names one, and whether it says the project was completed."""

import pytest

from kg.track.names import NameInText, ProjectName, looks_like_project, plain_text
from kg.track.projects import says_completed

# Cases the hand-check of tests/data/project_follow_ups.tsv showed.
SAME = [
    ("长江西路隧道", "长江西路越江隧道", True),
    ("华润雪花迁建", "华润雪花啤酒迁建项目", True),
    ("黄茅海通道", "黄茅海跨海通道", True),
    ("国网信通大数据项目", "国网信通华为大数据", True),
    ("黑羊站水厂二期", "黑羊站水厂改扩建工程", True),
    ("国际贸易中心", "国际贸易结算中心", False),  # another kind of centre
    ("西大街", "西外大街", False),  # too short to take a word inside
    ("长江西路隧道", "长江西路越江公路隧道", False),  # three characters more
]

PROJECT_LIKE = [
    ("隆平生物种业产业园", True),
    ("维多利", True),
    ("虹桥", True),  # short, but ends as a built thing
    ("时利", False),
    ("健康", False),
    ("广湛", False),  # 广湛高铁 cut short
    ("勾勒出中心", False),
    ("努力提高项目", False),
    ("新兴产业领域项目", False),
    ("镇1万亩节水灌溉", False),  # 奋斗镇1万亩节水灌溉 cut after the town's level
]

IN_TEXT = [
    ("维多利", "启动维多利商城、大润发超市、发达广场项目建设。", "维多利"),
    ("华润雪花迁建", "华润雪花啤酒迁建项目开工建设。", "华润雪花啤酒迁建"),
    ("南方水稻品种创制实验室", "建成“南方水稻品种创制实验室”。", "南方水稻品种创制实验室"),
    ("隆平生物种业产业园", "隆平生物种业产业园一期建成投产。", "隆平生物种业产业园一期"),
    ("洋山深水港区一期工程", "加快洋山深水港区后续工程建设。", None),  # not the 一期
    ("麦福劳二期扩建", "扶持壮大三元、麦福劳等生产加工企业。", None),  # the firm
    ("隆平生物种业产业园二期", "隆平生物种业产业园一期建成投产。", None),
]

COMPLETED = [
    ("投资6亿元的伊仕丹购物广场正式营业，全年新增商业面积10万平方米。", "伊仕丹购物广场", True),
    ("建成长江西路越江隧道、17条区区对接道路。", "长江西路隧道", True),
    ("长三角国家技术创新中心建成运行。", "长三角国家技术创新中心", True),
    ("3800万元的背街巷道改造、740万元的公交新型客车更换等项目全面完成。", "背街巷道", True),
    ("东海写字楼、区国税局综合业务用房主体封顶。", "东海写字楼", False),
    ("华润雪花啤酒迁建项目开工建设。", "华润雪花迁建", False),
    ("中俄蒙国际汽车产业园累计完成投资1.5亿元。", "中俄蒙国际汽车产业园", False),
    ("力争建成机场快速路。", "机场快速路", False),
    ("公路客运总站基本建成。", "公路客运总站", False),
]


@pytest.mark.parametrize(("first", "second", "same"), SAME)
def test_names_with_a_word_more_inside(first: str, second: str, same: bool) -> None:
    assert ProjectName.of(first).matches(ProjectName.of(second)) is same
    assert ProjectName.of(second).matches(ProjectName.of(first)) is same


@pytest.mark.parametrize(("name", "expected"), PROJECT_LIKE)
def test_only_names_that_look_like_a_project_are_followed(name: str, expected: bool) -> None:
    assert looks_like_project(name) is expected


@pytest.mark.parametrize(("name", "sentence", "found"), IN_TEXT)
def test_a_sentence_names_the_project(name: str, sentence: str, found: str | None) -> None:
    match = NameInText(ProjectName.of(name)).find(plain_text(sentence))
    assert (match.group(0) if match else None) == found


@pytest.mark.parametrize(("sentence", "name", "completed"), COMPLETED)
def test_a_review_says_the_project_was_completed(sentence: str, name: str, completed: bool) -> None:
    text = plain_text(sentence)
    match = NameInText(ProjectName.of(name)).find(text)
    assert match is not None
    assert says_completed(text, match.span()) is completed
