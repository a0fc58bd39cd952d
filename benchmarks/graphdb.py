"""Load times of the corpus into graph databases (a script, not a test).

``python benchmarks/graphdb.py`` builds the 31 provincial reports (N-Quads, Neo4j files,
Virtuoso bulk files), then loads them, timing each way, into: the embedded store (``kg load``),
an Oxigraph server (``oxigraph load``, and ``kg push`` through its Graph Store Protocol
endpoint), Virtuoso (its bulk loader with the generated ``load.isql``, and ``kg push`` with
Digest authentication) and LadybugDB (``kg.store.ladybug``), and runs the check query on each.
Writes ``benchmarks/graphdb-results.md``; docs/graph-databases.md quotes it.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.query.remote import run_remote_query  # noqa: E402
from kg.store.ladybug import cypher, load_neo4j_export  # noqa: E402
from tests.graphdb.servers import OXIGRAPH, oxigraph_server, virtuoso_server  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))
CORPUS = ROOT.parent / "shared" / "corpus" / "provinces-2026"
CHECK = """SELECT (COUNT(DISTINCT ?g) AS ?reports) (COUNT(*) AS ?quads) WHERE {
  GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/govreport-kg/id/report/"))
}"""
CYPHER_CHECK = (
    "MATCH (r:Report) WITH count(r) AS reports MATCH (p:Project) RETURN reports, count(p)"
)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def kg(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([KG, *args], check=True, capture_output=True, env=env)


def check(endpoint: str) -> str:
    row = run_remote_query(endpoint, CHECK).rows[0]
    return f"{row[0].value} reports, {row[1].value} quads"  # type: ignore[union-attr]


def main() -> None:
    rows: list[tuple[str, str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="kg-graphdb-") as scratch:
        root = Path(scratch)
        out = root / "corpus"
        formats = ("nquads", "neo4j", "virtuoso")
        build([CORPUS], out, formats=formats, workers=2, use_cache=False)
        nq = out / "graph.nq"

        seconds = timed(lambda: kg("load", str(nq), "--store", str(root / "embedded")))
        rows.append(("embedded pyoxigraph (RocksDB)", "`kg load graph.nq --store DIR`", seconds,
                     "see `kg query --store`"))  # fmt: skip

        command = [OXIGRAPH, "load", "--location", str(root / "ox-bulk"), "--file", str(nq)]
        seconds = timed(lambda: subprocess.run(command, check=True, capture_output=True))
        with oxigraph_server(root / "ox-bulk", union=True) as server:
            rows.append(("Oxigraph server", "`oxigraph load --file graph.nq`", seconds,
                         check(f"{server}/query")))  # fmt: skip
        with oxigraph_server(root / "ox-push", union=True) as server:
            seconds = timed(lambda: kg("push", str(nq), "--endpoint", f"{server}/store"))
            rows.append(("Oxigraph server", "`kg push graph.nq` (Graph Store Protocol)", seconds,
                         check(f"{server}/query")))  # fmt: skip

        bulk = out / "virtuoso"
        with virtuoso_server(root / "virtuoso-bulk", allowed=[bulk]) as server:
            seconds = timed(lambda: server.isql(script=bulk / "load.isql"))
            rows.append(("Virtuoso 7.2", "`kg build -f virtuoso`, then isql `load.isql`", seconds,
                         check(f"{server.url}/sparql")))  # fmt: skip
        with virtuoso_server(root / "virtuoso-push") as server:
            env = {**os.environ, "KG_ENDPOINT_PASSWORD": server.password}
            endpoint = f"{server.url}/sparql-graph-crud-auth"
            seconds = timed(lambda: kg("push", str(nq), "--endpoint", endpoint, "--user", "dba",
                                       env=env))  # fmt: skip
            rows.append(("Virtuoso 7.2", "`kg push graph.nq --user dba` (Digest)", seconds,
                         check(f"{server.url}/sparql")))  # fmt: skip

        database = root / "corpus.lbdb"
        seconds = timed(lambda: load_neo4j_export(out / "neo4j", database))
        (_, found) = cypher(database, CYPHER_CHECK)
        rows.append(("LadybugDB 0.22 (Cypher)", "`load_neo4j_export(neo4j/, DB)`", seconds,
                     f"{found[0][0]} reports, {found[0][1]} projects"))  # fmt: skip

    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = os.getloadavg()[0]
    lines = [
        f"Measured {when} on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()} (load average {load:.2f} at the end), "
        "`python benchmarks/graphdb.py`: the 31 provincial reports, one run each.",
        "",
        "| store | how | seconds | check query |",
        "| --- | --- | --- | --- |",
        *(f"| {store} | {how} | {time:.1f} | {result} |" for store, how, time, result in rows),
    ]
    text = "\n".join(lines) + "\n"
    (HERE / "graphdb-results.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
