import pytest

from kg.extract.actions import find_actions
from kg.records import Action, EntityType, Status
from tests.extract.reports import ORG, PLC, PRJ, make_report, mentions_for

C, G, N = Status.COMPLETED, Status.ONGOING, Status.PLANNED

REVIEW_CASES = [
    # sentence of the review section, names in it, expected (object, status) pairs
    # the verb after the objects (topic, comment)
    (
        "朗盛大厦、融通长城宾馆成功盘活。",
        {"朗盛大厦": PRJ, "融通长城宾馆": PRJ},
        {("朗盛大厦", C), ("融通长城宾馆", C)},
    ),
    ("东屯城改一期地块完成出让。", {"东屯城改一期地块": PRJ}, {("东屯城改一期地块", C)}),
    (
        "西龙路、望龙路浏阳河大桥完成建设。",
        {"西龙路": PRJ, "望龙路浏阳河大桥": PRJ},
        {("西龙路", C), ("望龙路浏阳河大桥", C)},
    ),
    ("长沙产业服务中心等一批项目开工建设。", {"长沙产业服务中心": PRJ}, {("长沙产业服务中心", G)}),
    # progress reported as such
    ("青溪余热发电项目进展顺利。", {"青溪余热发电项目": PRJ}, {("青溪余热发电项目", G)}),
    (
        "自贸大厦、浩天财智中心等重大项目有序推进。",
        {"自贸大厦": PRJ, "浩天财智中心": PRJ},
        {("自贸大厦", G), ("浩天财智中心", G)},
    ),
    ("东湖公园建设进入扫尾阶段。", {"东湖公园": PRJ}, {("东湖公园", G)}),
    ("长沙戏剧街建成开街。", {"长沙戏剧街": PRJ}, {("长沙戏剧街", C)}),
    (
        "广湛高铁建成通车，广汕汕高铁全线贯通。",
        {"广湛高铁": PRJ, "广汕汕高铁": PRJ},
        {("广湛高铁", C), ("广汕汕高铁", G)},
    ),
    (
        "湘雅二医院门急诊医技楼加快建设。",
        {"湘雅二医院门急诊医技楼": PRJ},
        {("湘雅二医院门急诊医技楼", G)},
    ),
    ("韶关数据中心集群建设扎实推进。", {"韶关数据中心集群": PRJ}, {("韶关数据中心集群", G)}),
    # the verb before the objects
    (
        "建成深中通道、黄茅海通道等互联互通工程。",
        {"深中通道": PRJ, "黄茅海通道": PRJ},
        {("深中通道", C), ("黄茅海通道", C)},
    ),
    ("完成火炬地块四号安置房建设。", {"火炬地块四号": PRJ}, {("火炬地块四号", C)}),
    ("启动长榔路南段建设。", {"长榔路南段": PRJ}, {("长榔路南段", G)}),
    # a nominal verb in an earlier list item does not govern the next one
    (
        "小西门管网修复和改造、红旗水库外源治理项目全面完成。",
        {"小西门": PLC, "红旗水库外源治理项目": PRJ},
        {("红旗水库外源治理项目", C)},
    ),
    # 完成 of a stage only: the project goes on
    (
        "远大路片区城市更新一期完成征收签约。",
        {"远大路片区城市更新一期": PRJ},
        {("远大路片区城市更新一期", G)},
    ),
    ("完成自贸大厦主体工程。", {"自贸大厦": PRJ}, {("自贸大厦", G)}),
    # verbs that state no stage
    ("湘雅二医院新院区建设正式获批。", {"湘雅二医院新院区": PRJ}, set()),
    ("隆平水稻博物馆成功创建国家4A级旅游景区。", {"隆平水稻博物馆": PRJ}, set()),
    ("锦屏深地科学中心获批建设。", {"锦屏深地科学中心": PRJ}, set()),
    ("签约引进甲乙新材料等外资项目14个。", {"甲乙新材料": PRJ}, set()),  # signed, not begun
    # a project named without a verb in the review has no status
    ("以自贸大厦为中心。", {"自贸大厦": PRJ}, set()),
    # modal words make an intention, whatever the verb
    ("东湖公园将于年底建成。", {"东湖公园": PRJ}, {("东湖公园", N)}),
    ("计划开工建设东湖路。", {"东湖路": PRJ}, {("东湖路", N)}),
    ("力争柏悦酒店如期开业。", {"柏悦酒店": PRJ}, {("柏悦酒店", N)}),
    # 将 as an object marker and words in quoted names are not modal
    ("实施“芙蓉计划”，建成长沙戏剧街。", {"长沙戏剧街": PRJ}, {("长沙戏剧街", C)}),
    # without a project, other entities are the objects; the subject of 落户 is what landed
    (
        "北大荒工贸、新五丰等龙头企业成功落户。",
        {"北大荒工贸": ORG, "新五丰": ORG},
        {("北大荒工贸", C), ("新五丰", C)},
    ),
]


