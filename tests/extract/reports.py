"""Small reports written for tests, and mentions placed on them by name."""

from __future__ import annotations

from kg.records import EntityType, Mention, Report
from kg.text.reading import Source
from kg.text.segment import segment_report

PRJ, ORG, PLC = EntityType.PROJECT, EntityType.ORGANIZATION, EntityType.PLACE


def make_report(review: str = "", plan: str = "", *, region: str = "青溪区") -> Report:
    """A report with a 2023 review section and a 2024 plan section holding the given text."""
    text = (
        f"2024年{region}人民政府工作报告\n"
        f"一、2023年工作回顾\n{review}\n"
        f"二、2024年工作安排\n{plan}\n"
    )
    return segment_report(Source("test.txt", text, "0" * 64, "utf-8"))


def mentions_for(report: Report, names: dict[str, EntityType]) -> list[Mention]:
    """A mention for every occurrence of each name, longest names first, never overlapping."""
    mentions: list[Mention] = []
    for sentence in report.sentences:
        taken: list[tuple[int, int]] = []
        for name in sorted(names, key=len, reverse=True):
            start = sentence.text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(start < e and s < end for s, e in taken):
                    taken.append((start, end))
                    mentions.append(
                        Mention(
                            sentence.index,
                            sentence.start + start,
                            sentence.start + end,
                            name,
                            names[name],
                        )
                    )
                start = sentence.text.find(name, end)
    return sorted(mentions, key=lambda m: m.start)
