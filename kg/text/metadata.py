"""What a report says about itself: its title, its region and its years.

The title is the first short line that names a work report; the region comes from the title
(2026年上海市政府工作报告), else from the opening lines (在广东省第十四届人民代表大会第五次会议上,
福建省人民政府省长, 我代表国务院), else from the file name (2026-上海市.txt). The review and plan
years come from the section headings, else from the title or the file name (a 2026 report
reviews 2025).

A plain copy of the body says none of this where these look, so the body text is searched
last (``region_in_text``, ``years_in_text``): first for the formulas a report opens and closes
with (我代表云溪区人民政府, ——2026年1月8日在…人民代表大会, 2025年工作回顾, 中国式现代化湖南篇章),
then for what it speaks of most (the division it names most at the level of its 全区 or 全县,
the year its sentences give most). A region found in the body is a real division of
``places_china.tsv``, never a fragment of the words around it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from kg.data import data_table
from kg.errors import ConfigError
from kg.places.divisions import region_full_names
from kg.records import Section, SectionKind

_TITLE = re.compile(r"政府工作报告|工作报告")
# A line that also holds a photo credit or a sentence is a caption, not the title.
_NOT_A_TITLE = re.compile(r"[。！？]|记者|摄$|图片|来源")
MAX_TITLE_LENGTH = 60
TITLE_SEARCH_LINES = 20
OPENING_LINES = 30

_REGION = r"[\u4e00-\u9fff]{2,12}?(?:省|市|自治区|特别行政区|自治州|地区|新区|区|县|旗|盟)"
_REGION_IN_TITLE = re.compile(
    rf"(?:\d{{4}}年)?(?P<region>{_REGION})(?:\d{{4}}年)?(?:人民)?政府工作报告"
)
_REGION_IN_OPENING = (
    re.compile(rf"在(?P<region>{_REGION})第[一二三四五六七八九十]+届人民代表大会"),
    re.compile(rf"(?P<region>{_REGION})(?:人民政府)?(?:省长|市长|主席|区长|县长|州长|盟长|旗长)"),
    re.compile(rf"我代表(?P<region>{_REGION})人民政府"),
)
_NATIONAL = re.compile(r"我代表国务院|国务院总理|全国人民代表大会第[一二三四五六七八九十]+次会议")
NATION = "中华人民共和国"
# Words that end like a region but are not one (全省, 本市): a region has a proper name.
# 年 starts no division: 年云溪县 is a year's tail before the name (2026 年云溪县…).
_GENERIC_REGION = re.compile(r"^(?:全|本|我|各|该|地|市|省|区|县|年)")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


MIN_PLAN_YEAR, MAX_PLAN_YEAR = 1950, 2100
MAX_REGION_LENGTH = 40


@dataclass(frozen=True, slots=True)
class GivenMetadata:
    """What the user says of every report of a build (``kg build --region --year``): it comes
    before anything the text says. The review year is the one before the plan year."""

    region: str | None = None
    plan_year: int | None = None

    @classmethod
    def checked(cls, region: str | None, plan_year: int | None) -> GivenMetadata:
        """The given region and plan year, or a ``ConfigError`` saying what is wrong."""
        if region is not None:
            region = region.strip()
            if not region or len(region) > MAX_REGION_LENGTH or not region.isprintable():
                raise ConfigError(f"--region: expected the name of a region, got {region!r}")
        if plan_year is not None and not MIN_PLAN_YEAR <= plan_year <= MAX_PLAN_YEAR:
            raise ConfigError(
                f"--year: expected the plan year, {MIN_PLAN_YEAR}-{MAX_PLAN_YEAR}, got {plan_year}"
            )
        return cls(region, plan_year)


def parse_plan_year(text: str) -> int:
    """A plan year as written on the command line (2026), or a ``ConfigError``."""
    value = text.strip().removesuffix("年")
    if not value.isascii() or not value.isdigit():
        raise ConfigError(f"--year: expected the plan year as four digits (2026), got {text!r}")
    year = int(value)
    GivenMetadata.checked(None, year)
    return year


def find_title(lines: Sequence[str], first_body: int | None) -> str | None:
    """The report's title among its first lines (before the first section heading)."""
    for index, line in enumerate(lines[:TITLE_SEARCH_LINES]):
        if first_body is not None and index >= first_body:
            break
        stripped = line.strip()
        if (
            _TITLE.search(stripped)
            and len(stripped) <= MAX_TITLE_LENGTH
            and not _NOT_A_TITLE.search(stripped)
        ):
            return stripped
    return None


