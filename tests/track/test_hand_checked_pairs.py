"""The joins of ``kg track`` on every series, scored against pairs checked by hand
(tests/data/track_pairs.tsv: both sentences read, the true actual of each target written down).

Precision: of the targets the tool joins to an actual, the share joined to the right one.
Recall: of the targets whose next review states the actual, the share joined to it.
"""

from __future__ import annotations

from pathlib import Path

from tests.track.conftest import Tracked

PAIRS = Path(__file__).parents[1] / "data" / "track_pairs.tsv"
KEY = ("region", "year", "measure", "kind", "target")


def _pairs() -> list[dict[str, str]]:
    lines = [line for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    lines = [line for line in lines if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def test_there_are_at_least_40_checked_joins_in_every_series() -> None:
    pairs = _pairs()
    joined = [pair for pair in pairs if pair["tool_actual"]]
    assert len(joined) >= 40
    assert {pair["region"] for pair in joined} == {"中华人民共和国", "上海市", "广东省", "海拉尔区"}


def test_join_precision_and_recall_on_the_checked_pairs(every_series: Tracked) -> None:
    found = {tuple(row[k] for k in KEY): row["actual"] for row in every_series.rows("targets.csv")}
    pairs = _pairs()
    missing = [pair for pair in pairs if tuple(pair[k] for k in KEY) not in found]
    assert missing == []
    joined = [(found[tuple(p[k] for k in KEY)], p["true_actual"]) for p in pairs]
    made = [(tool, true) for tool, true in joined if tool]
    right = [(tool, true) for tool, true in made if tool == true]
    stated = [true for _, true in joined if true]
    precision, recall = len(right) / len(made), len(right) / len(stated)
    assert precision >= 0.90, precision
    assert recall >= 0.90, recall
