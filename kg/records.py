"""The plain records passed between pipeline stages.

Every record is a frozen dataclass. Offsets are character offsets into ``Report.text``, the
decoded source file exactly as read (no newline translation, BOM removed), so that
``report.text[start:end]`` gives back what a record points at.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class SectionKind(StrEnum):
    """What part of a report a section is: the past year, the coming year, or neither."""

    PREAMBLE = "preamble"  # before any heading: title, date, site header
    REVIEW = "review"  # 工作回顾: what was done
    OUTLOOK = "outlook"  # 五年规划 targets: intentions beyond the coming year
    PLAN = "plan"  # 工作安排 / 工作计划 / 重点工作: the coming year
    OTHER = "other"  # 政府自身建设 and the like


class EntityType(StrEnum):
    PROJECT = "Project"
    ORGANIZATION = "Organization"
    PLACE = "Place"


class Status(StrEnum):
    """Lifecycle status of an action, mapped to schema.org action statuses."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"


class MetricKind(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class Section:
    index: int
    kind: SectionKind
    title: str
    start: int
    end: int
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    section_index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph_index: int
    section_index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Report:
    """A decoded, cleaned and segmented report."""

    source_name: str
    text: str
    checksum: str  # sha256 of the source bytes
    title: str
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    region: str | None = None
    review_year: int | None = None
    plan_year: int | None = None
    # Spans inside paragraphs that are no report text (a page number, a site's watermark),
    # sorted: the extractors read around them (kg.text.view).
    skipped: tuple[tuple[int, int], ...] = ()
    traditional: bool = False  # written in traditional characters (秀洲區)

    def section_of(self, sentence: Sentence) -> Section:
        return self.sections[sentence.section_index]


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a named entity in a sentence."""

    sentence_index: int
    start: int
    end: int
    text: str
    type: EntityType
    # Extra types a careful reader could defend (岳麓山实验室: Organization and Project).
    other_types: tuple[EntityType, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One distinct entity of a report: all its mentions under one canonical label."""

    key: str  # normalized label, unique per (key, type) in a report
    label: str
    type: EntityType
    alt_labels: tuple[str, ...] = ()
    other_types: tuple[EntityType, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, as written and in the base unit."""

    text: str
    start: int
    end: int
    value: Decimal  # as written: 3.6 for 3.6万平方米
    unit: str  # as written, magnitude included: 万平方米
    base_value: Decimal  # 36000
    base_unit: str  # 平方米
    qualifier: str = ""  # 超, 达, 以上, 余, 近, 约, 左右, 突破, 力争
    # Written in Chinese numerals (三个, 两千亿元): outside the gold's metrics, kept for the graph.
    chinese_numerals: bool = False
    # The upper bound of a range (3-5万元: value 3, value_max 5), as written and in the base unit.
    value_max: Decimal | None = None
    base_value_max: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Metric:
    """A quantity in context: what it measures, of what, and whether it is a target."""

    sentence_index: int
    quantity: Quantity
    kind: MetricKind
    measure: str = ""  # 盘活低效用地, 地区生产总值
    direction: str = ""  # increase / decrease, from 增长 / 下降
    basis: str = ""  # 同比, 较上年
    entity_key: str | None = None
    entity_type: EntityType | None = None
    year: int | None = None  # the year the value is for: the section's, or one written (到2030年)


@dataclass(frozen=True, slots=True)
class Action:
    """A verb acting on entities, with its lifecycle status."""

    sentence_index: int
    start: int
    end: int
    verb: str
    status: Status
    objects: tuple[tuple[str, EntityType], ...]  # (entity key, type)
    agent: tuple[str, EntityType] | None = None
    place: tuple[str, EntityType] | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the pipeline found in one report."""

    report: Report
    entities: tuple[Entity, ...] = ()
    metrics: tuple[Metric, ...] = ()
    actions: tuple[Action, ...] = ()
