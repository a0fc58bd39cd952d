from decimal import Decimal

from kg.evaluate.gold import GoldDocument, GoldEntity, GoldMetric, load_gold
from kg.evaluate.scoring import Score, match_one_to_one
from kg.records import EntityType
from tests.conftest import GOLD


def test_one_to_one_matching_is_maximal() -> None:
    # system 0 matches gold 0 and 1, system 1 only gold 0: a greedy match would find one pair.
    matching = match_one_to_one(
        [0, 1], ["a", "b"], lambda s, g: (s, g) in {(0, "a"), (0, "b"), (1, "a")}
    )
    assert matching == {0: "ab".index("b"), 1: 0}


def test_score_arithmetic() -> None:
    score = Score(tp=8, fp=2, fn=8)
    assert (score.precision, score.recall) == (0.8, 0.5)
    assert abs(score.f1 - 0.6153846) < 1e-6
    assert Score().f1 == 0.0


def test_loads_the_shared_gold() -> None:
    documents = load_gold(GOLD)
    assert {d.doc for d in documents} >= {"seed-2024-district-report.txt"}
    seed = next(d for d in documents if d.doc.startswith("seed"))
    assert isinstance(seed, GoldDocument)
    assert any(isinstance(e, GoldEntity) and e.text == "自贸大厦" for e in seed.entities)
    revived = GoldMetric("150亩", Decimal(150), "亩", "", "盘活低效用地", ("低效用地",))
    assert revived in seed.metrics
    assert "习近平" in seed.ignore
    assert any(EntityType.PROJECT in e.types and e.status for e in seed.entities)


def test_wrong_types_are_listed_apart_from_misses() -> None:
    from kg.evaluate.predictions import GraphPredictions
    from kg.evaluate.runner import EvaluationResult, score_document

    gold = GoldDocument(
        doc="x.txt",
        entities=(GoldEntity("五一大道", (EntityType.PLACE,)),),
        metrics=(),
        ignore=frozenset(),
        ignore_metrics=frozenset(),
    )
    result = EvaluationResult()
    score_document(gold, GraphPredictions(entities={("五一大道", "Project")}), result)
    assert (result.typed.tp, result.untyped.tp) == (0, 1)
    assert result.type_confusions == ["x.txt: 五一大道: Project, gold Place"]


def test_a_measure_is_right_within_two_characters_of_the_gold() -> None:
    from kg.evaluate.predictions import GraphPredictions, MetricClaim
    from kg.evaluate.runner import EvaluationResult, score_document

    gold = GoldDocument(
        doc="x.txt",
        entities=(),
        metrics=(
            GoldMetric("5.2%", Decimal("5.2"), "%", "", "地区生产总值"),
            GoldMetric("150亩", Decimal(150), "亩", "", "盘活低效用地", ("低效用地",)),
            GoldMetric("3个", Decimal(3), "个", "", "老旧小区"),
        ),
        ignore=frozenset(),
        ignore_metrics=frozenset(),
    )
    claims = [
        MetricClaim(frozenset({(5.2, "%")}), frozenset({"全区地区生产总值"})),  # 2 more: right
        MetricClaim(frozenset({(150.0, "亩")}), frozenset({"低效用地"})),  # an alt: right
        MetricClaim(frozenset({(3.0, "个")}), frozenset({"改造老旧小区项目"})),  # 4 more: wrong
    ]
    result = EvaluationResult()
    score_document(gold, GraphPredictions(metrics=claims), result)
    assert (result.metrics.tp, result.metrics.fp) == (3, 0)
    assert (result.measured.tp, result.measured.fp, result.measured.fn) == (2, 1, 1)
