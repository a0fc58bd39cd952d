from decimal import Decimal

import pytest

from kg.extract.quantities import find_quantities, parse_number, to_base_unit

CASES = [
    # text, quantity text, value, unit, base value, base unit, qualifier
    # Arabic numerals, magnitudes and units
    ("盘活低效用地150亩", "150亩", "150", "亩", "150", "亩", ""),
    ("去化存量厂房3.6万平方米", "3.6万平方米", "3.6", "万平方米", "36000", "平方米", ""),
    ("总投资2万亿元", "2万亿元", "2", "万亿元", "2000000000000", "元", ""),
    ("人行道清障11.6公里", "11.6公里", "11.6", "公里", "11600", "米", ""),
    ("新增国土面积12平方公里", "12平方公里", "12", "平方公里", "12000000", "平方米", ""),
    ("造林5公顷", "5公顷", "5", "公顷", "50000", "平方米", ""),
    ("粮食产量615亿斤左右", "615亿斤左右", "615", "亿斤", "61500000000", "斤", "左右"),
    ("服务贸易总额2500亿美元", "2500亿美元", "2500", "亿美元", "250000000000", "美元", ""),
    ("新增装机10万千瓦", "10万千瓦", "10", "万千瓦", "100000000", "瓦", ""),
    ("发电量3亿千瓦时", "3亿千瓦时", "3", "亿千瓦时", "300000000", "千瓦时", ""),
    ("港口集装箱吞吐量8097万标箱", "8097万标箱", "8097", "万标箱", "80970000", "标箱", ""),
    ("累计帮扶困难群众23.2万人次", "23.2万人次", "23.2", "万人次", "232000", "人次", ""),
    ("飞行规模2061万架次", "2061万架次", "2061", "万架次", "20610000", "架次", ""),
    (
        "抵离口岸的交通工具2813.8万辆（艘、架、列）次",
        "2813.8万辆",
        "2813.8",
        "万辆",
        "28138000",
        "辆",
        "",
    ),
    ("外贸额1,200.5万元", "1,200.5万元", "1200.5", "万元", "12005000", "元", ""),
    ("城镇化率提高1.2个百分点", "1.2个百分点", "1.2", "个百分点", "1.2", "个百分点", ""),
    ("占全国9成", "9成", "9", "成", "9", "成", ""),
    ("增长4.5倍", "4.5倍", "4.5", "倍", "4.5", "倍", ""),
    ("人均预期寿命达81.2岁", "达81.2岁", "81.2", "岁", "81.2", "岁", "达"),
    ("增速连续16个季度", "16个", "16", "个", "16", "个", ""),
    ("招收3个月以上婴幼儿", "3个月以上", "3", "个月", "3", "个月", "以上"),
    ("月最低标准645元/月", "645元/月", "645", "元/月", "645", "元/月", ""),
    ("工业用电成本下降6.8％", "6.8％", "6.8", "%", "6.8", "%", ""),
    ("全区有效发明专利达３００６件", "达３００６件", "3006", "件", "3006", "件", "达"),
    # counts with classifiers
    ("排查经营性自建房5797栋", "5797栋", "5797", "栋", "5797", "栋", ""),
    ("引进上下游产业链企业65家", "65家", "65", "家", "65", "家", ""),
    ("与3个国家达成标准合作", "3个", "3", "个", "3", "个", ""),
    ("惠及群众1.6万户", "1.6万户", "1.6", "万户", "16000", "户", ""),
    ("建设公办幼儿园3所", "3所", "3", "所", "3", "所", ""),
    ("火车新站325天", "325天", "325", "天", "325", "天", ""),
    ("总量连续37年居全国首位", "37年", "37", "年", "37", "年", ""),
    # qualifiers before the number, after it, and after the unit
    ("工业厂房出租率超85%", "超85%", "85", "%", "85", "%", "超"),
    ("超过1000人", "超过1000人", "1000", "人", "1000", "人", "超过"),
    ("资产出租率达95%以上", "达95%以上", "95", "%", "95", "%", "以上"),
    ("经营性用地780余亩", "780余亩", "780", "亩", "780", "亩", "余"),
    ("实施重点项目2800多个", "2800多个", "2800", "个", "2800", "个", "多"),
    ("食品产业产值突破40亿元", "突破40亿元", "40", "亿元", "4000000000", "元", "突破"),
    ("近3年年均增速快于全省", "近3年", "3", "年", "3", "年", "近"),
    ("约7成出口增量", "约7成", "7", "成", "7", "成", "约"),
    ("力争60亿元", "力争60亿元", "60", "亿元", "6000000000", "元", "力争"),
    ("地区生产总值增长5%左右", "5%左右", "5", "%", "5", "%", "左右"),
    ("控制在3%以内", "3%以内", "3", "%", "3", "%", "以内"),
    # Chinese numerals
    ("实施三个项目", "三个", "3", "个", "3", "个", ""),
    ("总投资两千亿元", "两千亿元", "2000", "亿元", "200000000000", "元", ""),
    ("流转土地一百五十亩", "一百五十亩", "150", "亩", "150", "亩", ""),
    ("新增一万人", "一万人", "1", "万人", "10000", "人", ""),
    ("成交额均超百亿美元", "超百亿美元", "100", "亿美元", "10000000000", "美元", "超"),
    ("吞吐量超千万人次", "超千万人次", "1000", "万人次", "10000000", "人次", "超"),
    ("工业企业上云率近六成", "近六成", "6", "成", "6", "成", "近"),
    ("培育十多家龙头企业", "十多家", "10", "家", "10", "家", "多"),
    ("一千零八家企业", "一千零八家", "1008", "家", "1008", "家", ""),
]


