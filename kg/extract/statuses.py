"""The lifecycle status of an action: decided by its verb, the modal words before it, what was
finished, and the section of the report it stands in.

Following the gold guidelines: anything in the plan (or outlook) section is planned; elsewhere a
modal word before the verb (将, 计划, 力争) makes it planned; otherwise the verb's stage counts,
except that 完成 of a stage only (完成征收签约) leaves the project ongoing.
"""

from __future__ import annotations

import re
from functools import cache

from kg.data import data_lines
from kg.records import SectionKind, Status

FUTURE_SECTIONS = frozenset({SectionKind.PLAN, SectionKind.OUTLOOK})
# 将 as the object marker (将X打造成) and in 将近 (nearly) does not speak of the future.
_NOT_MODAL = re.compile(r"将(?:近|军|士|领)")
# Quoted names (“芙蓉计划”) hold words that are not modal there.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")


@cache
def _modal_pattern() -> re.Pattern[str]:
    words = sorted(data_lines("modal_words.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@cache
def _partial_pattern() -> re.Pattern[str]:
    words = sorted(data_lines("partial_stages.txt"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def has_modal(text: str) -> bool:
    """True when ``text`` (the words before a verb) holds a modal word of intention."""
    text = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    text = _NOT_MODAL.sub("  ", text)
    return _modal_pattern().search(text) is not None


def finishes_a_stage_only(text: str) -> bool:
    """True when what was finished (the words after 完成) is only a stage: 征收签约, 主体工程."""
    return _partial_pattern().match(text.lstrip()) is not None


_MANNER = re.compile(r"(?:基本|已经|已|全面|顺利|如期)+$")


def stage_before_verb(text: str) -> bool:
    """True when a stage is named right before a completion verb (主体基本完工, 主体竣工): that
    stage is finished, the project is not."""
    stripped = _MANNER.sub("", text.rstrip())
    return any(stripped.endswith(word) for word in data_lines("partial_stages.txt"))


def decide_status(
    verb_status: Status,
    section: SectionKind,
    *,
    before_verb: str = "",
    after_verb: str = "",
) -> Status:
    """The status of an action whose verb states ``verb_status``, in a ``section`` of a report.

    ``before_verb`` is the clause up to the verb (for modal words), ``after_verb`` what follows
    it (for 完成 of a stage).
    """
    if section in FUTURE_SECTIONS or has_modal(before_verb):
        return Status.PLANNED
    if verb_status is Status.COMPLETED and (
        finishes_a_stage_only(after_verb) or stage_before_verb(before_verb)
    ):
        return Status.ONGOING
    return verb_status
