"""A project's name across years: what is the same project in the next report, and what is no
project's name at all.

Reports write one project several ways from year to year: with a phase or without (隆平生物种业
产业园, 隆平生物种业产业园一期), with a generic ending or without (伊敏河堤防工程, 伊敏河堤防),
with a word more inside (长江西路隧道, 长江西路越江隧道; 华润雪花迁建, 华润雪花啤酒迁建; 黄茅海通道,
黄茅海跨海通道). Two names are one project when their base names (phase and endings set aside)
are equal, or when one is the other with one or two characters more after its first three and
before its last two; never when both give a phase and the phases differ (一期 is not 二期).

The extractor sometimes takes a fragment of a sentence for a project (时利, 健康, 勾勒出中心,
努力提高项目): ``kg track`` follows only names that look like a project's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from kg.extract.entities import normalize_name

# A phase or an ending that names no other thing: what is left is the project's base name.
# A phase written after a name (一期, (二期)), its number in the group.
PHASE = r"[（(]?([一二三四五六七八九十\d]+)期"
_PHASE = re.compile(PHASE + r"(?:工程|项目)?[）)]?$")
# A stage written right after a name: its phase, or the works that follow the first phases.
STAGE = re.compile(f"{PHASE}|后续")
_ENDING = re.compile(r"(?:建设)?(?:工程|项目)$|(?:改扩建|扩建|改造)$")
_QUOTES = str.maketrans("", "", "“”\"'‘’《》「」")
MIN_BASE = 3  # a base name shorter than this (一期) is not a name
# One or two characters more inside a name: after its first HEAD, before its last TAIL.
INSERTED_HEAD, INSERTED_TAIL, INSERTED_MAX = 3, 2, 2
# …but a word put before a kind of thing makes another of that kind (国际贸易中心 is not
# 国际贸易结算中心).
_KIND_TAILS = frozenset({"中心", "基地", "平台", "公司", "集团"})
_HAN = r"[\u4e00-\u9fff]"

# What only a sentence says, never a project's name (勾勒出中心城区的靓丽轮廓, 努力提高项目建设的
# 质量, 战略性新兴产业领域项目).
_NOT_IN_A_NAME = re.compile(r"努力|提高|勾勒|领域|加快|推进|着力|进一步|不断|确保")
# A name cut after a town's or a county's level (奋斗镇1万亩节水灌溉 -> 镇1万亩节水灌溉).
_CUT_AFTER_LEVEL = re.compile(r"^[镇乡县区](?=\d)")
# A name of one or two characters is a project's only when it ends as a built thing does
# (虹桥, 临港, 金桥); otherwise it is a word (健康, 养老) or a fragment (时利).
_BUILT_THING = re.compile(r"[路桥港线馆园站厂城场岸街道塔楼院校岛湾所泾滩]$")


def plain_text(text: str) -> str:
    """A sentence as names are compared: full-width folded, no white space nor quotes, Latin
    letters upper-case (as ``normalize_name`` folds a name)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_QUOTES).upper()


def looks_like_project(label: str) -> bool:
    """Whether a name the extractor took for a project reads like one's."""
    name = normalize_name(label).translate(_QUOTES)
    if _NOT_IN_A_NAME.search(name) or _CUT_AFTER_LEVEL.search(name):
        return False
    return len(name) >= MIN_BASE or _BUILT_THING.search(name) is not None


@dataclass(frozen=True, slots=True)
class ProjectName:
    base: str
    phase: str

    @classmethod
    def of(cls, label: str) -> ProjectName:
        name = normalize_name(label).translate(_QUOTES)
        phase = ""
        while True:
            found = _PHASE.search(name) or _ENDING.search(name)
            if found is None or found.start() == 0:
                break
            if found.re is _PHASE and not phase:
                phase = found.group(1)
            name = name[: found.start()]
        return cls(name, phase)

    def matches(self, other: ProjectName) -> bool:
        if len(self.base) < MIN_BASE or len(other.base) < MIN_BASE:
            return False
        if self.phase and other.phase and self.phase != other.phase:
            return False
        short, long = sorted((self.base, other.base), key=len)
        return short == long or _inserted(short, long)


def _inserted(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with one or two characters more inside it."""
    extra = len(long) - len(short)
    if not 1 <= extra <= INSERTED_MAX:
        return False
    head = len(short) - len(short.removeprefix(_common_prefix(short, long)))
    for cut in range(INSERTED_HEAD, min(head, len(short) - INSERTED_TAIL) + 1):
        if short[cut:] in _KIND_TAILS:
            continue
        if long[:cut] == short[:cut] and long[cut + extra :] == short[cut:]:
            return True
    return False


def _common_prefix(first: str, second: str) -> str:
    size = 0
    while size < min(len(first), len(second)) and first[size] == second[size]:
        size += 1
    return first[:size]


@dataclass(frozen=True)
class NameInText:
    """Where a project's name occurs in a sentence, written as its plan wrote it or as the same
    project: its base name, with any phase but a different one, or with a word more inside."""

    name: ProjectName

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        base = self.name.base
        if len(base) < MIN_BASE:
            return None
        ways = [re.escape(base)]
        for cut in range(INSERTED_HEAD, len(base) - INSERTED_TAIL + 1):
            if base[cut:] in _KIND_TAILS:
                continue
            ways.append(f"{re.escape(base[:cut])}{_HAN}{{1,{INSERTED_MAX}}}{re.escape(base[cut:])}")
        # The base name, not the start of a longer one's phase: 一期 after it must be its own.
        return re.compile(f"(?:{'|'.join(ways)})(?:{PHASE})?")

    def find(self, text: str) -> re.Match[str] | None:
        """The first place ``text`` (as ``plain_text`` gives it) names the project, or None."""
        if self.pattern is None:
            return None
        for found in self.pattern.finditer(text):
            # A plan of one phase is that phase's (洋山深水港区一期工程 is not 洋山深水港区后续工程,
            # 麦福劳二期扩建 not the firm 麦福劳), but a built thing written with no phase and no
            # stage after it is the plan's, as the extractor's names are (黑羊站水厂 of
            # 黑羊站水厂二期, in 实施黑羊站水厂3万吨扩建项目).
            if found.group(1) == (self.name.phase or found.group(1)):
                return found
            if found.group(1) is None and self._built_without_stage(text, found.end()):
                return found
        return None

    def _built_without_stage(self, text: str, end: int) -> bool:
        return _BUILT_THING.search(self.name.base) is not None and STAGE.match(text, end) is None
