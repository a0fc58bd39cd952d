from kg.records import EntityType, Extraction, MetricKind, Status


def test_metrics_have_measure_direction_and_kind(seed_extraction: Extraction) -> None:
    metrics = {f"{m.quantity.value}{m.quantity.unit}": m for m in seed_extraction.metrics}
    land = metrics["150亩"]
    assert land.kind is MetricKind.ACTUAL
    assert "低效用地" in land.measure
    growth = metrics["23.8%"]
    assert growth.direction == "increase"
    assert growth.basis == "同比"
    assert metrics["480家"].kind is MetricKind.TARGET


def test_actions_link_objects_and_status(seed_extraction: Extraction) -> None:
    completed = {
        key
        for action in seed_extraction.actions
        if action.status is Status.COMPLETED
        for key in action.objects
    }
    assert ("朗盛大厦", EntityType.PROJECT) in completed
    planned = {
        key for a in seed_extraction.actions if a.status is Status.PLANNED for key in a.objects
    }
    assert ("自贸大厦", EntityType.PROJECT) in planned
    for action in seed_extraction.actions:
        sentence = seed_extraction.report.sentences[action.sentence_index]
        assert sentence.start <= action.start < action.end <= sentence.end
        assert seed_extraction.report.text[action.start : action.end] == action.verb


def test_plan_actions_carry_the_plan_year(seed_extraction: Extraction) -> None:
    years = {a.year for a in seed_extraction.actions if a.status is Status.PLANNED}
    assert 2024 in years
