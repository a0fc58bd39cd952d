"""The bundled queries rewritten for speed answer as before, and the same from every input.

``tests/data/queries-before/`` keeps each query as it was before it was rewritten (subqueries
that aggregate before joining, no OPTIONAL fan-out): on the sample report the old and the new
give the same rows. Their speed on the corpus is measured by ``benchmarks/queries.py``, never
asserted here. A corpus in N-Quads is queried through the union of its named graphs, where a
triple of several reports' graphs (an entity's label, the tool that built them) stands once
per graph: every bundled query gives the same rows from the N-Quads as from the merged Turtle.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.query import QueryResult, bundled_queries, load_store, parse_bindings, run_query
from kg.query.catalog import BundledQuery
from kg.query.run import Term
from tests.conftest import ROOT, SAMPLE, SEED
from tests.rdf.builds import FIXED_BUILD, sample_graph

BEFORE = ROOT / "tests" / "data" / "queries-before"
QUERIES = {query.name: query for query in bundled_queries()}


def answer(result: QueryResult) -> Counter[tuple[str | None, ...]]:
    """The rows as a multiset; a GROUP_CONCAT's items sorted (their order is unspecified)."""

    def cell(term: object) -> str | None:
        if term is None:
            return None
        value = str(getattr(term, "value", term))
        for separator in ("、", ", "):
            if separator in value:
                return separator.join(sorted(value.split(separator)))
        return value

    return Counter(tuple(cell(term) for term in row) for row in result.rows)


def in_order(result: QueryResult) -> list[tuple[str | None, ...]]:
    """The rows in their order, each as ``answer`` writes it."""
    return [
        next(iter(answer(QueryResult("select", result.variables, (row,))))) for row in result.rows
    ]


def example_bindings(query: BundledQuery, *, optional: bool = False) -> dict[str, Term]:
    """The header's example value of each required parameter (and optional ones, if asked;
    not an example IRI such as <https://...>)."""
    pairs = [p.example for p in query.parameters if p.example and (p.required or optional)]
    return parse_bindings([pair for pair in pairs if not pair.endswith("...>")])


@pytest.fixture(scope="module")
def sample_store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(sample_graph().quads())
    return store


def test_every_rewritten_query_has_its_former_text() -> None:
    before = {path.stem for path in BEFORE.glob("*.rq")}
    assert before and before <= set(QUERIES)


@pytest.mark.parametrize("optional", [False, True], ids=["no-parameter", "with-parameters"])
@pytest.mark.parametrize("path", sorted(BEFORE.glob("*.rq")), ids=lambda p: p.stem)
def test_rewritten_query_gives_the_same_rows(
    sample_store: ox.Store, path: Path, optional: bool
) -> None:
    query = QUERIES[path.stem]
    bindings = example_bindings(query, optional=optional)
    old = run_query(sample_store, path.read_text(encoding="utf-8"), bindings)
    new = run_query(sample_store, query.path.read_text(encoding="utf-8"), bindings)
    assert new.variables == old.variables
    assert answer(new) == answer(old)
    assert in_order(new) == in_order(old)  # sorted as before
    assert new.rows, "the sample answers every query: an empty answer would prove nothing"


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ox.Store]:
    out = tmp_path_factory.mktemp("two-reports")
    build([SAMPLE, SEED], out, formats=["turtle", "nquads"], build_info=FIXED_BUILD)
    return {name: load_store([out / f"graph.{name}"]) for name in ("ttl", "nq")}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_n_quads_and_turtle_give_the_same_rows(two_reports: dict[str, ox.Store], name: str) -> None:
    query = QUERIES[name]
    text = query.path.read_text(encoding="utf-8")
    bindings = example_bindings(query)
    merged = run_query(two_reports["ttl"], text, bindings)
    union = run_query(two_reports["nq"], text, bindings)
    assert answer(union) == answer(merged)
