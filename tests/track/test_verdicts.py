"""Met or missed: the target's qualifier and the measure's better direction decide."""

import pytest

from kg.extract.measures import measure_concepts
from kg.track.verdicts import judge
from tests.track.facts import metric

CONCEPTS = {concept.id: concept for concept in measure_concepts()}

# concept, target (value, qualifier, measure, direction, value_max), actual (value, measure,
# direction), verdict
CASES = [
    # growth 5%左右 (higher is better): 5.0% meets it, 4.9% is within 左右, 4.8% is not
    (
        "gdp",
        ("5", "左右", "国内生产总值", "increase", None),
        ("5.0", "国内生产总值", "increase"),
        "met",
    ),
    (
        "gdp",
        ("5", "左右", "国内生产总值", "increase", None),
        ("4.9", "国内生产总值", "increase"),
        "met",
    ),
    (
        "gdp",
        ("5", "左右", "国内生产总值", "increase", None),
        ("4.8", "国内生产总值", "increase"),
        "missed",
    ),
    (
        "gdp",
        ("5", "左右", "国内生产总值", "increase", None),
        ("6.1", "国内生产总值", "increase"),
        "met",
    ),
    # a range is a floor at its low end when higher is better
    (
        "gdp",
        ("6", "", "国内生产总值", "increase", "6.5"),
        ("6.1", "国内生产总值", "increase"),
        "met",
    ),
    # 以上 is a floor
    (
        "gdp",
        ("6", "以上", "国内生产总值", "increase", None),
        ("5.9", "国内生产总值", "increase"),
        "missed",
    ),
    (
        "new_urban_jobs",
        ("1200", "以上", "城镇新增就业", "", None),
        ("1256", "城镇新增就业", ""),
        "met",
    ),
    # a bare target is a floor where higher is better
    (
        "gdp",
        ("21", "", "地区生产总值", "increase", None),
        ("18.5", "地区生产总值", "increase"),
        "missed",
    ),
    # CPI 3%左右 is a ceiling: 0.2% meets it, 3.5% does not
    ("cpi", ("3", "左右", "居民消费价格涨幅", "", None), ("0.2", "居民消费价格上涨", ""), "met"),
    ("cpi", ("3", "左右", "居民消费价格涨幅", "", None), ("3.5", "居民消费价格上涨", ""), "missed"),
    # unemployment 5.5%左右 is a ceiling
    (
        "surveyed_unemployment",
        ("5.5", "左右", "城镇调查失业率", "", None),
        ("5.1", "城镇调查失业率", ""),
        "met",
    ),
    (
        "surveyed_unemployment",
        ("5.5", "左右", "城镇调查失业率", "", None),
        ("5.7", "城镇调查失业率", ""),
        "missed",
    ),
    # 以内 is a ceiling whatever the measure
    (
        "registered_unemployment",
        ("4", "以内", "城镇登记失业率", "", None),
        ("3.79", "城镇登记失业率", ""),
        "met",
    ),
    # a target of a fall is read in its own direction: falling 3% is more than 2.5%
    (
        "energy_intensity",
        ("2.5", "左右", "单位国内生产总值能耗", "decrease", None),
        ("3", "单位国内生产总值能耗降幅", ""),
        "met",
    ),
    (
        "energy_intensity",
        ("3", "左右", "单位国内生产总值能耗", "decrease", None),
        ("2", "单位国内生产总值能耗", "decrease"),
        "missed",
    ),
    # the poor fall by more than the 1000万 aimed at
    (
        "rural_poor",
        ("1000", "", "农村贫困人口", "decrease", None),
        ("1109", "农村贫困人口", "decrease"),
        "met",
    ),
    # a growth target met by a fall is missed
    (
        "retail_sales",
        ("6", "", "社会消费品零售总额", "increase", None),
        ("2", "社会消费品零售总额", "decrease"),
        "missed",
    ),
]


@pytest.mark.parametrize(("concept", "target", "actual", "verdict"), CASES)
def test_verdicts(
    concept: str,
    target: tuple[str, str, str, str, str | None],
    actual: tuple[str, str, str],
    verdict: str,
) -> None:
    value, qualifier, measure, direction, value_max = target
    planned = metric(
        value, qualifier=qualifier, measure=measure, direction=direction, value_max=value_max
    )
    done = metric(actual[0], kind="actual", measure=actual[1], direction=actual[2])
    assert judge(planned, done, CONCEPTS[concept]) == verdict
