"""Actions: the verb of a clause acting on the entities it names, with agent, place and status.

In each clause (a stretch between commas and semicolons) the governing verb is the lexicon verb
closest before the first object (推进X、Y建设, 建成X), or else the last one after the objects
(X、Y完成建设, X建设进入扫尾阶段). A verb that states no stage (获批, 依托) governs nothing. The
objects are all the projects of the clause (a coordinated list gives one action on each);
without a project, the other entities that are not its agent or its location. In the plan
section a project named without any verb is still planned (以X为重点), as the gold guidelines say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from kg.data import data_lines, data_table
from kg.extract.clauses import clause_spans
from kg.extract.entities import normalize_name
from kg.extract.statuses import FUTURE_SECTIONS, decide_status
from kg.records import (
    Action,
    EntityType,
    Mention,
    Report,
    Section,
    SectionKind,
    Sentence,
    Status,
)
from kg.text.view import TextView, span_view

_EXPLICIT_YEAR = re.compile(r"((?:19|20)\d\d)年")
# A place after these words is where something happens, not what is acted on.
_LOCATION_MARKERS = ("在", "于", "落户", "落地", "位于", "赴", "到", "来自", "面向")
_PLACE_OBJECT_FOLLOWERS = ("、", "和", "及", "等", "项目", "工程", "片区", "沿线", "提质", "整治")
# In the plan, the words that say a project is already being built; a heading names the kind
# and ends its clause (全力推进在建项目，…).
_UNDER_CONSTRUCTION = re.compile(r"在建|续建")
_HEADING = re.compile(r"(?:在建|续建)(?:重点|重大)?项目[，,：:；;]")


@dataclass(frozen=True, slots=True)
class _Verb:
    start: int  # in the clause
    end: int
    word: str
    status: Status | None  # None: a verb that states no stage (获批, 依托)


@cache
def _verb_statuses() -> dict[str, Status | None]:
    verbs: dict[str, Status | None] = {
        verb: Status(status) for verb, status in data_table("action_verbs.tsv")
    }
    verbs.update(dict.fromkeys(data_lines("non_status_verbs.txt")))
    return verbs


@cache
def _verb_pattern() -> re.Pattern[str]:
    words = sorted(_verb_statuses(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def find_actions(report: Report, mentions: Sequence[Mention]) -> Iterator[Action]:
    """The actions of every clause that names an entity, in the order of the text."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_index, []).append(mention)
    for sentence in report.sentences:
        sentence_mentions = by_sentence.get(sentence.index)
        if not sentence_mentions:
            continue
        # Read on the sentence's view; mentions and verbs in its coordinates, then back.
        view = span_view(report, sentence.start, sentence.end)
        text = view.text
        local = [_in_view(m, view) for m in sentence_mentions]
        section = report.section_of(sentence)
        actions = []
        for clause_start, clause_end in clause_spans(text):
            inside = sorted(
                (m for m in local if clause_start <= m.start and m.end <= clause_end),
                key=lambda m: m.start,
            )
            if inside:
                span = (clause_start, clause_end)
                action = _clause_action(report, section, sentence, text, span, inside)
                if action is not None:
                    actions.append((span, action))
        if section.kind in FUTURE_SECTIONS:
            actions += _under_construction(text, actions)
        for _, action in sorted(actions, key=lambda item: item[1].start):
            start, end = view.source_span(action.start, action.end)
            yield replace(action, start=start, end=end)


def _under_construction(
    text: str, actions: list[tuple[tuple[int, int], Action]]
) -> list[tuple[tuple[int, int], Action]]:
    """The plan's projects it says are under construction (在建, 续建), ongoing as well as
    planned: those of the clause that says so (加快A、B等在建产业项目建设进度), or of the clauses
    after a heading one (全力推进在建项目，加快推进A…；加快推进B…). One action a word."""
    found = []
    taken = {(action.start, action.end) for _, action in actions}
    for match in _UNDER_CONSTRUCTION.finditer(text):
        if match.span() in taken:
            continue  # the clause's own verb (X在建): its action says so already
        heading = _HEADING.match(text, match.start()) is not None
        objects: dict[tuple[str, EntityType], None] = {}
        year = None
        for (clause_start, clause_end), action in actions:
            in_clause = clause_start <= match.start() < clause_end
            after = heading and clause_start >= match.end()
            projects = [o for o in action.objects if o[1] is EntityType.PROJECT]
            if (in_clause or after) and action.status is Status.PLANNED and projects:
                objects.update(dict.fromkeys(projects))
                year = year or action.year
        if objects:
            ongoing = Action(
                sentence_index=actions[0][1].sentence_index,
                start=match.start(),
                end=match.end(),
                verb=match.group(),
                status=Status.ONGOING,
                objects=tuple(objects),
                year=year,
            )
            found.append(((match.start(), match.end()), ongoing))
    return found


def _in_view(mention: Mention, view: TextView) -> Mention:
    return replace(
        mention, start=view.view_offset(mention.start), end=view.view_offset(mention.end)
    )