def find_region(title: str, opening: Sequence[str], source_name: str, text: str = "") -> str | None:
    """The region a report is about, where the report (or its file name) names it; else the
    one its body ``text`` names (``region_in_text``)."""
    match = _REGION_IN_TITLE.search(title)
    if match and _is_region(match.group("region")):
        return match.group("region")
    lines = "".join(line.strip() for line in opening[:OPENING_LINES])  # lines may break a name
    for pattern in _REGION_IN_OPENING:
        for found in pattern.finditer(lines):
            name = found.group("region")
            if _is_region(name):
                return division_name(name) or name  # 会议上金台区 -> 金台区
    if _NATIONAL.search(lines) or "国务院" in title:
        return NATION
    stem = _YEAR_IN_NAME.sub("", PurePath(source_name).stem).strip("-_ ")
    match = re.fullmatch(_REGION, stem)
    if match and _is_region(stem):
        return stem
    return region_in_text(text) if text else None


def _is_region(name: str) -> bool:
    return not _GENERIC_REGION.match(name)


def find_years(
    sections: Sequence[Section], title: str, source_name: str, text: str = ""
) -> tuple[int | None, int | None]:
    """(review year, plan year): from the headings, else the title, else the file name, else
    the body ``text`` (``years_in_text``)."""
    review = next((s.year for s in sections if s.kind is SectionKind.REVIEW and s.year), None)
    plan = next((s.year for s in sections if s.kind is SectionKind.PLAN and s.year), None)
    if review is None and plan is None:
        year = _YEAR.search(title) or _YEAR_IN_NAME.search(PurePath(source_name).stem)
        plan = int(year.group(1)) if year else None
    if review is None and plan is None and text:
        review, plan = years_in_text(text)
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
    return review, plan


# What a report's body says: its opening and closing formulas, then what it speaks of most.

# The body searched: the longest known report has 33,000 characters; a text of megabytes (a
# page dump) is searched in its first half million, about a second.
MAX_BODY_SEARCH = 500_000

_REGION_IN_CLOSING = re.compile(
    r"中国式现代化(?:建设)?的?(?P<region>[\u4e00-\u9fff]{2,8}?)新?(?:篇章|实践)"
)
# How a report names its own level: 全县, 本市, 我区, and 我代表县人民政府 (worth many of them);
# not where it ranks itself among others (率先全省, 全省首批, 名列全市前茅).
_LEVELS = "自治区|自治州|自治县|省|市|区|县|州|旗|盟"
_OWN_LEVEL = re.compile(
    rf"(?<!率先)(?<!获评)(?<!名列)(?<!位居)(?<!位列)(?:全|本|我)({_LEVELS})(?!首|前|第|唯一|率先|排名)"
)
_OWN_LEVEL_FORMULA = re.compile(rf"我代表({_LEVELS})人民政府")
LEVEL_FORMULA_WEIGHT = 10
MIN_REGION_MENTIONS = 2  # a division or level named once is mentioned, not spoken of

# The congress hears the report early in the plan year, or late in the year before it.
_MEETING_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日在[^。\n]{0,40}?人民代表大会")
LATE_MEETING_MONTH = 10
_REVIEW_FORMULA = re.compile(
    r"((?:19|20)\d{2})年(?:工作)?回顾|(?:刚刚过去的|过去的|回顾)((?:19|20)\d{2})年"
)
_PLAN_FORMULA = re.compile(
    r"((?:19|20)\d{2})年[^，。；\n]{0,12}?"
    r"(?:工作的?总体要求|主要预期目标(?:是|为|：)|工作安排|工作任务|工作计划)"
)
# A year that is a target (到2030年, 确保2018年, 2035年远景目标), a bound of a range
# (2021—2025年), a start (2013年以来), a base (比2020年, 从2020年的), a date (2025年4月1日)
# or an award's year (2022年度) is not the year a report reviews or plans; 截至2025年底 is.
_NOT_THE_YEAR_BEFORE = re.compile(r"(?:到|(?<!截)至|比|较|从|确保|力争|争取|[—–\-~～])$")
_NOT_THE_YEAR_AFTER = re.compile(
    r"前|以前|之前|以来|底前|度|远景|基本实现|全面建成|\d{1,2}月|[—–\-~～至到]\d"
)
MIN_YEAR_MENTIONS = 2
_SENTENCE = re.compile(r"[^。！？\n]+")


def division_name(name: str) -> str | None:
    """``name`` as a real division (``places_china.tsv``), or None.

    A full name stays (十堰市张湾区 too: a city and its district); the one short form of one
    province or city gives its full name (湖南 -> 湖南省); words before a full name are
    dropped (会议上金台区 -> 金台区).
    """
    divisions = region_full_names()
    fulls = divisions.get(name)
    if fulls is not None:
        return name if name in fulls else (fulls[0] if len(fulls) == 1 else None)
    for start in range(1, len(name) - 1):
        tail = name[start:]
        if tail in divisions.get(tail, ()):
            parent = name[:start]
            return name if parent in divisions.get(parent, ()) else tail
    return None


