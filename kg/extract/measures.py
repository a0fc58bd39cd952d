"""Canonical measures: which measure of ``kg/data/measures.tsv`` a metric's measure as written is.

Reports write one measure many ways (地区生产总值, 生产总值, GDP, 经济增长), with a scope or a verb
before it (全省, 2025年, 实现) and a change after it (增长, 上涨, 涨幅, 平均). A measure matches the
longest label or variant it starts with once those leading words are gone; starting with it is
what keeps 人均地区生产总值 and 单位地区生产总值能耗 apart from 地区生产总值. What follows the
match must not make it another quantity: a share of it (地区生产总值占全国比重), a rate per unit of
it (地区生产总值生产安全事故死亡率), its contribution (经济增长的贡献率).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from kg.data import data_table
from kg.text.cleaning import normalize_width
from kg.text.view import traditional_table

FigureKind = Literal["growth", "level"]
Better = Literal["higher", "lower", "none"]

# Scopes, years, time words and verbs that lead to a measure without being part of it.
_LEADING = re.compile(
    r"^(?:(?:19|20)\d\d年(?:全年|末|底)?|今年|去年|全年|上年|明年|年末|年底|预计|力争|确保|争取|"
    r"实现|完成|实施|其中|(?:今年)?(?:中央)?拟安排|拟发行|[区市县]本级|全[国省市区县州盟旗]|本[省市区县]|我[国省市区县旗]|主要|初步核算|"
    r"经济社会发展的主要预期目标是|主要预期目标是|预期目标是|预期目标)+"
)
# After the matched words, these make the figure another quantity than the measure itself; a
# list (规模以上工业总产值、全社会固定资产投资总额) leaves unsaid which one the figure is of.
_NOT_ITSELF = re.compile(
    r"占|比重|比例|能耗|排放|死亡率|贡献率|强度|人均|退税|博览会|企业|楼宇|单位|配套|道路|功能区|[、和及与]"
)
# Words in the measure that say its figure went down (单位国内生产总值能耗降幅3%).
_DECREASE = re.compile(r"下降|降低|降幅|减少|回落")


@dataclass(frozen=True, slots=True)
class MeasureConcept:
    """One measure reports track (a row of measures.tsv)."""

    id: str  # the concept IRI's local name
    label: str
    english: str
    percent: FigureKind  # what a figure in % says of it
    better: Better
    variants: tuple[str, ...]

    def figure_kind(self, base_unit: str) -> FigureKind:
        """Whether a figure of this measure in ``base_unit`` is a growth rate or a level: a
        change in points is growth, a percentage what the table says, anything else a level."""
        if base_unit == "个百分点":
            return "growth"
        if base_unit == "%":
            return self.percent
        return "level"


@cache
def measure_concepts() -> tuple[MeasureConcept, ...]:
    """The measures of ``kg/data/measures.tsv``, in its order."""
    concepts = []
    for id_, label, english, percent, better, variants in data_table("measures.tsv"):
        if percent not in ("growth", "level") or better not in ("higher", "lower", "none"):
            raise ValueError(f"measures.tsv: bad row for {id_}: {percent!r} {better!r}")
        written = tuple(v for v in variants.split("|") if v and v != label)
        concepts.append(
            MeasureConcept(id_, label, english, percent, better, written)  # type: ignore[arg-type]
        )
    return tuple(concepts)


@cache
def _forms() -> dict[str, tuple[tuple[str, MeasureConcept], ...]]:
    """Every label and variant in matching form with its concept, longest first, by first
    character (a corpus has thousands of metrics to match against hundreds of forms)."""
    forms = {
        _matching_form(form): concept
        for concept in measure_concepts()
        for form in (concept.label, *concept.variants)
    }
    by_first: dict[str, list[tuple[str, MeasureConcept]]] = {}
    for form, concept in sorted(forms.items(), key=lambda item: len(item[0]), reverse=True):
        by_first.setdefault(form[0], []).append((form, concept))
    return {first: tuple(pairs) for first, pairs in by_first.items()}


def concept_of(measure: str) -> MeasureConcept | None:
    """The canonical measure a measure as written is, or None when none fits."""
    text = _LEADING.sub("", _matching_form(measure))
    for form, concept in _forms().get(text[:1], ()):
        if text.startswith(form):
            rest = text[len(form) :]
            if _NOT_ITSELF.search(rest) and not _NOT_ITSELF.search(form):
                return None  # the longest match decides: a shorter one is still the same words
            return concept
    return None


def says_decrease(measure: str) -> bool:
    """Whether the measure as written says its figure is a fall (能耗降幅, 贫困人口减少)."""
    return _DECREASE.search(measure) is not None


def _matching_form(text: str) -> str:
    """Simplified characters, half-width digits, letters and brackets, no white space."""
    text = normalize_width(text).translate(traditional_table())
    return "".join(text.replace("（", "(").replace("）", ")").split()).upper()
