"""The entity components on sentences written for these tests: the name rules, one table per
pattern (what the rules choose, the ``rules`` source the selector reads), and the selector."""

import itertools

import pytest

from kg.nlp import load_pipeline
from kg.nlp.entity_ruler import CANDIDATES_KEY

P, ORG, L = "Project", "Organization", "Place"

HEAD_NAMES = [
    ("自贸大厦、浩天财智中心等重大项目有序推进。", ("自贸大厦", P)),
    ("深化与湖南农业大学等驻区院校融合发展。", ("湖南农业大学", ORG)),
    ("隆平片区控规修编加速推进。", ("隆平片区", L)),
    ("加快建设星沙科技创新院。", ("星沙科技创新院", ORG)),
    ("推动梅溪湖国际文化艺术中心投入运营。", ("梅溪湖国际文化艺术中心", P)),
    ("望城经开区新增规模工业企业12家。", ("望城经开区", L)),
    ("清水塘社区获评全国示范性老年友好社区。", ("清水塘社区", L)),
    ("推进浏阳河湿地公园建设。", ("浏阳河湿地公园", P)),
    ("新建洋湖实验室。", ("洋湖实验室", ORG)),
    ("启动文源街道综合整治。", ("文源街道", L)),
    ("加快建设临沂机场航站楼。", ("临沂机场航站楼", P)),
    ("完成杨家湾撇洪渠溢流污染治理。", ("杨家湾撇洪渠", L)),  # a canal, like a river
    ("完成孙家屯现代牧场建设。", ("孙家屯", L)),  # villages: 屯, 嘎查, 寨
    ("乌兰嘎查建成文化室。", ("乌兰嘎查", L)),
]

LEFT_BOUNDARIES = [
    ("盘活华远大厦闲置楼层。", "华远大厦"),
    ("依托麓谷产业园培育企业。", "麓谷产业园"),
    ("与湘潭大学共建研究平台。", "湘潭大学"),
    ("抢抓湘江实验室建设契机。", "湘江实验室"),
    ("全力打造滨江金融中心。", "滨江金融中心"),
    # 与 between two fields is inside the name; before a partner it ends the name
    ("支持华南理工大学材料科学与工程学院发展。", "华南理工大学材料科学与工程学院"),
    ("建成湘江经济与金融研究院。", "湘江经济与金融研究院"),
    ("推动麓山信息与通信研究所建设。", "麓山信息与通信研究所"),
    ("深化与湘潭大学合作。", "湘潭大学"),
    # a verb names are made of, before the place it acts on; a preposition jieba glued on
    ("服务青川经济技术开发区建设。", "青川经济技术开发区"),
    ("沿伊敏河打造景观带。", "伊敏河"),
    ("完成主城区青云大街改造。", "青云大街"),  # 主城区 is no part of the name
    ("建设伊敏河景观改造工程。", "伊敏河景观改造工程"),  # inside a name the verb stays
    ("充分利用城投公司融资平台。", "城投公司"),  # verbs jieba does not tag as verbs
    ("助推长征康复医院建设。", "长征康复医院"),
    ("年内华远大厦投入使用。", "华远大厦"),  # a time word
]

PHASES_AND_SECTIONS = [
    ("推进星城智造产业园三期建设。", ("星城智造产业园三期", P)),
    ("建成桐梓坡路西段。", ("桐梓坡路西段", P)),
    ("完成金霞物流园二期地块出让。", ("金霞物流园二期地块", P)),
    ("加快白沙片区二期城市更新。", ("白沙片区二期", L)),
]

REDACTED_AND_QUOTED = [
    ("长沙市一中XX中学正式挂牌。", ("长沙市一中XX中学", ORG)),
    ("推动潇湘科技要素大市场XX工作站实体化运行。", ("潇湘科技要素大市场XX工作站", ORG)),
    ("星沙集团“智能农机装备重点实验室”入选国家级平台。", ("智能农机装备重点实验室", ORG)),
]

