"""Whether an actual figure meets a target: read with the target's qualifier and the measure's
better direction.

A target is a floor (以上, 超过, 不低于), a ceiling (以内, 以下, 不超过), or about a value
(左右, 约). About a value leans the way the measure is better: GDP growth of 5%左右 is met by
5.0% and by 6%, CPI of 3%左右 by 0.2% (a ceiling), unemployment of 5.5%左右 by 5.1%. A target
written bare is a floor where higher is better, a ceiling where lower is. A target of a fall
(单位国内生产总值能耗降低2.5%左右) is read in its own direction: a fall of 3% is more of it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from kg.data import data_table
from kg.extract.measures import MeasureConcept, says_decrease
from kg.track.records import MetricFact, Verdict

# A figure after these is a level reached, whatever the verb before said of its direction.
_REACHED = re.compile(r"(?:到|至|为|在)\s*\Z")
# How far 左右 (about) lets a figure fall short on the side that matters, as a share of the
# target: 5%左右 is met by 4.9%, not by 4.8%; 1200万人左右 by 1176万人.
APPROX_TOLERANCE = Decimal("0.02")


@cache
def _meanings() -> dict[str, str]:
    """Qualifier -> min, max, approx, reach or aim (kg/data/qualifiers.tsv)."""
    return {word: meaning for word, _position, meaning in data_table("qualifiers.tsv")}


def signed(metric: MetricFact) -> Decimal:
    """The metric's value in the base unit, negative when it is a fall (下降2.7%, 减少1109万),
    not when it is where a fall ended (失业率降到5.2%)."""
    if _REACHED.search(clause_before(metric)):
        return metric.base_value
    falls = metric.direction == "decrease" or says_decrease(metric.measure)
    return -metric.base_value if falls else metric.base_value


def clause_before(metric: MetricFact) -> str:
    """The words of the metric's clause before its figure (offsets are the source's, and the
    sentence's text is the source's between its offsets)."""
    before = metric.sentence.text[: max(0, metric.start - metric.sentence.start)]
    return re.split(r"[，,；;：:]", before)[-1]


def judge(target: MetricFact, actual: MetricFact, concept: MeasureConcept) -> Verdict:
    """met or missed: ``actual`` against ``target``, both of ``concept`` in one base unit."""
    # Read in the target's direction: a target of a fall is met by falling at least as much.
    sign = -1 if signed(target) < 0 else 1
    low = target.base_value
    high = target.base_value_max if target.base_value_max is not None else low
    value = sign * signed(actual)
    better = concept.better
    if sign < 0 and better != "none":
        better = "higher" if better == "lower" else "lower"
    tolerance = abs(low) * APPROX_TOLERANCE

    meaning = _meanings().get(target.qualifier, "")
    if meaning == "min":
        met = value >= low
    elif meaning == "max":
        met = value <= high
    elif meaning == "approx":
        if better == "higher":
            met = value >= low - tolerance
        elif better == "lower":
            met = value <= high + tolerance
        else:
            met = low - tolerance <= value <= high + tolerance
    elif better == "higher":
        met = value >= low
    elif better == "lower":
        met = value <= high
    else:
        met = low - tolerance <= value <= high + tolerance
    return "met" if met else "missed"
