"""The enumeration source: where a list's last item ends and what its closer says the items are;
and the proposals no source makes (inside a set phrase, at a false head)."""

import pytest

from kg.nlp.entity_ruler import doc_tokens
from kg.nlp.lexicon import load_lexicon
from kg.nlp.names import head_names
from kg.nlp.pipeline import load_pipeline
from kg.nlp.select import fixed_type, names_nothing
from kg.nlp.sources.enumerations import enumeration_items, enumerations


def _items(text: str) -> dict[str, set[str]]:
    """Each proposed item (and each start proposed for a first item) with its types."""
    tokens = doc_tokens(load_pipeline()(text))
    found: dict[str, set[str]] = {}
    lexicon = load_lexicon()
    for candidate in enumeration_items(tokens, lexicon, [], enumerations(tokens, lexicon)):
        found.setdefault(text[candidate.start : candidate.end], set()).add(candidate.type)
    return found


def _candidates(text: str) -> set[str]:
    doc = load_pipeline()(text)
    return {ent.text for ent in doc.ents} | {
        text[c.start : c.end] for c in doc.user_data.get("govreport_candidates", [])
    }


@pytest.mark.parametrize(
    ("text", "items", "types"),
    [
        # 等 that jieba glued to the item before it (特等) still closes the list
        (
            "培育华远食品、欣茂电子、宏利特等骨干企业",
            {"华远食品", "欣茂电子", "宏利特"},
            {"Organization"},
        ),
        # a count closes a list with no 等
        ("支持青峰、白石、长岭3个省实验室投入运行", {"青峰", "白石", "长岭"}, None),
        # a kind's noun before a class noun only modifies it: the items are projects
        ("新引入华远生物、中禾新能源等重点产业项目", {"华远生物", "中禾新能源"}, {"Project"}),
        # a kind's noun after the verb says nothing of the items
        ("潜江、松滋等10个县市获批国家新型城镇化试点", {"潜江", "松滋"}, None),
        # a 、 inside the class phrase after 等 is not the list's
        (
            "华星偏光片、龙腾三期等一批百亿级、十亿级重大项目顺利开工",
            {"华星偏光片", "龙腾三期"},
            {"Project"},
        ),
        # a first item cut too short by jieba (掺混/肥) is read as unread: its starts proposed
        (
            "启动青林局掺混肥、鑫通管业装备制造等重点项目70个",
            {"青林局掺混肥", "鑫通管业装备制造"},
            {"Project"},
        ),
        # a verb before the first 、 (组装): the list still stands, its first item's starts proposed
        (
            "全年签约中科通达储能柜组装、鑫源实业冷链产业园等优势项目45个",
            {"中科通达储能柜组装", "鑫源实业冷链产业园"},
            {"Project"},
        ),
    ],
)
def test_list_items_and_their_types(text: str, items: set[str], types: set[str] | None) -> None:
    found = _items(text)
    assert items <= set(found)
    if types is not None:
        assert all(found[item] == types for item in items)


@pytest.mark.parametrize(
    "text",
    [
        "打造牛羊肉、雪花粉、鲜食玉米等绿色农畜产品品牌",
        "落实育儿补贴、生育保险、生育休假等政策",
        "民宿经济、演唱会经济、微短剧等新业态蓬勃发展",
        "海绵城市、完整社区等国家试点成效明显",  # 国家 modifies 试点
        "新能源汽车、生物医药等领域一批重大外资项目加快落地",  # fields, then the projects in them
    ],
)
def test_lists_of_kinds_propose_nothing(text: str) -> None:
    assert _items(text) == {}


@pytest.mark.parametrize(
    ("text", "items", "types"),
    [
        # hotels, labs, complexes, sites and landmarks close lists of names as projects do
        ("青峰酒店、白石宾馆等酒店盘活运营", {"青峰酒店", "白石宾馆"}, {"Project"}),
        ("推动万象茂、星河里等新商业综合体招商运营", {"万象茂", "星河里"}, {"Project"}),
        ("支持青峰、白石等实验室建设", {"青峰", "白石"}, {"Organization"}),
        ("青台、石门等遗址入选考古新发现", {"青台", "石门"}, {"Place"}),
    ],
)
def test_class_nouns_that_close_lists_of_names(text: str, items: set[str], types: set[str]) -> None:
    found = _items(text)
    assert items <= set(found)
    assert all(found[item] == types for item in items)


def test_activities_before_a_class_noun_are_no_names() -> None:
    found = _items("吸引火箭总装测试、卫星数据应用、卫星研发制造等企业集聚")
    assert not {"卫星数据应用", "卫星研发制造"} & set(found)
    found = _items("依托曙光、海光、联想等头部企业")  # one word can be a brand
    assert {"曙光", "海光", "联想"} <= set(found)


def test_no_source_names_an_item_of_a_list_of_kinds() -> None:
    found = _candidates("培育壮大智能家居、假日经济、夜间消费等新增长点")
    assert not found & {"智能家居", "假日经济", "夜间消费"}
    # a name can open an item of such a list: its company is a name, the technology is not
    found = _candidates("推动华岳大学异构计算、青峰重工智能掘进装备等关键技术取得突破")
    assert "青峰重工" in found
    assert "青峰重工智能掘进装备" not in found


def test_nothing_inside_a_set_phrase() -> None:
    found = _candidates("坚持以习近平新时代中国特色社会主义思想为指导，推进中国式现代化")
    assert "中国" not in found
    assert "中国" in _candidates("中国与肯尼亚签署合作协议")  # outside one it is a place


@pytest.mark.parametrize(
    ("text", "word"),
    [("加快构建多元化对外开放新格局", "格局"), ("服务国家战略全局", "全局"), ("闯出新路", "新路")],
)
def test_a_false_head_starts_no_name(text: str, word: str) -> None:
    assert not any(name.endswith(word) for name in _candidates(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("加快镇安月河抽水蓄能电站建设", "镇安月河抽水蓄能电站"),  # 抽水 is part of the name
        ("开工建设曹坪抽水蓄能电站", "曹坪抽水蓄能电站"),
        # jieba's 工程建设 is cut, and 配置 is part of the name
        ("加快青川水资源配置工程建设", "青川水资源配置工程"),
    ],
)
def test_technical_verbs_inside_a_name(text: str, name: str) -> None:
    tokens = doc_tokens(load_pipeline()(text))
    assert name in {text[c.start : c.end] for c in head_names(tokens, load_lexicon())}


def test_a_division_of_the_gazetteer_is_a_place_whatever_its_head() -> None:
    lexicon = load_lexicon()
    assert fixed_type("香港", lexicon) == "Place"
    assert fixed_type("防城港", lexicon) == "Place"
    assert fixed_type("洋山港", lexicon) is None
    assert fixed_type("长春理工大学", lexicon) == "Organization"  # an organization's head
    assert fixed_type("隆平生物种业产业园", lexicon) is None
    assert names_nothing("多元化对外开放新格局", lexicon)
