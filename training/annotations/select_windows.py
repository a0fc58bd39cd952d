"""Choose the passages of reports to annotate for the selector's training.

    python -m training.annotations.select_windows

The gold excerpts are short (45,000 characters with the dev texts): the selector is at the
limit of their data. These passages add training data from reports no score is taken on
(``REPORTS``): the 2026 provincial reports but for 湖南 and 广东 (two dev texts are excerpts of
theirs), Shanghai's reports of 2013-2024, Guangdong's of 2024 and 2025 and the State Council's.
The district series (series/districts) is left out: a held-back scored report is among its
texts. Each report gives two windows, one from each half (the review, the plan), of whole lines
(or sentences, where a copy has no line breaks) where names are densest: names of sites, works
and bodies before a list mark, lists of companies and projects (the clauses the statistical
source reads) and 、 lists. The windows are written to skeleton annotation files, which are
kept once written; the names are then annotated by reading, under ../shared/gold/GUIDELINES.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.nlp.sources.statistical import worth_tagging
from kg.text.reading import read_source

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
HERE = Path(__file__).resolve().parent
# (folder of the corpus, file name pattern, names left out, rounds of two windows: the
# later rounds' windows, in <report>.2.json and <report>.3.json, were drawn after the earlier
# rounds were annotated)
REPORTS = (
    ("provinces-2026", "2026-*.txt", ("湖南", "广东"), 3),
    ("series/provinces", "20[12][0-9]-上海市.txt", ("2010", "2011", "2012"), 1),
    ("series/provinces", "202[45]-广东省.txt", (), 1),
    ("series/national", "20*-state-council.txt", ("2022", "2024"), 1),  # the same as national/
    ("national", "20*-state-council.txt", (), 1),
)
# Annotated, but not trained on, as measured (README.md): Shanghai's reports and the third
# windows of the provincial reports.
SET_ASIDE = "set-aside"
WINDOW_CHARS = 1400
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]?")
# The ends of names of sites, works and bodies: where they are dense, names are.
_NAME_END = re.compile(
    r"(?:园|园区|新区|中心|工程|项目|公司|集团|大学|实验室|研究院|港|机场|铁路|高铁|高速|大桥"
    r"|基地|示范区|自贸区|开发区|镇|村)(?=[、，,；;。和及等（(])"
)


def units(text: str) -> list[tuple[int, int]]:
    """The lines of the text, a line longer than a window cut into its sentences."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip() and len(line) <= WINDOW_CHARS:
            spans.append((start, start + len(line)))
        elif line.strip():
            for sentence in _SENTENCE.finditer(line):
                if sentence.group().strip():
                    spans.append((start + sentence.start(), start + sentence.end()))
        start += len(line) + 1
    return spans


def density(text: str) -> float:
    clauses = [c.group() for c in _CLAUSE.finditer(text)]
    listed = 3 * sum(worth_tagging(c) for c in clauses) + text.count("、") / 2
    return (listed + len(_NAME_END.findall(text))) / max(len(text), 200)


def best_window(text: str, spans: list[tuple[int, int]]) -> tuple[float, tuple[int, int]]:
    """The densest run of consecutive ``spans`` of about a window's length, and its score."""
    best, best_score = (0, 0), -1.0
    for i, (start, _) in enumerate(spans):
        end = start
        for _, span_end in spans[i:]:
            if span_end - start > WINDOW_CHARS and end > start:
                break
            end = span_end
        score = density(text[start:end]) * min(end - start, WINDOW_CHARS)
        if score > best_score:
            best, best_score = (start, end), score
    return best_score, best


def free_runs(
    spans: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """The runs of ``spans`` between the windows taken already (a run never crosses one)."""
    runs: list[list[tuple[int, int]]] = [[]]
    for start, end in spans:
        if any(a < end and start < b for a, b in taken):
            runs.append([])
        else:
            runs[-1].append((start, end))
    return [run for run in runs if run]


def windows_of(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One window from each half of the text, outside the windows ``taken``."""
    spans = units(text)
    half = len(text) // 2
    windows = []
    for in_half in (lambda s: s[1] <= half, lambda s: s[0] >= half):
        runs = free_runs([s for s in spans if in_half(s)], taken)
        windows.append(max(best_window(text, run) for run in runs)[1])
    return windows


def main() -> None:
    for folder, pattern, skipped, rounds in REPORTS:
        for path in sorted((CORPUS / folder).glob(pattern)):
            if any(name in path.name for name in skipped):
                continue
            text = read_source(path).text
            taken: list[tuple[int, int]] = []
            for number in range(1, rounds + 1):
                name = f"{path.stem}.json" if number == 1 else f"{path.stem}.{number}.json"
                out = next((f for f in (HERE / name, HERE / SET_ASIDE / name) if f.exists()), None)
                if out is not None:  # annotated already: its windows are fixed
                    taken += [(a, b) for a, b in json.loads(out.read_text("utf-8"))["windows"]]
                    continue
                windows = windows_of(text, taken)
                taken += windows
                skeleton = {
                    "doc": path.name,
                    "corpus": folder,
                    "windows": windows,
                    "entities": None,  # not annotated yet
                    "ignore": [],
                }
                (HERE / name).write_text(
                    json.dumps(skeleton, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
                )
                print(name, windows, [text[a:b][:20] for a, b in windows])


if __name__ == "__main__":
    main()
