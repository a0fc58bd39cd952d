"""Quantities in their context: what they measure, of which entity, which way, and whether
they are targets.

The measure of a quantity is the noun phrase that leads to it in its clause (盘活低效用地150亩 ->
盘活低效用地), cut of the linking verbs, directions and bases; a count written before its noun
measures that noun (118个老旧小区 -> 老旧小区), and so does a size written right before a noun
(720兆瓦储能电站 -> 储能电站) unless the words before it name a measure; a bare change after a
comma inherits the measure before it (进出口总额9.5万亿元、增长4.4% -> 进出口总额). With 分别
(respectively), listed entities are paired with listed quantities in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

import jieba

from kg.data import data_lines, data_table
from kg.extract.clauses import clause_spans
from kg.extract.entities import normalize_name
from kg.extract.quantities import find_quantities
from kg.nlp.words import tag_of
from kg.records import EntityType, Mention, Metric, MetricKind, Quantity, Report, SectionKind
from kg.text.cleaning import normalize_width
from kg.text.view import TextView, span_view

TARGET_SECTIONS = frozenset({SectionKind.PLAN, SectionKind.OUTLOOK})
# Words before a measure that are not what it counts: cues of intention or estimate, years and
# times, and the verbs that only link it to its number (全年共实现地区生产总值 -> 地区生产总值).
_LEADING_CUES = re.compile(
    r"^(?:力争|确保|争取|其中|全年|预计|同时|(?:19|20)\d\d年(?:全年)?|年底|年末|到年底|"
    r"[全本我][区县市省州旗]|共|累计|实现|完成|达到|特别是|在|前三季度|上半年|一季度)+"
)
_CONJUNCTIONS = frozenset({"和", "及", "与", "以及"})
# The instances listed before 等 are not what a figure counts, the class after it is
# (签约甲储能柜组装、乙冷链产业园等优势项目45个 -> 优势项目); only a list with 、, and not the
# 等 of a word (中等收入群体, 高中阶段和高等教育毛入学率).
_ENUMERATED = re.compile(r"^.*、[^、]*?(?<![高中同平优初特对均])等(?=[^等、]{2,}$)")
# A share of a plan or a whole (占计划的100%) measures no thing: a bare change after it takes
# the measure of the figure before the share.
_SHARE = re.compile(r"^占")
_EXPLICIT_YEAR = re.compile(r"(?:到|至|在)?((?:19|20)\d\d)年")
_LIST_SEPARATORS = "、和及与"
MAX_COUNT_NOUN = 10
_WORD_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A measure this short is only the verb before the number (完成3.8万平方米工业厂房…).
MAX_VERB_ONLY = 2


@dataclass(frozen=True, slots=True)
class _Context:
    measure: str
    direction: str
    basis: str


def _longest_first(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@cache
def _directions() -> dict[str, str]:
    return {word: direction for word, direction in data_table("directions.tsv")}


@cache
def _bases() -> tuple[str, ...]:
    return _longest_first(data_lines("metric_bases.txt"))


@cache
def _trim_pattern() -> re.Pattern[str]:
    """The linking words, directions, bases and qualifiers that may end the words before a
    number, longest first."""
    qualifiers = [row[0] for row in data_table("qualifiers.tsv")]
    words = [*data_lines("measure_trims.txt"), *_directions(), *_bases(), *qualifiers]
    # a base with a year (较2016年, 比2017年) and a note in brackets (下同) end it too
    years = r"(?:较|比)(?:19|20)\d\d年|[（(]下同[）)]?"
    alternation = "|".join(map(re.escape, _longest_first(words)))
    return re.compile(f"(?:{alternation}|{years})[，、 ]*\\Z")


@cache
def _count_stop_pattern() -> re.Pattern[str]:
    """Where the noun a count is about ends: the count stops, and the verbs that act on
    projects (7个项目顺利竣工 -> 项目)."""
    # the verbs of a stage reached (竣工, 投产, 开工), not those that also make nouns (招商)
    verbs = [verb for verb, status in data_table("action_verbs.tsv") if status == "completed"]
    verbs += ["开工", "开工建设", "新开工", "推进", "加快推进"]
    manner = ["顺利", "正式", "全面", "加快", "成功", "相继", "陆续", "先后"]
    words = [*data_lines("count_stops.txt"), *verbs, *manner]
    return re.compile("|".join(map(re.escape, _longest_first(words))))


@cache
def _target_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = data_table("target_cues.tsv")
    sentence = [re.escape(cue) for cue, reach in rows if reach == "sentence"]
    clause = [re.escape(cue) for cue, reach in rows if reach == "clause"]
    return re.compile("|".join(sentence)), re.compile("|".join(clause))


@cache
def _count_units() -> frozenset[str]:
    return frozenset(
        unit for unit, _base, _factor, kind in data_table("units.tsv") if kind == "count"
    )


def find_metrics(report: Report, mentions: Sequence[Mention] = ()) -> Iterator[Metric]:
    """Every quantity in the report with its measure, entity, direction, basis, kind and year."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_index, []).append(mention)
    for sentence in report.sentences:
        view = span_view(report, sentence.start, sentence.end)
        text = view.text
        # Counts in Chinese numerals (三个, 两项) are how reports write enumerations, not data:
        # the metrics are the figures written in digits.
        quantities = list(find_quantities(text, normalized=True))
        if not quantities:
            continue
        section = report.section_of(sentence)
        clauses = list(clause_spans(text))
        sentence_mentions = [_local(m, view) for m in by_sentence.get(sentence.index, [])]
        owners, list_ends = _respectively(text, quantities, sentence_mentions)
        previous: tuple[int, _Context] | None = None
        thing: _Context | None = None  # the last measure of a thing, not of a share
        for position, quantity in enumerate(quantities):
            clause_start, clause_end = next(
                ((s, e) for s, e in clauses if s <= quantity.start < e), (0, len(text))
            )
            # Where the words leading to this number start: the clause, or the previous number.
            lead_start = max(clause_start, list_ends.get(position, 0))
            if previous is not None and previous[0] >= lead_start:
                lead_start = previous[0]
            lead = text[lead_start : quantity.start]
            context = _written(_context(lead), view, report.text, lead_start, quantity.start)
            if not context.measure and previous is not None:
                inherited = previous[1] if not _SHARE.match(previous[1].measure) else thing
                inherited = inherited or previous[1]
                context = _Context(
                    inherited.measure,
                    context.direction or inherited.direction,
                    context.basis or inherited.basis,
                )
            # Number, classifier, noun is how Chinese counts (118个老旧小区): a noun right after
            # a count is what it counts; so it is after a bare verb (完成3.8万平方米工业厂房).
            if (
                quantity.base_unit in _count_units()
                or len(context.measure) <= MAX_VERB_ONLY
                or _sizes_what_follows(text, quantity, context.measure)
            ):
                # 级 after a size is its class (30万吨级泊位): the noun follows it
                after = _count_noun(text, quantity.end, clause_end).removeprefix("级")
                if after:
                    context = _written(
                        _Context(after, context.direction, context.basis),
                        view,
                        report.text,
                        quantity.end,
                        clause_end,
                    )
            owner = owners.get(position) or _owner(sentence_mentions, lead_start, quantity.start)
            previous = (quantity.end, context)
            if context.measure and not _SHARE.match(context.measure):
                thing = context
            if quantity.chinese_numerals:
                continue  # read for the measure it passes on (首次突破六百亿元,达626.67亿元)
            yield Metric(
                sentence_index=sentence.index,
                quantity=_in_source(quantity, view, report.text),
                kind=_kind(section.kind, text, clause_start, quantity.start),
                measure=context.measure,
                direction=context.direction,
                basis=context.basis or _sentence_basis(text[clause_start : quantity.start]),
                entity_key=owner[0] if owner else None,
                entity_type=owner[1] if owner else None,
                year=_year(report, section.kind, section.year, text[clause_start : quantity.start]),
            )


