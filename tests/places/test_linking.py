"""A report's places get the division they are, or the one they are in, from the report."""

from __future__ import annotations

import pytest

from kg.places import link_places
from kg.records import Entity, EntityType, Mention


def place(label: str, *alt: str, type_: EntityType = EntityType.PLACE) -> Entity:
    mention = Mention(0, 0, len(label), label, type_)
    return Entity(key=label, label=label, type=type_, alt_labels=alt, mentions=(mention,))


# region, places named, place -> code it must get (None: no code)
CODES = [
    ("长春市", ["朝阳区", "南关区"], {"朝阳区": "220104"}),
    ("北京市", ["朝阳区", "海淀区"], {"朝阳区": "110105"}),
    # No region: the places around tell (宽城区 is in Changchun, 海淀区 in Beijing).
    (None, ["朝阳区", "宽城区", "南关区"], {"朝阳区": "220104"}),
    (None, ["朝阳区", "海淀区"], {"朝阳区": "110105"}),
    # Nothing tells: no code rather than a guess.
    (None, ["朝阳区"], {"朝阳区": None}),
    ("辽宁省", ["朝阳"], {"朝阳": "211300"}),  # the city, not the county nor a district
    ("北京市", ["朝阳"], {"朝阳": "110105"}),  # in Beijing, its district
    ("湖南省", ["广东", "长沙"], {"广东": "440000", "长沙": "430100"}),
    # A county's short name outside its region is something else (Nanjing's 钟山 mountain).
    ("江苏省", ["钟山"], {"钟山": None}),
    ("广西壮族自治区", ["钟山"], {"钟山": "451122"}),
    # A city's short name that is a word, only in its region (大庆: an anniversary in Tibet).
    ("西藏自治区", ["大庆"], {"大庆": None}),
    ("黑龙江省", ["大庆"], {"大庆": "230600"}),
    ("北京市", ["大兴"], {"大兴": None}),  # never alone (大兴调查研究之风)
    # A province's own short name, in its reports (投资龙江): the province, not 龙江县.
    ("黑龙江省", ["龙江"], {"龙江": "230000"}),
    ("齐齐哈尔市", ["龙江"], {"龙江": "230000"}),
    ("吉林省", ["龙江"], {"龙江": None}),
    ("北京市", ["大兴区"], {"大兴区": "110115"}),
    ("湖北省", ["十堰市张湾区"], {"十堰市张湾区": "420303"}),
]


@pytest.mark.parametrize(("region", "names", "expected"), CODES)
def test_a_place_gets_the_code_that_fits_its_report(
    region: str | None, names: list[str], expected: dict[str, str | None]
) -> None:
    links = link_places(region, [place(name) for name in names])
    assert {name: links.codes.get(name) for name in expected} == expected


def test_a_full_name_among_the_spellings_decides() -> None:
    # 朝阳市 and 朝阳 in one report are the city, even in Beijing's.
    links = link_places("北京市", [place("朝阳", "朝阳市")])
    assert links.codes == {"朝阳": "211300"}


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("长春市", "220100"),
        ("广东", "440000"),
        ("中华人民共和国", None),
        ("青溪区", None),
        (None, None),
    ],
)
def test_the_region_gets_its_code(region: str | None, code: str | None) -> None:
    assert link_places(region, []).region == code


def test_an_ambiguous_region_is_told_by_its_towns() -> None:
    assert link_places("朝阳区", [place("望京街道")]).region == "110105"
    assert link_places("朝阳区", [place("南关区"), place("宽城区")]).region == "220104"
    assert link_places("朝阳区", []).region is None


# region, place, the division it is in (None: none)
PARENTS = [
    ("长沙县", "星沙街道", "430121"),  # a town: its county (towns.tsv)
    ("北京市", "望京街道", "110105"),
    ("湖南省", "长沙经开区", "430100"),  # written after a division: in it
    ("湖南省", "芙蓉河湿地公园", "430000"),  # anything else: in the report's region
    ("湖南省", "中山路", "430000"),  # a street named after a city elsewhere: not in 中山市
    ("湖南省", "老挝", None),  # a country is in no region
    ("湖南省", "粤港澳大湾区", None),  # nor a region of several provinces
    (None, "芙蓉河湿地公园", None),
    ("江苏省", "鼓楼区", "320000"),  # Nanjing's or Xuzhou's: in Jiangsu either way
]


@pytest.mark.parametrize(("region", "name", "parent"), PARENTS)
def test_a_place_without_code_keeps_the_parent_its_report_implies(
    region: str | None, name: str, parent: str | None
) -> None:
    links = link_places(region, [place(name)])
    assert name not in links.codes
    assert links.parents.get(name) == parent


def test_only_places_are_linked() -> None:
    links = link_places("湖南省", [place("长沙", type_=EntityType.ORGANIZATION)])
    assert links.codes == {} and links.parents == {}


@pytest.mark.parametrize("name", ["", " ", "\u0000", "省" * 500, "𠀀𠀀区", "Ａ县"])
def test_odd_names_never_fail(name: str) -> None:
    link_places(name, [place(name)])