ABBREVIATIONS_AND_GAZETTEER = [
    ("盘活农科院科研用地500亩。", ("农科院", ORG)),
    ("争取中科院在湘增设研究机构。", ("中科院", ORG)),
    ("经验获教育部推介。", ("教育部", ORG)),
    ("与肯尼亚达成标准合作。", ("肯尼亚", L)),
    ("接续支持麻阳县乡村振兴。", ("麻阳县", L)),
    ("融入粤港澳大湾区建设。", ("粤港澳大湾区", L)),
    ("云浮罗定成为生产总值超千亿元县。", ("云浮罗定", L)),
    ("支持龙山县靛房镇乡村振兴。", ("龙山县靛房镇", L)),
    # short forms whose last character is also an ethnic group's name (京族, 水族, 白族)
    ("深化南京、北京、丽水合作。", ("南京", L)),
    ("深化南京、北京、丽水合作。", ("丽水", L)),
    ("内蒙古、西藏、新疆、广西、宁夏共同推进。", ("内蒙古", L)),
    ("内蒙古、西藏、新疆、广西、宁夏共同推进。", ("西藏", L)),
    ("接续支持麻阳苗族自治县乡村振兴。", ("麻阳苗族自治县", L)),
]

BRANDS = [
    ("华智生物入选国家企业重点实验室。", ("华智生物", ORG)),
    ("推动铁建重工智能掘进装备取得突破。", ("铁建重工", ORG)),
    ("招银金投开业运营。", ("招银金投", ORG)),
    ("推进银通科技二期建设。", ("银通科技二期", P)),
]

COORDINATION = [
    # a shared head written once: two bridges; the first keeps what is written
    ("西龙路、望龙路浏阳河大桥完成建设。", [("西龙路", P), ("望龙路浏阳河大桥", P)]),
    ("加快邵永、铜吉、长赣等3条高铁建设。", [("邵永", P), ("铜吉", P), ("长赣", P)]),
    ("推进京港澳和沪昆扩容等高速公路建设。", [("京港澳", P), ("沪昆扩容", P)]),
    ("推进郴州新能源动力和储能等产业项目。", [("郴州新能源动力和储能", P)]),
    ("北大荒工贸、新五丰等龙头企业成功落户。", [("北大荒工贸", ORG), ("新五丰", ORG)]),
    ("火车新站、马坡岭两个国控站点优良天数增加。", [("火车新站", L), ("马坡岭", L)]),
    (
        "燕山街、五一东村、荷花园社区成为示范社区。",
        [("燕山街", L), ("五一东村", L), ("荷花园社区", L)],
    ),
    (
        "打造湖南文化广场二期、长房国际大厦等特色楼宇。",
        [("湖南文化广场二期", P), ("长房国际大厦", P)],
    ),
]

TYPE_FROM_CONTEXT = [
    ("建成长白路北段等道路。", ("长白路北段", P)),
    ("五一大道沿线广告招牌实现联动整治。", ("五一大道", L)),
    ("芙蓉中路周边商圈人气回升。", ("芙蓉中路", L)),
    ("广湛高铁建成通车。", ("广湛高铁", P)),
    ("港珠澳大桥车流量屡创新高。", ("港珠澳大桥", L)),
    ("东湖公园建设进入扫尾阶段。", ("东湖公园", P)),
    ("长沙经开区路网体系持续优化。", ("长沙经开区", L)),
]

NOT_NAMES = [
    "实施118个老旧小区改造。",
    "加强沟渠清淤，拓宽农民增收渠道。",
    "12家社区卫生服务中心中医馆完成改造。",
    "存量商务楼宇加快去化，重点商务楼宇净去化面积超9.8万平方米。",
    "培育壮大区域消费中心、地方特色消费中心。",
    "建设公办幼儿园3所、普特融合学校2所。",
    "引进银行、保险、证券等金融机构5家以上。",
    "第一届理事会和学术委员会正式成立。",
    "片区建设加快。",
    "深化道路建设，完善工作思路。",
    "支持高等院校发展。",
    "加快建设工业设计中心、认证中心等共性技术平台。",
    "推进40项省科技重大专项。",
    "努力打造深海科技创新策源地。",
]


