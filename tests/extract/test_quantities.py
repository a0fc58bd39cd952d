from decimal import Decimal

import pytest

from kg.extract.quantities import find_quantities, to_base_unit

CASES = [
    # text, value, unit, base value, base unit, qualifier
    ("盘活低效用地150亩", "150", "亩", "150", "亩", ""),
    ("去化存量厂房3.6万平方米", "3.6", "万平方米", "36000", "平方米", ""),
    ("工业厂房出租率超85%", "85", "%", "85", "%", "超"),
    ("资产出租率达95%以上", "95", "%", "95", "%", "达"),
    ("经营性用地780余亩", "780", "亩", "780", "亩", "余"),
    ("技术贸易合同成交额超55亿元", "55", "亿元", "5500000000", "元", "超"),
    ("地区生产总值增长5%左右", "5", "%", "5", "%", "左右"),
    ("总投资2万亿元", "2", "万亿元", "2000000000000", "元", ""),
    ("人行道清障11.6公里", "11.6", "公里", "11600", "米", ""),
]


@pytest.mark.parametrize(("text", "value", "unit", "base", "base_unit", "qualifier"), CASES)
def test_parses_quantities(
    text: str, value: str, unit: str, base: str, base_unit: str, qualifier: str
) -> None:
    (quantity,) = find_quantities(text)
    assert quantity.value == Decimal(value)
    assert quantity.unit == unit
    assert quantity.base_value == Decimal(base)
    assert quantity.base_unit == base_unit
    assert quantity.qualifier == qualifier
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "text",
    [
        "2024年是关键一年",
        "每万人拥有5G基站数",
        "“一图四库一清单”[7]",
        "立足全省“4×4”现代化产业体系",
        "XX亿元",
    ],
)
def test_skips_non_metrics(text: str) -> None:
    assert list(find_quantities(text)) == []


def test_offsets_are_shifted() -> None:
    (quantity,) = find_quantities("新增65家", offset=100)
    assert (quantity.start, quantity.end) == (102, 105)


def test_to_base_unit() -> None:
    assert to_base_unit(Decimal("3.6"), "万平方米") == (Decimal("36000"), "平方米")
    assert to_base_unit(Decimal(1), "furlong") is None
