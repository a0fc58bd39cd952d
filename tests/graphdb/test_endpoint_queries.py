"""kg query --endpoint gives the embedded store's rows, on the 31 provincial reports, from an
Oxigraph server (pushed to) and from Virtuoso (bulk-loaded): every bundled query, with and
without its parameters (bound on the server by a VALUES block, by substitution here)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query import read_query, run_query
from kg.query.remote import run_remote_query
from kg.query.run import QueryResult
from kg.rdf.ontology import queries_dir
from tests.graphdb.endpoints import embedded_answer, remote_answer, rows
from tests.graphdb.servers import Virtuoso

ACTION = "<https://w3id.org/govreport-kg/id/action/01a1262c0e848775-1029-1033>"

# Every bundled query, with parameters that give rows on the provincial reports.
CASES: list[tuple[str, dict[str, str]]] = [
    ("compare-regions", {"measure": "地区生产总值"}),
    ("completed-projects-by-place", {}),
    ("completed-projects-by-place", {"region": "上海市"}),
    ("fact-provenance", {}),
    ("fact-provenance", {"fact": ACTION}),
    ("metric-search", {"keyword": "高速"}),
    ("most-mentioned-entities", {}),
    ("most-mentioned-entities", {"type": "Organization"}),
    ("organizations-and-projects", {}),
    ("organizations-and-projects", {"organization": "中国雅江集团"}),
    ("places-and-projects", {}),
    ("places-and-projects", {"place": "上海"}),
    ("plan-targets", {"region": "上海市"}),
    ("project-metrics", {}),
    ("project-metrics", {"project": "深汕比亚迪二期"}),
    ("project-status-timeline", {}),
    ("project-status-timeline", {"project": "江门中微子实验站"}),
    ("report-overview", {}),
    ("projects-by-province", {}),
    ("projects-by-province", {"province": "湖南省"}),
    ("metrics-by-province", {"measure": "地区生产总值"}),
]


def case_id(case: tuple[str, dict[str, str]]) -> str:
    name, params = case
    return "-".join([name, *params])


# Queries of the outcomes kg track writes: the provincial reports (one year each) have none;
# tests/graphdb/test_endpoint_track.py asks them of the State Council's tracked series.
TRACK_QUERIES = frozenset({"plan-vs-outcome", "projects-followed-up"})


def test_every_bundled_query_has_a_case() -> None:
    bundled = {path.stem for path in queries_dir().glob("*.rq")}
    assert {name for name, _ in CASES} == bundled - TRACK_QUERIES


@pytest.fixture(scope="module")
def answers(embedded_corpus: ox.Store) -> dict[str, QueryResult]:
    """The embedded store's answers, computed once for both servers."""
    return {case_id(case): embedded_answer(embedded_corpus, *case) for case in CASES}


@pytest.mark.parametrize("server", ["oxigraph", "virtuoso"])
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_endpoint_answers_as_the_embedded_store(
    request: pytest.FixtureRequest,
    answers: dict[str, QueryResult],
    server: str,
    case: tuple[str, dict[str, str]],
) -> None:
    name, params = case
    if server == "virtuoso":
        endpoint = f"{request.getfixturevalue('virtuoso').url}/sparql"
    else:
        endpoint = f"{request.getfixturevalue('oxigraph_corpus')}/query"
    local = answers[case_id(case)]
    remote = remote_answer(endpoint, name, params)
    assert remote.variables == local.variables
    assert local.rows, "a case that gives no rows compares nothing"
    query = read_query(name)
    assert rows(remote, query, virtuoso=server == "virtuoso") == rows(local, query)
    for key, value in params.items():  # a bound parameter restricts every row it names
        if key in local.variables and not value.startswith("<"):
            column = local.variables.index(key)
            assert {str(row[column].value) for row in remote.rows} == {value}  # type: ignore[union-attr]


def test_hostile_parameters_are_bound_not_pasted(
    virtuoso: Virtuoso, oxigraph_corpus: str, embedded_corpus: ox.Store
) -> None:
    for value in ['G98环岛高速" } UNION { ?entity ?p ?o } #', "x' . ?a ?b ?c", "} ; DROP ALL ; {"]:
        params = {"project": value}
        assert embedded_answer(embedded_corpus, "project-metrics", params).rows == ()
        for endpoint in (f"{virtuoso.url}/sparql", f"{oxigraph_corpus}/query"):
            assert remote_answer(endpoint, "project-metrics", params).rows == ()


def test_ask_and_construct_through_an_endpoint(
    virtuoso: Virtuoso, oxigraph_corpus: str, embedded_corpus: ox.Store
) -> None:
    construct = "CONSTRUCT { ?r rdfs:label ?t } WHERE { ?r a grk:Report ; rdfs:label ?t }"
    local = run_query(embedded_corpus, construct)
    for endpoint in (f"{virtuoso.url}/sparql", f"{oxigraph_corpus}/query"):
        assert run_remote_query(endpoint, "ASK { ?a a grk:Action }").boolean is True
        assert run_remote_query(endpoint, "ASK { ?a a grk:Nothing }").boolean is False
        answer = run_remote_query(endpoint, construct)
        assert answer.kind == "construct"
        assert set(answer.triples) == set(local.triples) and len(set(answer.triples)) == 31