@pytest.mark.parametrize(
    ("text", "written", "value", "unit", "base", "base_unit", "qualifier"), CASES
)
def test_parses_quantities(
    text: str, written: str, value: str, unit: str, base: str, base_unit: str, qualifier: str
) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.text == written
    assert quantity.value == Decimal(value)
    assert quantity.unit == unit
    assert quantity.base_value == Decimal(base)
    assert quantity.base_unit == base_unit
    assert quantity.qualifier == qualifier
    assert text[quantity.start : quantity.end] == written
    assert "E" not in str(quantity.base_value)  # xsd:decimal has no exponent


@pytest.mark.parametrize(
    ("text", "chinese"), [("实施三个项目", True), ("实施3个项目", False), ("两千亿元", True)]
)
def test_marks_chinese_numerals(text: str, chinese: bool) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.chinese_numerals is chinese


RANGES = [
    # text, value, upper value, unit, base of the upper value
    ("补助3-5万元", "3", "5", "万元", "50000"),
    ("预期增长5%—5.5%", "5", "5.5", "%", "5.5"),
    ("增长4.5-5%", "4.5", "5", "%", "5"),
    ("培育1—2个主导产业", "1", "2", "个", "2"),
    ("招收2—3岁幼儿", "2", "3", "岁", "3"),
    ("新增3至5家", "3", "5", "家", "5"),
]


@pytest.mark.parametrize(("text", "value", "upper", "unit", "base_upper"), RANGES)
def test_ranges_are_one_quantity(
    text: str, value: str, upper: str, unit: str, base_upper: str
) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.value, quantity.value_max) == (Decimal(value), Decimal(upper))
    assert quantity.unit == unit
    assert quantity.base_value_max == Decimal(base_upper)


SHARED_UNITS = [
    # a number whose unit is written once, after the last of a coordinated list
    ("客运量分别达1409万、1305万人次", [("1409", "万人次"), ("1305", "万人次")]),
    ("分别增加21天、24天", [("21", "天"), ("24", "天")]),
    ("分别达38.7万亿元、29.9万亿元", [("38.7", "万亿元"), ("29.9", "万亿元")]),
    ("增长9.4%、13.3%、6.1%", [("9.4", "%"), ("13.3", "%"), ("6.1", "%")]),
    ("从9万元提高到11万元", [("9", "万元"), ("11", "万元")]),
    # a bare magnitude counts in ones (the gold: 740多万 -> 740 万)
    ("常住人口2180万", [("2180", "万")]),
    ("新增停车位5万余个、活动1.6万场", [("5", "万个"), ("1.6", "万场")]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_UNITS)
def test_shared_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(str(q.value), q.unit) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024年是关键一年",  # a year
        "2024—2026年行动计划",  # a span of years
        "二〇二四年",  # a year in Chinese digits
        "第五次全国经济普查",  # ordinals
        "揭阳潮汕机场成为全省第4个吞吐量",
        "第一届理事会",
        "每万人拥有5G基站数",  # codes
        "蓝思科技3D玻璃",
        "PM2.5年均浓度",
        "“一图四库一清单”[7]",  # a footnote mark
        "立足全省“4×4”现代化产业体系",  # plan names and formulas
        "全市“4433”现代化产业体系",
        "壮大“5+5”先进制造业集群",
        "落实人才政策“升级版45条”",  # a number inside a quoted name
        "滚动实施“五个十大”",
        "退减降缓税费XX亿元",  # redacted
        "共计141820个字",  # a site counter
        "省委十二届五次全会",  # sessions of congresses
        "党的二十届四中全会",
        "省委十一届十次、十一次全会",
        "三次产业比重",  # the three sectors
        "完成存量土地二次开发",
        "保持两位数增长",
        "土地二轮延包",
        "中央八项规定",
        "一批项目",  # 一 before a classifier is an article
        "一张蓝图绘到底",
        "数十家企业",  # estimates
        "三四轮车",
        "百年变局",
        "成功3成为",  # 成为 is a verb, not 3成
    ],
)
def test_skips_non_metrics(text: str) -> None:
    assert list(find_quantities(text)) == []


def test_offsets_are_shifted() -> None:
    (quantity,) = find_quantities("新增65家", offset=100)
    assert (quantity.start, quantity.end) == (102, 105)


NUMBERS = [
    ("150", "150"),
    ("1,200.5", "1200.5"),
    ("三", "3"),
    ("十", "10"),
    ("十四", "14"),
    ("二十五", "25"),
    ("一百五十", "150"),
    ("两千", "2000"),
    ("百", "100"),
    ("一千零八", "1008"),
    ("三点五", "3.5"),
    ("二〇二四", "2024"),
]


@pytest.mark.parametrize(("text", "value"), NUMBERS)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["三四", "五六十"])
def test_parse_number_refuses_estimates(text: str) -> None:
    with pytest.raises(ValueError, match="estimate"):
        parse_number(text)


def test_to_base_unit() -> None:
    assert to_base_unit(Decimal("3.6"), "万平方米") == (Decimal("36000"), "平方米")
    assert to_base_unit(Decimal(645), "元/月") == (Decimal(645), "元/月")
    assert to_base_unit(Decimal(1), "furlong") is None


def test_long_numbers_scale_exactly() -> None:
    # Found by the property tests: 28 digits and more once raised decimal.InvalidOperation.
    (quantity,) = find_quantities("10000000000000000000000000001万亿平方公里")
    assert quantity.value == Decimal("10000000000000000000000000001")
    assert quantity.base_value == Decimal("10000000000000000000000000001" + "0" * 18)
    assert quantity.base_unit == "平方米"
