"""Benchmarks of govreport-kg (a script, not a test): run ``python benchmarks/run.py``.

Measures, on one machine in one run:
1. ``kg build``'s work end to end in one process (read, extract, graph, write Turtle and HTML)
   against ``jieba.lcut`` alone on the same texts, the floor; start-up (imports, dictionaries,
   pipeline) excluded from both; the same with two workers; plus the time of each stage. The
   one process parses reports into its store on a second thread (pyoxigraph runs without the
   GIL), so its CPU time is reported next to its wall time.
2. Throughput of ``kg build`` on the corpus (default ../shared/corpus/provinces-2026) with 1 and
   2 worker processes, and on ten copies of it; peak memory of the whole process tree.
3. SPARQL latency of a group-by query on the store loaded with the ten copies' N-Quads.

Writes a Markdown table to ``benchmarks/results.md`` (and the raw numbers to results.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
KG = str(Path(sys.executable).with_name("kg"))
# Metrics per region over the corpus: each report's graph holds its metrics and its region.
GROUP_BY = """
SELECT ?region (COUNT(?metric) AS ?metrics) (COUNT(DISTINCT ?report) AS ?reports) WHERE {
  GRAPH ?report { ?metric a grk:Metric . ?report grk:region ?region }
} GROUP BY ?region ORDER BY DESC(?metrics)
"""
# The same answer through the union of the graphs and the provenance path (no GRAPH).
GROUP_BY_UNION = """
SELECT ?region (COUNT(?metric) AS ?metrics) (COUNT(DISTINCT ?report) AS ?reports) WHERE {
  ?metric a grk:Metric ; prov:wasDerivedFrom/grk:inReport ?report .
  ?report grk:region ?region .
} GROUP BY ?region ORDER BY DESC(?metrics)
"""


def peak_rss_of_tree(command: list[str]) -> tuple[float, int]:
    """Run ``command``; return its wall time and the peak memory (bytes, PSS) of its tree."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    start = time.perf_counter()
    sampler.start()
    _, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {stderr.decode()}")
    return elapsed, peak


def _tree_rss(root: int) -> int:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        current = frontier.pop()
        for pid, parent in parents.items():
            if parent == current and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    # PSS: pages shared by the forked workers (the loaded pipeline) are counted once in all.
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def floor_and_end_to_end(files: list[Path], runs: int) -> dict[str, object]:
    import jieba

    from kg.build import build
    from kg.corpus.task import warm_up
    from kg.text.reading import source_from_bytes

    warm_up()  # start-up excluded: jieba's dictionary and the spaCy pipeline are loaded
    texts = [source_from_bytes(p.read_bytes(), p.name).text for p in files]
    # The floor, one worker and two workers in turn in each run, so that all three meet the
    # same machine load (a shared machine's speed drifts by 10 % from minute to minute).
    floor: list[float] = []
    seconds: dict[int, list[float]] = {1: [], 2: []}
    cpu: list[float] = []  # the one-worker build's CPU time, its store-loading thread included
    for _ in range(runs):
        start = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        floor.append(time.perf_counter() - start)
        for workers in seconds:
            with tempfile.TemporaryDirectory() as out:
                start, start_cpu = time.perf_counter(), time.process_time()
                build(files, out, formats=("turtle", "html"), workers=workers, use_cache=False)
                seconds[workers].append(time.perf_counter() - start)
                if workers == 1:
                    cpu.append(time.process_time() - start_cpu)
    # Each run's build over the floor measured just before it, and its two-worker build against
    # its one-worker build: the median of these paired ratios is the result (the ratio of the
    # best times could pair a build from a quiet minute with a floor from a busy one).
    per_run = [build / lcut for build, lcut in zip(seconds[1], floor, strict=True)]
    speedups = [one / two for one, two in zip(seconds[1], seconds[2], strict=True)]
    cpu_per_run = [used / lcut for used, lcut in zip(cpu, floor, strict=True)]
    return {
        "characters": sum(len(t) for t in texts),
        "runs": runs,
        "jieba_lcut_s": min(floor),
        "kg_build_s": min(seconds[1]),
        "ratio": statistics.median(per_run),
        "ratio_per_run": per_run,
        "kg_build_cpu_s": min(cpu),
        "cpu_ratio": statistics.median(cpu_per_run),
        "kg_build_2_workers_s": min(seconds[2]),
        "speedup_2_workers": statistics.median(speedups),
        "speedup_per_run": speedups,
    }