def _clause_action(
    report: Report,
    section: Section,
    sentence: Sentence,
    text: str,
    span: tuple[int, int],
    mentions: list[Mention],
) -> Action | None:
    """The action of one clause (``span`` of the sentence's view ``text``) on the entities it
    names (``mentions``, in the view's coordinates); its offsets are the view's too."""
    clause_start, clause_end = span
    clause = text[clause_start:clause_end]
    offset = clause_start
    spans = [(m.start - offset, m.end - offset) for m in mentions]
    verbs = [v for v in _verbs(clause) if not any(s < v.end and v.start < e for s, e in spans)]
    places = [m for m in mentions if m.type is EntityType.PLACE and _is_location(clause, m, offset)]
    agent = _agent(clause, mentions, offset, verbs)
    projects = [m for m in mentions if m.type is EntityType.PROJECT or _also_project(m)]
    objects = projects or [
        m
        for m in mentions
        if m not in places
        and m is not agent
        and (m.type is not EntityType.PLACE or _place_is_acted_on(clause, m, offset))
    ]
    if not objects and agent is not None:
        objects, agent = [agent], None  # 隆平高科成功落户: the subject is what landed
    if not objects:
        return None
    first, last = objects[0].start - offset, objects[-1].end - offset
    verb = _governing_verb(clause, verbs, first, last)
    if verb is not None and verb.status is None:
        return None  # 获批, 依托: no stage is stated
    if verb is None or verb.status is None:
        if section.kind not in FUTURE_SECTIONS or not projects:
            return None
        # The plan names a project without a verb in its clause (京港澳和沪昆扩容、张官等17条高速
        # 公路): the verb of the sentence governs it, and the plan makes it planned.
        verb = _sentence_verb(text, clause_start, first)
        if verb is None:
            return None
        status = Status.PLANNED
    else:
        after = clause[verb.end :] if verb.start >= last else clause[last:]
        status = decide_status(
            verb.status, section.kind, before_verb=clause[: verb.start], after_verb=after
        )
    return Action(
        sentence_index=sentence.index,
        start=offset + verb.start,
        end=offset + verb.end,
        verb=verb.word,
        status=status,
        objects=tuple(dict.fromkeys((normalize_name(m.text), m.type) for m in objects)),
        agent=(normalize_name(agent.text), agent.type) if agent else None,
        place=(normalize_name(places[0].text), places[0].type) if places else None,
        year=_year(report, section, clause),
    )


def _sentence_verb(sentence: str, clause_offset: int, first: int) -> _Verb | None:
    """The stage verb of the sentence nearest to an object, in clause coordinates."""
    verbs = [v for v in _verbs(sentence) if v.status is not None]
    if not verbs:
        return None
    anchor = clause_offset + first
    nearest = min(verbs, key=lambda v: abs(v.start - anchor))
    shift = clause_offset
    return _Verb(nearest.start - shift, nearest.end - shift, nearest.word, nearest.status)


def _verbs(clause: str) -> list[_Verb]:
    return [
        _Verb(m.start(), m.end(), m.group(), _verb_statuses()[m.group()])
        for m in _verb_pattern().finditer(clause)
    ]


def _governing_verb(clause: str, verbs: list[_Verb], first: int, last: int) -> _Verb | None:
    """The verb closest before the first object, else the last verb after the last object.

    A verb before the objects that ends an item of a list belongs to that item
    (…管网修复和改造、红旗水库…全面完成), not to the objects."""
    before = [v for v in verbs if v.end <= first and not clause.startswith("、", v.end)]
    if before:
        return before[-1]
    after = [v for v in verbs if v.start >= last]
    if not after:
        return None
    # 获批建设, 入选建设: the stage verb after an approval is what was approved, not begun.
    if len(after) >= 2 and after[-2].status is None and after[-2].end == after[-1].start:
        return after[-2]
    return after[-1]


def _also_project(mention: Mention) -> bool:
    return EntityType.PROJECT in mention.other_types


def _is_location(clause: str, mention: Mention, offset: int) -> bool:
    before = clause[: mention.start - offset]
    return before.endswith(_LOCATION_MARKERS)


def _place_is_acted_on(clause: str, mention: Mention, offset: int) -> bool:
    """A place is itself acted on when a list, a work noun or a verb follows it (东湖路、红湖路等
    道路建设, 湘江新区扩容), not when it only starts a longer name (东莞材料科学…研究所)."""
    after = clause[mention.end - offset :]
    return after.startswith(_PLACE_OBJECT_FOLLOWERS) or _verb_pattern().match(after) is not None


def _agent(clause: str, mentions: list[Mention], offset: int, verbs: list[_Verb]) -> Mention | None:
    """The organization that acts: one that opens the clause before its verb, or follows 由."""
    for mention in mentions:
        if mention.type is not EntityType.ORGANIZATION:
            continue
        start = mention.start - offset
        before = clause[:start]
        if before.endswith("由"):
            return mention
        opens_clause = not before.strip(' “”"')
        if opens_clause and any(v.start >= mention.end - offset for v in verbs):
            next_text = clause[mention.end - offset :]
            if not next_text.startswith(("、", "和", "等")):
                return mention
    return None


def _year(report: Report, section: Section, clause: str) -> int | None:
    explicit = _EXPLICIT_YEAR.findall(clause)
    if explicit:
        return int(explicit[-1])
    if section.kind is SectionKind.REVIEW:
        return report.review_year
    if section.kind is SectionKind.PLAN:
        return section.year or report.plan_year
    return None
