"""One set of counts: the build line, the page and the graph count the same things (the merged
graph's distinct resources per type), and kg.rdf.counts' SPARQL query agrees."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.counts import COUNT_QUERY, COUNTED
from kg.rdf.namespaces import GRK
from tests.conftest import SAMPLE, SEED

KG = str(Path(sys.executable).with_name("kg"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("counts")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0"}
    result = subprocess.run(
        [KG, "build", str(SAMPLE), str(SEED), "-o", str(out), "-j", "1"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    return result.stdout.splitlines()[0], out


def test_build_line_page_and_graph_count_the_same(built: tuple[str, Path]) -> None:
    line, out = built
    from_line = {name: int(n) for name, n in re.findall(r"(\w+) (\d+)(?:,|;)", line)}
    assert list(from_line) == list(COUNTED)  # in their order, entities first

    html = (out / "graph.html").read_text(encoding="utf-8")
    script = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert script is not None
    page = json.loads(script.group(1))
    # Counted again from the page's own nodes: an entity once under each of its types.
    from_nodes = {name: 0 for name in ("Project", "Organization", "Place")}
    for node in page["nodes"]:
        for kind in {node["type"], *node["otherTypes"]}:
            from_nodes[kind] += 1
    from_nodes.update(Action=len(page["actions"]), Metric=len(page["metrics"]))

    graph = Graph().parse(out / "graph.ttl")
    # Independently of kg's readers: rdflib's SPARQL, one class at a time.
    from_graph = {
        name: int(
            next(
                iter(
                    graph.query(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{GRK[name]}> }}")
                )
            )[0]  # type: ignore[index]
        )
        for name in COUNTED
    }
    by_query = {str(row[0]): int(row[1]) for row in graph.query(COUNT_QUERY, initNs={"grk": GRK})}  # type: ignore[index]

    assert from_line == page["counts"] == from_nodes == from_graph == by_query
    assert from_line["Project"] > 0 and from_line["Metric"] > 0