def _context(lead: str) -> _Context:
    """Measure, direction and basis from the words before a number."""
    measure = lead.strip('，、；：,;: “”"（）()')
    direction = basis = ""
    while measure and (found := _trim_pattern().search(measure)):
        word = found.group().rstrip("，、 ")
        direction = direction or _directions().get(word, "")
        if word in _bases():
            basis = basis or word
        measure = measure[: found.start()].rstrip("，、 ")
    for word in _bases():
        if word in measure:
            basis = basis or word
            measure = measure.replace(word, "")
    measure = _ENUMERATED.sub("", measure)
    measure = _LEADING_CUES.sub("", measure)
    measure = measure.strip('，、；：,;: “”"（）()')
    if measure in _CONJUNCTIONS:
        measure = ""  # 分别增长6%和8%: the second number shares the first one's measure
    return _Context(measure, direction, basis)


@cache
def _measure_heads() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _longest_first(data_lines("measure_heads.txt")))))


@cache
def _size_units() -> frozenset[str]:
    """Base units of the sizes of things (money, area, mass, power…), not of shares, times or
    ages (覆盖95%乡镇, 连续5年保持, 65岁以上老年人)."""
    kinds = {"money", "area", "mass", "power", "energy", "length", "volume", "voltage"}
    rows = data_table("units.tsv")
    return frozenset(base for _unit, base, _factor, kind in rows if kind in kinds)