def _rules(text: str) -> list[tuple[str, str]]:
    """What the name rules choose in a text (the proposals of the ``rules`` source)."""
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["govreport_entity_selector"]):
        doc = nlp(text)
    chosen = [c for c in doc.user_data[CANDIDATES_KEY] if c.source == "rules"]
    return [(text[c.start : c.end], c.type) for c in sorted(chosen, key=lambda c: c.start)]


def _ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in load_pipeline()(text).ents]


def test_pipeline_is_blank_zh_with_jieba_and_our_components() -> None:
    nlp = load_pipeline()
    assert nlp.lang == "zh"
    assert nlp.tokenizer.segmenter == "jieba"  # type: ignore[attr-defined]
    assert nlp.pipe_names == ["govreport_names", "govreport_entity_selector"]


@pytest.mark.parametrize(("text", "expected"), HEAD_NAMES)
def test_proper_part_plus_head(text: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(text)


@pytest.mark.parametrize(("text", "name"), LEFT_BOUNDARIES)
def test_left_edge_stops_at_verbs_and_function_words(text: str, name: str) -> None:
    assert name in [entity for entity, _ in _rules(text)]


@pytest.mark.parametrize(("text", "expected"), PHASES_AND_SECTIONS)
def test_phases_and_sections_stay_in_the_name(text: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(text)


@pytest.mark.parametrize(("text", "expected"), REDACTED_AND_QUOTED)
def test_redacted_and_quoted_names(text: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(text)


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS_AND_GAZETTEER)
def test_abbreviations_and_places_from_data(text: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(text)


@pytest.mark.parametrize(("text", "expected"), BRANDS)
def test_brand_plus_industry_word_is_a_company(text: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(text)


@pytest.mark.parametrize(("text", "expected"), COORDINATION)
def test_coordinated_names_are_split(text: str, expected: list[tuple[str, str]]) -> None:
    found = _rules(text)
    assert [e for e in found if e in expected] == expected


@pytest.mark.parametrize(("text", "expected"), TYPE_FROM_CONTEXT)
def test_type_from_head_and_clause(text: str, expected: tuple[str, str]) -> None:
    assert expected in _rules(text)


@pytest.mark.parametrize("text", NOT_NAMES)
def test_generic_phrases_are_not_names(text: str) -> None:
    assert _rules(text) == []
    assert _ents(text) == []  # nor does the selector take another source's guess


SELECTED = [
    ("深化与湖南农业大学等驻区院校融合发展。", ("湖南农业大学", ORG)),
    ("自贸大厦、浩天财智中心等重大项目有序推进。", ("浩天财智中心", P)),
    ("内蒙古、西藏、新疆、广西、宁夏共同推进。", ("西藏", L)),
    ("经验获教育部推介。", ("教育部", ORG)),
    ("北大荒工贸、新五丰等龙头企业成功落户。", ("新五丰", ORG)),
]


@pytest.mark.parametrize(("text", "expected"), SELECTED)
def test_the_selector_takes_what_the_rules_and_other_sources_agree_on(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _ents(text)


@pytest.mark.parametrize("text", [t for t, _ in HEAD_NAMES + BRANDS + SELECTED])
def test_the_selector_writes_proposed_non_overlapping_names(text: str) -> None:
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["govreport_entity_selector"]):
        proposals = nlp(text).user_data[CANDIDATES_KEY]
    spans = {(c.start, c.end) for c in proposals}
    ents = nlp(text).ents
    assert all((e.start_char, e.end_char) in spans for e in ents)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ents))
