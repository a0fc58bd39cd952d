"""Follow each project a year's plan names into the report that reviews that year.

A project is the same across years when its name is (``kg.track.names``: phases, generic
endings and a word more inside set aside). The next report names it where its extractor found
the project, or else where its text writes the name (the extractor does not take every name
in every year: 东海写字楼、区国税局综合业务用房主体封顶). It says the project was completed when an
action there completes it, or when its review writes the name with a completion in the same
clause (伊仕丹购物广场正式营业, 建成长江西路越江隧道); ongoing when it names it otherwise; a project
it never names is "not mentioned". Only names that look like a project's are followed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from kg.track.names import STAGE, NameInText, ProjectName, looks_like_project, plain_text
from kg.track.records import NextStatus, ProjectFact, ProjectOutcome, ReportFacts, Sentence
from kg.track.targets import TARGET_SECTIONS, region_key

__all__ = ["ProjectName", "follow_projects", "says_completed"]

_CLAUSE_END = re.compile(r"[，,；;。：:！!？?]")
# Said of a project after its name (伊仕丹购物广场正式营业) or before it (建成长江西路越江隧道),
# in the clause that names it…
_DONE = "建成|竣工|完工|投入使用|投入运营|投用|正式营业|开业|通车|投产"
_DONE_AFTER = re.compile(f"^[^，,；;。：:]{{0,8}}?(?:{_DONE})")
_DONE_BEFORE = re.compile(r"(?:建成|竣工|完成)")
# …or at the end of the list it is in (背街巷道改造、旧有小区供热改造…等项目全面完成).
_DONE_LIST = re.compile(f"等[^、]{{0,4}}?(?:全面|全部|顺利|相继)?(?:{_DONE}|完成)")
# …unless the clause says it is not done yet (主体完工, 基本建成, 力争建成, 启动建设).
_NOT_YET = re.compile(r"启动|开工|推进|加快|前期|力争|确保|争取|基本建成|主体|开始|计划|将|拟")


def says_completed(text: str, where: tuple[int, int]) -> bool:
    """Whether a review's sentence (``plain_text``) says the project it names at ``where``
    was completed."""
    start, end = where
    before = _CLAUSE_END.split(text[:start])[-1]
    after = _CLAUSE_END.split(text[end:])[0]
    if _NOT_YET.search(before) or _NOT_YET.search(after[:8]):
        return False
    return any((_DONE_AFTER.search(after), _DONE_BEFORE.search(before), _DONE_LIST.search(after)))


def follow_projects(
    facts: Iterable[ProjectFact],
    reports: Mapping[str, ReportFacts],
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
) -> list[ProjectOutcome]:
    """Every project planned in a report, followed into the review of the year it is for, when
    that review is among the reports; ``sentences`` are the reports' (by IRI), searched for a
    name the extractor did not take."""
    sentences = sentences or {}
    by_report: dict[str, list[ProjectFact]] = {}
    for fact in sorted(facts, key=lambda f: (f.report, f.sentence.start, f.project)):
        by_report.setdefault(fact.report, []).append(fact)
    reviews = {(region_key(r), r.review_year): r for r in reports.values() if r.review_year}

    outcomes = []
    for report_iri, report_facts in by_report.items():
        report = reports.get(report_iri)
        if report is None:
            continue
        planned: dict[str, ProjectFact] = {}
        for fact in report_facts:
            if (
                fact.status == "planned"
                and fact.sentence.section_kind in TARGET_SECTIONS
                and looks_like_project(fact.label)
            ):
                planned.setdefault(fact.project, fact)
        for plan in planned.values():
            year = plan.year or report.plan_year
            review = reviews.get((region_key(report), year)) if year else None
            if year is None or review is None:
                continue
            status, follow_up = _next_status(
                plan, by_report.get(review.iri, []), sentences.get(review.iri, ())
            )
            outcomes.append(
                ProjectOutcome(
                    region=report.region,
                    code=report.code or review.code,
                    year=year,
                    project=plan.project,
                    label=plan.label,
                    plan=plan,
                    follow_up=follow_up,
                    next_status=status,
                )
            )
    return sorted(outcomes, key=lambda o: (o.region, o.year, o.plan.sentence.start, o.label))


def _next_status(
    plan: ProjectFact, later: list[ProjectFact], text: Sequence[Sentence]
) -> tuple[NextStatus, ProjectFact | None]:
    """completed / ongoing / not mentioned, and the sentence that says so: a completion first,
    then what the review section says, then any sentence naming it."""
    name = ProjectName.of(plan.label)
    named = [f for f in later if f.project == plan.project or _names_the_plan(f, name)]
    seen = {f.sentence.iri for f in named}
    named += [f for f in _named_in_text(plan, name, text) if f.sentence.iri not in seen]
    if not named:
        return "not mentioned", None
    completed = [f for f in named if f.status == "completed" or _review_completes(f, name)]
    if completed:
        return "completed", completed[0]
    in_review = [f for f in named if f.sentence.section_kind == "review"]
    return "ongoing", (in_review or named)[0]


def _names_the_plan(fact: ProjectFact, name: ProjectName) -> bool:
    """Whether a later fact's name is the plan's project. Written without the plan's phase, it
    is that project (黑羊站水厂 of 黑羊站水厂二期) unless its sentence gives it another stage right
    after it (洋山深水港区后续工程 is not 洋山深水港区一期工程)."""
    later = ProjectName.of(fact.label)
    if not name.matches(later):
        return False
    if not name.phase or later.phase:
        return True
    text, label = plain_text(fact.sentence.text), plain_text(fact.label)
    at = text.find(label)
    stage = STAGE.match(text, at + len(label)) if at >= 0 else None
    return stage is None or stage.group(1) == name.phase


def _named_in_text(
    plan: ProjectFact, name: ProjectName, sentences: Sequence[Sentence]
) -> list[ProjectFact]:
    """The sentences that write the project's name, each as a fact with no status."""
    finder = NameInText(name)
    found = []
    for sentence in sentences:
        match = finder.find(plain_text(sentence.text))
        if match is not None:
            found.append(ProjectFact(plan.project, match.group(0), plan.report, "", None, sentence))
    return found


def _review_completes(fact: ProjectFact, name: ProjectName) -> bool:
    """Whether the review's sentence of a fact says the project was completed."""
    if fact.sentence.section_kind != "review":
        return False
    text = plain_text(fact.sentence.text)
    for finder in (NameInText(name), NameInText(ProjectName.of(fact.label))):
        match = finder.find(text)
        if match is not None:
            return says_completed(text, match.span())
    return False