def _burn(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def machine_parallelism() -> float:
    """How much faster two processes burn CPU than one on this machine right now (2.0 on two
    idle cores): the ceiling for any two-worker speedup measured in the same run."""
    import multiprocessing

    work = 10_000_000
    start = time.perf_counter()
    _burn(work)
    _burn(work)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [work, work])
        parallel = time.perf_counter() - start
    return serial / parallel


def copies(corpus: Path, count: int, into: Path) -> Path:
    """``count`` copies of the corpus, each file marked so that every copy is its own report."""
    target = into / f"{corpus.name}-x{count}"
    for index in range(count):
        folder = target / f"copy-{index:02d}"
        folder.mkdir(parents=True)
        for path in sorted(corpus.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            (folder / path.name).write_text(f"（副本{index}）\n{text}", encoding="utf-8")
    return target


def query_latency(store: Path, runs: int, query: str = GROUP_BY) -> dict[str, float]:
    import pyoxigraph as ox

    from kg.query.run import run_query

    opened = ox.Store.read_only(str(store))
    times = []
    rows = 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = len(run_query(opened, query).rows)
        times.append(time.perf_counter() - start)
    return {"query_median_s": statistics.median(times), "query_max_s": max(times), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/provinces-2026")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="runs of each command")
    parser.add_argument(
        "--pairs", type=int, default=9, help="paired runs of the floor and the builds"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    results: dict[str, object] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "load_average_at_start": os.getloadavg()[0],
        "reports": len(files),
    }

    print("1/4 floor (jieba.lcut) vs end to end, one process ...", file=sys.stderr)
    results["single"] = floor_and_end_to_end(files, args.pairs)
    from benchmarks.stages import stage_times

    results["stages"] = stage_times(files)

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        print("2/4 corpus with 1 and 2 workers ...", file=sys.stderr)
        results["parallelism_before"] = machine_parallelism()
        for workers in (1, 2):
            times = []
            peak = 0
            for run in range(args.runs):
                out = work / f"w{workers}-{run}"
                elapsed, rss = peak_rss_of_tree(
                    [
                        KG,
                        "build",
                        str(args.corpus),
                        "-o",
                        str(out),
                        "-j",
                        str(workers),
                        "--no-cache",
                    ]
                )
                times.append(elapsed)
                peak = max(peak, rss)
            results[f"workers_{workers}"] = {"seconds": min(times), "peak_rss_bytes": peak}
        results["parallelism_after"] = machine_parallelism()

        print(f"3/4 {args.copies} copies with 2 workers ...", file=sys.stderr)
        big = copies(args.corpus, args.copies, work)
        out = work / "big"
        elapsed, rss = peak_rss_of_tree(
            [KG, "build", str(big), "-o", str(out), "-j", "2", "--no-cache",
             "-f", "turtle", "-f", "nquads"]
        )  # fmt: skip
        characters = sum(len(p.read_text(encoding="utf-8")) for p in big.rglob("*.txt"))
        results["copies"] = {
            "count": args.copies,
            "reports": len(list(big.rglob("*.txt"))),
            "characters": characters,
            "seconds": elapsed,
            "peak_rss_bytes": rss,
        }

        print("4/4 load the N-Quads and query ...", file=sys.stderr)
        store = work / "store"
        start = time.perf_counter()
        subprocess.run([KG, "load", str(out / "graph.nq"), "--store", str(store)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        results["load_s"] = time.perf_counter() - start
        results["query"] = query_latency(store, runs=5)
        results["query_union"] = query_latency(store, runs=5, query=GROUP_BY_UNION)
        results["store_bytes"] = sum(p.stat().st_size for p in store.rglob("*") if p.is_file())
        shutil.rmtree(big)

    (args.out.with_suffix(".json")).write_text(json.dumps(results, indent=2), encoding="utf-8")
    args.out.write_text(render(results), encoding="utf-8")
    print(render(results))


def render(r: dict) -> str:  # type: ignore[type-arg]
    single, stages, copies_ = r["single"], r["stages"], r["copies"]
    w1, w2 = r["workers_1"], r["workers_2"]
    gib = 1024**3
    chars = single["characters"]
    lines = [
        f"Measured {r['date']} on {r['machine']} (load average {r['load_average_at_start']:.2f} "
        f"at start), `python benchmarks/run.py`. Ratios are the median of {single['runs']} "
        f"paired runs (each build against the floor or the one-worker build measured just "
        f"before it), their range in parentheses; times are the best run.",
        "",
        "| measure | result | target |",
        "| --- | --- | --- |",
        f"| `jieba.lcut` alone on the {r['reports']} reports ({chars:,} characters) | "
        f"{single['jieba_lcut_s']:.2f} s | the floor |",
        f"| `kg build` end to end, one process (read, extract, graph, Turtle + HTML) | "
        f"**{single['ratio']:.2f}x** the floor ({_range(single['ratio_per_run'])}); "
        f"{single['kg_build_s']:.2f} s | <= 8x with the tagger in the loop |",
        f"| the same build's CPU time (its thread that loads the store included) | "
        f"{single['cpu_ratio']:.2f}x the floor; {single['kg_build_cpu_s']:.2f} s | |",
        f"| the same with 2 workers (start-up excluded: forked from the loaded process) | "
        f"**{single['speedup_2_workers']:.2f}x** faster than 1 "
        f"({_range(single['speedup_per_run'])}); {single['kg_build_2_workers_s']:.2f} s | "
        f">= 1.6x |",
        f"| corpus, 1 worker (`kg build -j 1`, start-up included) | {w1['seconds']:.1f} s, "
        f"{chars / w1['seconds']:,.0f} chars/s | |",
        f"| corpus, 2 workers (`-j 2`) | {w2['seconds']:.1f} s: "
        f"**{w1['seconds'] / w2['seconds']:.2f}x** faster than 1 (start-up included) | |",
        f"| the machine's own two-process speedup on pure CPU work, before / after | "
        f"{r['parallelism_before']:.2f}x / {r['parallelism_after']:.2f}x | 2x on idle cores |",
        f"| {copies_['count']} copies ({copies_['reports']} reports, "
        f"{copies_['characters']:,} characters), 2 workers, Turtle + N-Quads | "
        f"{copies_['seconds']:.1f} s, "
        f"{copies_['characters'] / copies_['seconds']:,.0f} chars/s | |",
        f"| peak memory, {copies_['count']} copies (process tree) | "
        f"**{copies_['peak_rss_bytes'] / gib:.2f} GiB** | < 2 GiB |",
        f"| peak memory, corpus, 1 / 2 workers | {w1['peak_rss_bytes'] / gib:.2f} / "
        f"{w2['peak_rss_bytes'] / gib:.2f} GiB | |",
        f"| `kg load` of the {copies_['count']} copies' N-Quads | {r['load_s']:.1f} s, store "
        f"{r['store_bytes'] / 1024**2:.0f} MiB | |",
        f"| group-by query on that store: metrics per region, `GRAPH ?report {{…}}` "
        f"(median of 5) | **{r['query']['query_median_s'] * 1000:.0f} ms** (max "
        f"{r['query']['query_max_s'] * 1000:.0f} ms) | < 1 s |",
        f"| the same through the union of the graphs and `prov:wasDerivedFrom/grk:inReport` | "
        f"{r['query_union']['query_median_s'] * 1000:.0f} ms | |",
        "",
        "Where the one-process time goes (same texts, seconds):",
        "",
        "| stage | seconds | share |",
        "| --- | --- | --- |",
    ]
    total = sum(stages.values())
    for stage, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} |")
    lines.append(f"| all stages | {total:.2f} | |")
    return "\n".join(lines) + "\n"


def _range(ratios: list[float]) -> str:
    return f"{min(ratios):.2f}x to {max(ratios):.2f}x"


if __name__ == "__main__":
    main()
