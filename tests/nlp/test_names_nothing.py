"""Spans the selector never takes, whatever the sources saw (kg.nlp.select.names_nothing)."""

import pytest

from kg.nlp import load_pipeline
from kg.nlp.entity_ruler import CANDIDATES_KEY, doc_tokens
from kg.nlp.lexicon import load_lexicon
from kg.nlp.select import DocumentContext, ParagraphContext, names_nothing, span_examples

NOTHING = [
    "工程",  # a head alone
    "这一中心",  # a demonstrative before a head
    "国瑞协创等一批储能装备制造项目",  # a list's close inside
    "玉林首个300亿元园区",  # an amount and a rank inside
    "榆山中小企业孵化园5大园区",  # a count inside
    "世界500强企业吉利控股集团",  # a rank inside
    "高新区南区公共停车场基本",  # the adverb of the verb after it
    "融通长城宾馆成功",
    "企业吉利控股集团",  # a class noun it starts with
    "三大动力",  # a count it starts with
    "五指山分别入选全国首批美丽城市先行区",  # the verb of a clause inside
    "岚皋至陕渝界等",  # a list's 等 at its end
    "青湖等景区",  # a list's 等 and its class noun
    "远航电子等骨干",
    "青川物流园区晋升为自治区级物流园区",  # the verb of a clause inside
    "一条特色景观环路",  # a count it starts with
    "新开通青川至俄蒙及",  # a conjunction at its end
    "多元化对外开放新格局",  # a false head at its end
    "13万亩田园综合体",  # a quantity it starts with
    "50万平方米标准厂房",
    "修机场",  # a one-character verb before a class noun
    "“修机场",  # quote marks at the edges are not read
    "抓项目",
    "县政府各部门",  # "each" of a kind
]
NAMES = [
    "吉利控股集团",
    "110千伏坪地输变电工程",  # a voltage is part of a grid work's name
    "渤中19-6凝析气田",  # a designator with digits
    "地铁3号线",
    "工程机械产业园",
    "埃及",
    "六盘水",
    "五一大道",
    "三一重工",
    "高等研究院",  # 高等 is a word
    "10万吨级码头",  # a class of size opens it
    "通江县",  # 通 is a verb, 江县 no class noun
    "建三江",
]


@pytest.mark.parametrize("surface", NOTHING)
def test_spans_that_name_nothing(surface: str) -> None:
    assert names_nothing(surface, load_lexicon())


@pytest.mark.parametrize("surface", NAMES)
def test_names_are_left_to_the_selector(surface: str) -> None:
    assert not names_nothing(surface, load_lexicon())


def test_a_span_that_names_nothing_contains_nothing() -> None:
    """创建绵阳市首个…示范基地 is never a name, so 绵阳市 is not read as a part of it."""
    text = "成功创建绵阳市首个国家体育旅游示范基地"
    nlp = load_pipeline()
    doc = nlp.get_pipe("govreport_names")(nlp.make_doc(text))
    tokens = doc_tokens(doc)
    examples = span_examples(
        doc.user_data[CANDIDATES_KEY],
        ParagraphContext(tokens, "review", congress=False),
        DocumentContext(text),
        load_lexicon(),
    )
    surfaces = {text[span.start : span.end]: features for span, features in examples}
    assert "绵阳市" in surfaces
    assert not any(f.startswith("inside") for f in surfaces["绵阳市"])
    assert not any(names_nothing(surface, load_lexicon()) for surface in surfaces)


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("建成渤中19-6凝析气田", "6凝析气田"),  # a name does not start inside a number
        ("服务保障好鲁巧高速建设", "好鲁巧高速"),  # nor at the 好 completing a verb
    ],
)
def test_spans_starting_inside_a_phrase_are_not_proposed(text: str, inside: str) -> None:
    nlp = load_pipeline()
    doc = nlp.get_pipe("govreport_names")(nlp.make_doc(text))
    examples = span_examples(
        doc.user_data[CANDIDATES_KEY],
        ParagraphContext(doc_tokens(doc), "review", congress=False),
        DocumentContext(text),
        load_lexicon(),
    )
    surfaces = {text[span.start : span.end] for span, _ in examples}
    assert inside not in surfaces
    assert inside[1:] in surfaces  # the name after it is still proposed
