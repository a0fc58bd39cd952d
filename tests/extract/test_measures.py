"""Canonical measures: real sentences of the corpus, through the metric extractor, to a concept."""

import pytest

from kg.data import data_table
from kg.extract.measures import concept_of, measure_concepts, says_decrease
from kg.extract.metrics import find_metrics
from tests.extract.reports import make_report

# sentence (review) as the corpus writes it (file), the quantity as written, its concept (None:
# no canonical measure fits), whether that figure is growth or level
SENTENCE_CASES = [
    # national series
    ("国内生产总值增长5%，城镇新增就业1256万人，城镇调查失业率平均5.1%。", "5%", "gdp", "growth"),
    ("城镇新增就业1256万人。", "1256万人", "new_urban_jobs", "level"),
    ("城镇调查失业率平均5.1%。", "5.1%", "surveyed_unemployment", "level"),
    ("居民消费价格上涨0.2%。", "0.2%", "cpi", "growth"),
    ("粮食产量首次跃上1.4万亿斤新台阶。", "1.4万亿斤", "grain_output", "level"),
    ("赤字率拟按3%安排，赤字规模4.06万亿元，比上年增加1800亿元。", "3%", "deficit_ratio", "level"),
    (
        "赤字率拟按3%安排，赤字规模4.06万亿元，比上年增加1800亿元。",
        "4.06万亿元",
        "deficit",
        "level",
    ),
    ("单位国内生产总值能耗降幅超过3%。", "超过3%", "energy_intensity", "growth"),
    ("科技进步贡献率提高到58.5%。", "58.5%", "tech_progress_contribution", "level"),
    ("今年拟安排地方政府专项债券3.75万亿元。", "3.75万亿元", "special_purpose_bonds", "level"),
    (
        "数字经济核心产业增加值占国内生产总值比重达到10%左右。",
        "达到10%左右",
        "digital_economy_share",
        "level",
    ),
    ("对全球经济增长的贡献率保持在30%左右。", "30%左右", None, ""),
    # 上海 (no line breaks at all)
    ("全社会固定资产投资比上年增长5.6%。", "5.6%", "fixed_asset_investment", "growth"),
    ("实际使用外资达到225.5亿美元、增长11.5%。", "11.5%", "foreign_direct_investment", "growth"),
    ("城镇污水处理率达到85%以上。", "达到85%以上", "sewage_treatment", "level"),
    (
        "环保投入相当于全市生产总值的比例保持在3%左右。",
        "3%左右",
        "environmental_investment_ratio",
        "level",
    ),
    ("按常住人口计算，人均生产总值超过10万元。", "超过10万元", "gdp_per_capita", "level"),
    ("第三产业增加值占全市生产总值比重达到65%左右。", "达到65%左右", "service_share", "level"),
    # 海拉尔区
    (
        "规模以上工业总产值完成90.1亿元，同比增长6.9%。",
        "6.9%",
        "industrial_output_above_scale",
        "growth",
    ),
    ("农民人均纯收入完成14315元。", "14315元", "rural_disposable_income", "level"),
    ("工业固定资产投资完成93.1亿元。", "93.1亿元", "industrial_investment", "level"),
    ("地方财政总收入完成16亿元，同比增长23.2%。", "23.2%", "fiscal_revenue", "growth"),
    # provincial and noisy excerpts: traditional characters, spaces, GDP in Latin letters
    ("完成財政總收入55.9億元，下降13%。", "13%", "fiscal_revenue", "growth"),
    ("規上工業增加值增長5%。", "5%", "industrial_value_added_above_scale", "growth"),
    ("全市地区生产总值增长 6.1%，规模以上工业增加值增长 8.1%。", "6.1%", "gdp", "growth"),
    ("预计 GDP 增长 5%左右。", "5%左右", "gdp", "growth"),
    (
        "规上工业总产值540亿元，占计划的100%，同比下降26.9%。",
        "540亿元",
        "industrial_output_above_scale",
        "level",
    ),
    # false friends: not the measure they start like
    ("单位地区生产总值生产安全事故死亡率下降10%。", "10%", None, ""),
    ("人均地区生产总值达到9.8万元。", "达到9.8万元", "gdp_per_capita", "level"),
    ("规上工业总产值占全市比重达22%。", "达22%", None, ""),
    ("税收亿元楼宇达40栋。", "达40栋", None, ""),
    ("城镇、农村居民人均可支配收入分别达到45218元、22824元。", "达到45218元", None, ""),
    ("民生投入占公共财政预算支出的80.6%。", "80.6%", None, ""),
]


@pytest.mark.parametrize(("sentence", "written", "concept", "kind"), SENTENCE_CASES)
def test_metrics_of_corpus_sentences_get_their_concept(
    sentence: str, written: str, concept: str | None, kind: str
) -> None:
    metrics = list(find_metrics(make_report(review=sentence)))
    metric = next(m for m in metrics if m.quantity.text == written)
    found = concept_of(metric.measure)
    assert (found.id if found else None) == concept, metric.measure
    if found is not None:
        assert found.figure_kind(metric.quantity.base_unit) == kind


# measure as written (what the graph holds) -> concept
MEASURE_CASES = [
    ("全省地区生产总值", "gdp"),
    ("2025年全市生产总值", "gdp"),
    ("经济增长预期目标", "gdp"),
    ("地區生產總值", "gdp"),
    ("城镇调查失业率平", "surveyed_unemployment"),
    ("居民消费价格涨幅", "cpi"),
    ("CPI涨幅", "cpi"),
    ("今年赤字率拟按", "deficit_ratio"),
    ("细颗粒物(PM2.5)平均浓度", "pm25"),
    ("地区生产总值占全国比重", None),
    ("城镇调查失业率和登记失业率都", None),  # two measures: the figure is of both
    ("粮食生产功能区和", None),
    ("出口企业", None),
]


@pytest.mark.parametrize(("measure", "concept"), MEASURE_CASES)
def test_measures_as_written(measure: str, concept: str | None) -> None:
    found = concept_of(measure)
    assert (found.id if found else None) == concept


def test_the_table_has_at_least_40_measures_each_written_once() -> None:
    concepts = measure_concepts()
    assert len(concepts) >= 40
    ids = [c.id for c in concepts]
    assert len(ids) == len(set(ids))
    assert all(id_.isascii() and id_.isidentifier() for id_ in ids)
    forms = [form for c in concepts for form in (c.label, *c.variants)]
    assert len(forms) == len(set(forms)), sorted({f for f in forms if forms.count(f) > 1})


def test_every_row_has_six_columns() -> None:
    assert all(len(row) == 6 for row in data_table("measures.tsv"))


def test_every_label_and_variant_matches_its_own_concept() -> None:
    for concept in measure_concepts():
        for form in (concept.label, *concept.variants):
            found = concept_of(form)
            assert found is not None and found.id == concept.id, form


@pytest.mark.parametrize(
    ("measure", "decrease"), [("单位国内生产总值能耗降幅", True), ("国内生产总值", False)]
)
def test_a_measure_may_say_its_figure_is_a_fall(measure: str, decrease: bool) -> None:
    assert says_decrease(measure) is decrease