def region_in_text(text: str) -> str | None:
    """The region a report's body speaks for: from its formulas, else the one it names most."""
    text = text[:MAX_BODY_SEARCH]
    return region_in_formulas(text) or most_named_region(text)


def region_in_formulas(text: str) -> str | None:
    """The real division named in an opening or closing formula anywhere in ``text``
    (我代表云溪区人民政府, 在湖南省第十四届人民代表大会, 谱写中国式现代化湖南篇章)."""
    if _NATIONAL.search(text):
        return NATION
    for pattern in (*_REGION_IN_OPENING, _REGION_IN_CLOSING):
        for found in pattern.finditer(text):
            name = division_name(found.group("region"))
            if name is not None:
                return name
    return None


def most_named_region(text: str) -> str | None:
    """The division ``text`` names most among those of the level it calls itself (全区: a
    district); None when it names no level twice, no such division twice, or two as often."""
    levels: Counter[str] = Counter(_OWN_LEVEL.findall(text))
    for level in _OWN_LEVEL_FORMULA.findall(text):
        levels[level] += LEVEL_FORMULA_WEIGHT
    top = levels.most_common(2)
    if not top or top[0][1] < MIN_REGION_MENTIONS or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    level = top[0][0]
    named = Counter(full for fulls in _division_mentions(text) for full in fulls)
    ranked = Counter({full: n for full, n in named.items() if full.endswith(level)}).most_common(2)
    if not ranked or ranked[0][1] < MIN_REGION_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _division_mentions(text: str) -> Iterator[tuple[str, ...]]:
    """The full names each division named in ``text`` may be, the longest name first."""
    divisions = region_full_names()
    longest = max(len(name) for name in divisions)
    firsts = {name[0] for name in divisions}
    position = 0
    while position < len(text):
        if text[position] in firsts:
            for length in range(min(longest, len(text) - position), 1, -1):
                end = position + length
                name = text[position:end]
                fulls = divisions.get(name)
                # Two-character names (城区, 和县, 沛县) are as often the end of a word
                # (老城区) or of one word and the start of another (和县域): counted only
                # in formulas.
                if fulls and not (length == 2 and name in fulls):
                    yield fulls
                    position = end - 1
                    break
        position += 1


def years_in_text(text: str) -> tuple[int | None, int | None]:
    """(review year, plan year) from a report's body: its formulas, else the years it gives
    most (``most_named_years``); (None, None) when it gives none."""
    text = text[:MAX_BODY_SEARCH]
    meeting = _MEETING_DATE.search(text)
    if meeting:
        year, month = int(meeting.group(1)), int(meeting.group(2))
        plan = year + 1 if month >= LATE_MEETING_MONTH else year
        return plan - 1, plan
    for pattern, is_plan in ((_PLAN_FORMULA, True), (_REVIEW_FORMULA, False)):
        found = pattern.search(text)
        if found:
            year = int(next(group for group in found.groups() if group))
            return (year - 1, year) if is_plan else (year, year + 1)
    return most_named_years(text)


def most_named_years(text: str) -> tuple[int | None, int | None]:
    """The (review, plan) pair of consecutive years ``text`` gives most, leaving out targets,
    ranges, starts and bases (到2030年, 2021—2025年, 2013年以来, 比2020年); None when years are
    given fewer than twice or two pairs as often. When the text gives one year of the pair
    only, its sentences tell which: the plan where they speak more of the plan (今年, 预期目标,
    力争) than of results (去年, 完成, 同比), else the review."""
    years: Counter[int] = Counter()
    sentences: dict[int, list[str]] = {}
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group()
        for found in _YEAR.finditer(words):
            before = words[max(found.start() - 2, 0) : found.start()]
            if _NOT_THE_YEAR_BEFORE.search(before) or _NOT_THE_YEAR_AFTER.match(words, found.end()):
                continue
            year = int(found.group(1))
            years[year] += 1
            sentences.setdefault(year, []).append(words)
    pairs = Counter({plan: years[plan - 1] + years[plan] for y in years for plan in (y, y + 1)})
    ranked = pairs.most_common()
    if not ranked or ranked[0][1] < MIN_YEAR_MENTIONS:
        return None, None
    best = sorted(plan for plan, n in ranked if n == ranked[0][1])
    if len(best) == 1:
        return best[0] - 1, best[0]
    year = best[0]
    if best == [year, year + 1] and not years[year - 1] and not years[year + 1]:
        # Only the year between the two pairs is given: the review's or the plan's.
        plan_words = _cue_count("".join(sentences[year]))
        return (year - 1, year) if plan_words > 0 else (year, year + 1)
    return None, None


def _cue_count(words: str) -> int:
    """Words of the plan less words of results."""
    return sum(
        len(pattern.findall(words)) * (1 if kind == "plan" else -1)
        for kind, pattern in _cues()
        if kind in ("plan", "review")
    )


@cache
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(pattern)) for kind, pattern in data_table("plan_cues.tsv"))
