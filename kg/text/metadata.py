"""What a report says about itself: its title, its region and its years.

The title is the first short line that names a work report; the region comes from the title
(2026年上海市政府工作报告), else from the opening lines (在广东省第十四届人民代表大会第五次会议上,
福建省人民政府省长, 我代表国务院), else from the file name (2026-上海市.txt); a report with none of
these names no region. The review and plan years come from the section headings, else from the
title or the file name (a 2026 report reviews 2025).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

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
_GENERIC_REGION = re.compile(r"^(?:全|本|我|各|该|地|市|省|区|县)")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


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


def find_region(title: str, opening: Sequence[str], source_name: str) -> str | None:
    """The region a report is about, where the report (or its file name) names it."""
    match = _REGION_IN_TITLE.search(title)
    if match and _is_region(match.group("region")):
        return match.group("region")
    text = "".join(line.strip() for line in opening[:OPENING_LINES])  # lines may break a name
    for pattern in _REGION_IN_OPENING:
        for found in pattern.finditer(text):
            if _is_region(found.group("region")):
                return found.group("region")
    if _NATIONAL.search(text) or "国务院" in title:
        return NATION
    stem = _YEAR_IN_NAME.sub("", PurePath(source_name).stem).strip("-_ ")
    match = re.fullmatch(_REGION, stem)
    return stem if match and _is_region(stem) else None


def _is_region(name: str) -> bool:
    return not _GENERIC_REGION.match(name)


def find_years(
    sections: Sequence[Section], title: str, source_name: str
) -> tuple[int | None, int | None]:
    """(review year, plan year): from the headings, else the title, else the file name."""
    review = next((s.year for s in sections if s.kind is SectionKind.REVIEW and s.year), None)
    plan = next((s.year for s in sections if s.kind is SectionKind.PLAN and s.year), None)
    if review is None and plan is None:
        year = _YEAR.search(title) or _YEAR_IN_NAME.search(PurePath(source_name).stem)
        plan = int(year.group(1)) if year else None
    if review is None and plan is not None:
        review = plan - 1
    if plan is None and review is not None:
        plan = review + 1
    return review, plan
