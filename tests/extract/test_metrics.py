import pytest

from kg.extract.metrics import find_metrics
from kg.records import EntityType, Metric, MetricKind
from tests.extract.reports import ORG, PLC, make_report, mentions_for

A, T = MetricKind.ACTUAL, MetricKind.TARGET

REVIEW_CASES = [
    # review sentence, quantity as written, measure, direction, basis, kind
    ("盘活低效用地150亩。", "150亩", "盘活低效用地", "", "", A),
    ("工业厂房出租率超85%。", "超85%", "工业厂房出租率", "", "", A),
    (
        "现代种业及食品产业链产值同比增长23.8%。",
        "23.8%",
        "现代种业及食品产业链产值",
        "increase",
        "同比",
        A,
    ),
    ("工业企业用电成本下降6.8%。", "6.8%", "工业企业用电成本", "decrease", "", A),
    ("地区生产总值较上年增长5%。", "5%", "地区生产总值", "increase", "较上年", A),
    # a change after a comma inherits the measure before it
    ("货物进出口总额9.5万亿元、增长4.4%。", "4.4%", "货物进出口总额", "increase", "", A),
    (
        "全区有效发明专利达3006件，同比增长18.2%。",
        "18.2%",
        "有效发明专利",  # the region itself (全区) is left out, as the guidelines say
        "increase",
        "同比",
        A,
    ),
    # a count measures the noun right after it
    ("实施118个老旧小区、21个农安小区改造。", "118个", "老旧小区", "", "", A),
    ("实施118个老旧小区、21个农安小区改造。", "21个", "农安小区改造", "", "", A),
    ("26个水稻新品种完成省级报审程序。", "26个", "水稻新品种", "", "", A),
    ("完成3.8万平方米工业厂房二次招商。", "3.8万平方米", "工业厂房二次招商", "", "", A),
    # a size written right before a noun is the size of that thing…
    ("开工建设南网720兆瓦储能电站等项目。", "720兆瓦", "储能电站", "", "", A),
    ("新入库500万元以上项目111个。", "500万元以上", "项目", "", "", A),
    ("北海20万吨级散货泊位投用。", "20万吨", "散货泊位", "", "", A),  # 级 is the class
    # …unless the words before name a measure, 的 or a verb follows, or it is a share or time
    ("实施总装机26.9万千瓦光伏项目9个。", "26.9万千瓦", "实施总装机", "", "", A),
    ("引进投资24亿元的储能项目。", "24亿元", "引进投资", "", "", A),
    ("口岸货运通关能力从3800万吨提升至8000万吨。", "3800万吨", "口岸货运通关能力", "", "", A),
    ("优质公办幼儿园覆盖95%乡镇。", "95%", "优质公办幼儿园覆盖", "", "", A),
    # the instances listed before 等 are not what is counted, the class after it is
    ("签约甲乙储能柜组装、丙丁冷链产业园等优势项目45个。", "45个", "优势项目", "", "", A),
    (
        "学前教育、高中阶段和高等教育毛入学率达到93.5%。",
        "达到93.5%",
        "学前教育、高中阶段和高等教育毛入学率",
        "",
        "",
        A,
    ),
    # …and the words before it when nothing follows
    ("引进上下游产业链企业65家。", "65家", "引进上下游产业链企业", "", "", A),
    # linking words are cut
    ("城镇调查失业率平均值为5.0%。", "5.0%", "城镇调查失业率平均值", "", "", A),
    ("资产出租率达95%以上。", "达95%以上", "资产出租率", "", "", A),
    # target cues in the review make a target
    ("力争全区有效高企数达480家。", "达480家", "有效高企数", "", "", T),
    ("主要预期目标是：地区生产总值增长6%。", "6%", "地区生产总值", "increase", "", T),
    ("预计全年接待游客9.6亿人次。", "9.6亿人次", "接待游客", "", "", A),  # an estimate
]


def _metric(metrics: list[Metric], written: str) -> Metric:
    return next(m for m in metrics if m.quantity.text == written)


@pytest.mark.parametrize(
    ("sentence", "written", "measure", "direction", "basis", "kind"), REVIEW_CASES
)
def test_review_metrics(
    sentence: str, written: str, measure: str, direction: str, basis: str, kind: MetricKind
) -> None:
    metric = _metric(list(find_metrics(make_report(review=sentence))), written)
    assert (metric.measure, metric.direction, metric.basis) == (measure, direction, basis)
    assert metric.kind is kind
    assert metric.year == 2023


def test_plan_metrics_are_targets_of_the_plan_year() -> None:
    report = make_report(plan="新培育亿元楼宇1栋，到2026年达到10栋。")
    first, second = find_metrics(report)
    assert (first.kind, first.year, first.measure) == (T, 2024, "新培育亿元楼宇")
    assert (second.kind, second.year) == (T, 2026)


def test_respectively_pairs_entities_and_quantities() -> None:
    report = make_report(review="广州、深圳地铁线网单日最高客运量分别达1409万、1305万人次。")
    names = {"广州": PLC, "深圳": PLC}
    first, second = find_metrics(report, mentions_for(report, names))
    assert (first.entity_key, first.entity_type) == ("广州", PLC)
    assert (second.entity_key, second.entity_type) == ("深圳", PLC)
    assert first.measure == second.measure == "地铁线网单日最高客运量"
    assert first.quantity.unit == second.quantity.unit == "万人次"


def test_entity_in_the_measure_owns_the_metric() -> None:
    report = make_report(review="隆平高科营业收入增长12%。")
    (metric,) = find_metrics(report, mentions_for(report, {"隆平高科": ORG}))
    assert (metric.entity_key, metric.entity_type) == ("隆平高科", EntityType.ORGANIZATION)


def test_offsets_point_into_the_report() -> None:
    report = make_report(review="盘活低效用地150亩，去化存量厂房3.6万平方米。")
    for metric in find_metrics(report):
        assert report.text[metric.quantity.start : metric.quantity.end] == metric.quantity.text
