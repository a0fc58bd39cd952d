"""Benchmark of the bundled queries (a script, not a test): ``python benchmarks/queries.py``.

Builds the corpus (default ../shared/corpus/provinces-2026) to N-Quads and Turtle, loads the
N-Quads into an on-disk store, then times, on each of the three inputs, ``kg query INPUT
QUERY`` for every bundled query (its required parameters from the example in its header)
against the same command with ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }``: the whole
command, as a user waits for it (start-up, loading the file, the query, printing the table).
Each round times the count and then every query; a query's ratio is the median over the rounds
of its time against the count of the same round (the shared machine's speed drifts from minute
to minute). The query alone, inside one process, is timed too, for information.

Writes ``benchmarks/queries.md`` (the table the docs quote) and ``benchmarks/queries.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
KG = str(Path(sys.executable).with_name("kg"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
TARGET = 3.0
INPUTS = ("nq", "ttl", "store")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/provinces-2026")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "queries.md")
    args = parser.parse_args()

    from kg.query import bundled_queries

    queries = bundled_queries()
    with tempfile.TemporaryDirectory(prefix="kg-query-bench-") as tmp:
        work = Path(tmp)
        paths = prepare(args.corpus, work)
        load_average = os.getloadavg()[0]
        commands: dict[str, dict[str, list[float]]] = {k: {} for k in INPUTS}
        rows: dict[str, dict[str, int]] = {k: {} for k in INPUTS}
        for round_ in range(args.rounds):
            for kind in INPUTS:
                for name, text, params in [("count", COUNT, []), *named(queries)]:
                    elapsed, count = run_command(paths[kind], kind, text, params)
                    commands[kind].setdefault(name, []).append(elapsed)
                    rows[kind][name] = count
            print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
        alone = {kind: time_in_process(paths[kind], kind, queries) for kind in INPUTS}
    results = summarize(commands, rows, alone, [q.name for q in queries])
    meta = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        ),
        "load_average": round(load_average, 2),
        "rounds": args.rounds,
        "corpus": str(args.corpus),
    }
    args.out.write_text(markdown(results, meta), encoding="utf-8")
    args.out.with_suffix(".json").write_text(
        json.dumps({"meta": meta, "results": results}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(args.out.read_text(encoding="utf-8"))


def prepare(corpus: Path, work: Path) -> dict[str, Path]:
    """The corpus built to N-Quads and Turtle, and the N-Quads loaded into a store."""
    out = work / "corpus"
    subprocess.run(
        [KG, "build", str(corpus), "-o", str(out), "-f", "nquads", "-f", "turtle"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    store = work / "store"
    subprocess.run(
        [KG, "load", str(out / "graph.nq"), "--store", str(store)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return {"nq": out / "graph.nq", "ttl": out / "graph.ttl", "store": store}


def named(queries: tuple[object, ...]) -> list[tuple[str, str, list[str]]]:
    """(name, what to pass as QUERY, --param arguments) for each bundled query."""
    runs = []
    for query in queries:
        params = []
        for parameter in query.required:  # type: ignore[attr-defined]
            params += ["--param", parameter.example]
        runs.append((query.name, query.name, params))  # type: ignore[attr-defined]
    return runs


def run_command(source: Path, kind: str, query: str, params: list[str]) -> tuple[float, int]:
    """Seconds ``kg query`` took, from start to its last line, and the rows it printed."""
    where = ["--store", str(source)] if kind == "store" else [str(source)]
    start = time.perf_counter()
    done = subprocess.run(
        [KG, "query", *where, query, *params], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"kg query {query} on {kind} failed: {done.stderr.strip()}")
    last = done.stdout.rstrip().rsplit("\n", 1)[-1]  # "(12 rows)"
    return elapsed, int(last.strip("()").split()[0])


def time_in_process(source: Path, kind: str, queries: tuple[object, ...]) -> dict[str, float]:
    """The query alone (median of three), in one process that loaded the input once."""
    from kg.query import load_store, parse_bindings, run_query
    from kg.store import open_store

    store = open_store(source, read_only=True) if kind == "store" else load_store([source])
    times = {}
    for name, text, params in [("count", COUNT, []), *named(queries)]:
        from kg.query import read_query

        query = read_query(text)
        bindings = parse_bindings(params[1::2])
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            run_query(store, query, bindings)
            runs.append(time.perf_counter() - start)
        times[name] = statistics.median(runs)
    del store
    return times


def summarize(
    commands: dict[str, dict[str, list[float]]],
    rows: dict[str, dict[str, int]],
    alone: dict[str, dict[str, float]],
    names: list[str],
) -> dict[str, dict[str, dict[str, float]]]:
    results: dict[str, dict[str, dict[str, float]]] = {}
    for kind in INPUTS:
        counts = commands[kind]["count"]
        results[kind] = {}
        for name in ["count", *names]:
            times = commands[kind][name]
            ratios = [t / c for t, c in zip(times, counts, strict=True)]
            results[kind][name] = {
                "seconds": round(statistics.median(times), 3),
                "ratio": round(statistics.median(ratios), 2),
                "ratio_max": round(max(ratios), 2),
                "rows": rows[kind][name],
                "alone_seconds": round(alone[kind][name], 4),
            }
    return results


def markdown(results: dict[str, dict[str, dict[str, float]]], meta: dict[str, object]) -> str:
    names = list(results["nq"])
    lines = [
        f"Measured {meta['when']} on {meta['machine']} (load average {meta['load_average']} at "
        f"start), `python benchmarks/queries.py`, {meta['rounds']} rounds on "
        "`../shared/corpus/provinces-2026` (31 reports). Each cell: the `kg query` command's "
        "time against the plain count's (`SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`) on the "
        f"same input, median of the rounds (worst round in brackets), target <= {TARGET:g}x; "
        "then the command's seconds, and the query alone inside one process.",
        "",
        "| query | rows | `.nq` | `.ttl` | `--store` |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in names:
        cells = []
        for kind in INPUTS:
            cell = results[kind][name]
            ratio = f"**{cell['ratio']:.2f}x** ({cell['ratio_max']:.2f}x); "
            alone = f"{cell['seconds']:.2f} s; alone {1000 * cell['alone_seconds']:.0f} ms"
            cells.append(alone if name == "count" else ratio + alone)
        label = "plain count (the baseline)" if name == "count" else f"`{name}`"
        lines.append(f"| {label} | {results['nq'][name]['rows']} | " + " | ".join(cells) + " |")
    over = [
        f"{name} on {kind}"
        for kind in INPUTS
        for name in names
        if name != "count" and results[kind][name]["ratio"] > TARGET
    ]
    lines += ["", f"Over {TARGET:g}x: {', '.join(over) if over else 'none'}.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