def _pairs(actions: list[Action]) -> set[tuple[str, Status]]:
    return {(key, action.status) for action in actions for key, _type in action.objects}


@pytest.mark.parametrize(("sentence", "names", "expected"), REVIEW_CASES)
def test_review_statuses(
    sentence: str, names: dict[str, EntityType], expected: set[tuple[str, Status]]
) -> None:
    report = make_report(review=sentence)
    assert _pairs(list(find_actions(report, mentions_for(report, names)))) == expected


PLAN_CASES = [
    # in the plan section everything is planned, whatever the verb
    (
        "建成长白路北段、王家垄路西段等道路。",
        {"长白路北段": PRJ, "王家垄路西段": PRJ},
        {("长白路北段", N), ("王家垄路西段", N)},
    ),
    (
        "推进长沙国金中心、佳兆业广场等高端楼宇招商。",
        {"长沙国金中心": PRJ, "佳兆业广场": PRJ},
        {("长沙国金中心", N), ("佳兆业广场", N)},
    ),
    ("确保东湖公园如期建成。", {"东湖公园": PRJ}, {("东湖公园", N)}),
    # even a project named without a verb
    (
        "以XX中路金融集聚带为重点，大力发展科技金融。",
        {"XX中路金融集聚带": PRJ},
        {("XX中路金融集聚带", N)},
    ),
    (
        "京港澳和沪昆扩容、张官等17条高速公路。",
        {"京港澳": PRJ, "沪昆": PRJ, "张官": PRJ},
        {("京港澳", N), ("沪昆", N), ("张官", N)},
    ),
    # but not one the plan only relies on
    ("依托岳麓山实验室开展改革试点。", {"岳麓山实验室": PRJ}, set()),
    # a place without a verb is no planned object
    ("在湘江新区布局。", {"湘江新区": PLC}, set()),
    # projects the plan says are under construction are ongoing too: in their clause…
    (
        "加快青溪大厦、白沙路等在建项目建设进度，启动东湖公园建设。",
        {"青溪大厦": PRJ, "白沙路": PRJ, "东湖公园": PRJ},
        {("青溪大厦", N), ("青溪大厦", G), ("白沙路", N), ("白沙路", G), ("东湖公园", N)},
    ),
    # …or in the clauses after a heading that says so
    (
        "全力推进在建项目，加快推进青溪大厦建设；加快推进白沙路建设。",
        {"青溪大厦": PRJ, "白沙路": PRJ},
        {("青溪大厦", N), ("青溪大厦", G), ("白沙路", N), ("白沙路", G)},
    ),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), PLAN_CASES)
def test_plan_statuses(
    sentence: str, names: dict[str, EntityType], expected: set[tuple[str, Status]]
) -> None:
    report = make_report(plan=sentence)
    assert _pairs(list(find_actions(report, mentions_for(report, names)))) == expected


def test_project_in_review_and_plan_gets_both() -> None:
    report = make_report(review="自贸大厦有序推进。", plan="完成自贸大厦主体工程。")
    actions = list(find_actions(report, mentions_for(report, {"自贸大厦": PRJ})))
    assert _pairs(actions) == {("自贸大厦", G), ("自贸大厦", N)}
    assert {a.status: a.year for a in actions} == {G: 2023, N: 2024}


def test_explicit_year_wins() -> None:
    report = make_report(plan="东湖公园2025年建成。")
    (action,) = find_actions(report, mentions_for(report, {"东湖公园": PRJ}))
    assert action.year == 2025


def test_agent_and_place() -> None:
    report = make_report(review="长沙城发集团在隆平片区建成隆平创新中心。")
    names = {"长沙城发集团": ORG, "隆平片区": PLC, "隆平创新中心": PRJ}
    (action,) = find_actions(report, mentions_for(report, names))
    assert action.objects == (("隆平创新中心", PRJ),)
    assert action.agent == ("长沙城发集团", ORG)
    assert action.place == ("隆平片区", PLC)
    assert action.verb == "建成"
    assert report.text[action.start : action.end] == "建成"


def test_agent_after_you() -> None:
    report = make_report(review="由隆平高科建成南方水稻基地。")
    names = {"隆平高科": ORG, "南方水稻基地": PRJ}
    (action,) = find_actions(report, mentions_for(report, names))
    assert action.agent == ("隆平高科", ORG)
    assert action.objects == (("南方水稻基地", PRJ),)


def test_place_after_luohu_is_location_not_object() -> None:
    report = make_report(review="高校区域技术转移转化中心落户广东。")
    names = {"高校区域技术转移转化中心": ORG, "广东": PLC}
    (action,) = find_actions(report, mentions_for(report, names))
    assert action.objects == (("高校区域技术转移转化中心", ORG),)
    assert action.place == ("广东", PLC)


def test_verb_inside_a_name_is_not_a_verb() -> None:
    report = make_report(review="中国建设银行完成改制。")
    (action,) = find_actions(report, mentions_for(report, {"中国建设银行": ORG}))
    assert action.verb == "完成"