def _sizes_what_follows(text: str, quantity: Quantity, lead_measure: str) -> bool:
    """A size written right before a noun, with no 的 between, is the size of that thing
    (中储粮20万吨粮食储备库, 新入库500万元以上项目): the noun is what it measures, unless the
    words before it name a measure of their own (实施总装机26.9万千瓦光伏项目) or a verb
    follows (从3800万吨提升至…)."""
    after = text[quantity.end : quantity.end + 1]
    if (
        quantity.base_unit not in _size_units()
        or _CJK.fullmatch(after) is None
        or after in "的地得内"  # 投资15亿元的…, 50米内换乘
        or _measure_heads().search(lead_measure) is not None
    ):
        return False
    tag = tag_of(jieba.lcut(text[quantity.end : quantity.end + 6])[0]) or ""
    return not tag.startswith("v") or tag == "vn"


def _count_noun(text: str, start: int, end: int) -> str:
    """The noun right after a quantity (26个水稻新品种完成…), up to a stop word."""
    run = _WORD_RUN.match(text, start, end)
    if run is None:
        return ""
    tail = run.group()[:MAX_COUNT_NOUN]
    stop = _count_stop_pattern().search(tail)
    return tail[: stop.start()] if stop else tail


def _sentence_basis(lead: str) -> str:
    return next((b for b in _bases() if b in lead), "")


def _kind(section: SectionKind, text: str, clause_start: int, position: int) -> MetricKind:
    if section in TARGET_SECTIONS:
        return MetricKind.TARGET
    sentence_cues, clause_cues = _target_cues()
    if sentence_cues.search(text, 0, position) or clause_cues.search(text, clause_start, position):
        return MetricKind.TARGET
    return MetricKind.ACTUAL


def _year(report: Report, section: SectionKind, section_year: int | None, lead: str) -> int | None:
    explicit = _EXPLICIT_YEAR.findall(lead)
    if explicit:
        return int(explicit[-1])
    if section is SectionKind.REVIEW:
        return report.review_year
    if section is SectionKind.PLAN:
        return section_year or report.plan_year
    return None


def _respectively(
    text: str, quantities: list[Quantity], mentions: list[Mention]
) -> tuple[dict[int, tuple[str, EntityType]], dict[int, int]]:
    """With 分别, the n listed entities before it own the n quantities after it, in order.

    Also returns, for each of those quantities, where the list ends: its measure starts there
    (广州、深圳地铁线网单日最高客运量 -> 地铁线网单日最高客运量)."""
    owners: dict[int, tuple[str, EntityType]] = {}
    list_ends: dict[int, int] = {}
    for match in re.finditer("分别", text):
        listed = _listed_before(text, mentions, match.start())
        following = [i for i, q in enumerate(quantities) if q.start >= match.end()]
        if len(listed) >= 2 and len(following) >= len(listed):
            for index, mention in zip(following, listed, strict=False):
                owners[index] = (_key(mention), mention.type)
                list_ends[index] = listed[-1].end
    return owners, list_ends


def _listed_before(text: str, mentions: list[Mention], position: int) -> list[Mention]:
    """The coordinated mentions of the clause before ``position`` (广州、深圳地铁…分别)."""
    clause_start = max(text.rfind(c, 0, position) for c in "，；。：") + 1
    inside = sorted(
        (m for m in mentions if clause_start <= m.start and m.end <= position),
        key=lambda m: m.start,
    )
    listed: list[Mention] = []
    for mention in inside:
        if listed and text[listed[-1].end : mention.start] not in tuple(_LIST_SEPARATORS):
            if len(listed) >= 2:
                break
            listed = []
        listed.append(mention)
    return listed


def _owner(mentions: list[Mention], start: int, end: int) -> tuple[str, EntityType] | None:
    """The entity named in the words leading to a number: the last one there."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if not inside:
        return None
    last = max(inside, key=lambda m: m.end)
    return _key(last), last.type


def _key(mention: Mention) -> str:
    return normalize_name(mention.text)


def _written(context: _Context, view: TextView, source: str, start: int, end: int) -> _Context:
    """A measure read in the view between ``start`` and ``end``, written as the report writes
    it (地區生產總值 in a traditional copy, without the line breaks of a PDF copy)."""
    measure = context.measure
    at = view.text.rfind(measure, start, end) if measure else -1
    if at < 0:
        return context
    first, last = view.source_span(at, at + len(measure))
    return replace(context, measure="".join(source[first:last].split()))


def _local(mention: Mention, view: TextView) -> Mention:
    return replace(
        mention, start=view.view_offset(mention.start), end=view.view_offset(mention.end)
    )


def _in_source(quantity: Quantity, view: TextView, source: str) -> Quantity:
    """A quantity found in a view, with source offsets, its text and its unit as written
    (31個 in a traditional copy keeps 個; the base unit is the simplified one)."""
    start, end = view.source_span(quantity.start, quantity.end)
    unit = quantity.unit
    at = view.text.rfind(unit, quantity.start, quantity.end) if unit else -1
    if at >= 0:
        unit = normalize_width(
            "".join(source[view.source_offset(i)] for i in range(at, at + len(unit)))
        )
    return replace(quantity, start=start, end=end, text=source[start:end], unit=unit)
