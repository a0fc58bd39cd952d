"""Parameters for a remote endpoint: a VALUES block closing the WHERE group, the value written
as an RDF term; what the embedded store answers with the block is what it answers with the
value substituted (tests/graphdb compares servers with it on the corpus)."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg.errors import ConfigError, InputError
from kg.query import parse_bindings, read_query, run_query
from kg.query.binding import bind_values, query_form, with_prefixes
from kg.rdf.iris import prefixes
from kg.rdf.namespaces import DEFAULT_BASE
from kg.rdf.ontology import queries_dir
from tests.rdf.builds import sample_graph

HOSTILE = [
    '滨江智造产业园一期" } UNION { ?entity ?p ?o } #',
    "x' . ?a ?b ?c #",
    "} ; DROP ALL ; {",
    'a\\" } #\n} SELECT * WHERE { ?s ?p ?o',
    "\"\"\" '''",
]

FORMS = [
    ("SELECT * WHERE { ?s ?p ?o }", "select"),
    ("# ASK here\nPREFIX a: <http://x/select#> CONSTRUCT { ?s ?p ?o } WHERE {}", "construct"),
    ('  ask { ?s ?p "SELECT" }', "ask"),
    ("DESCRIBE <http://x/a>", "describe"),
]

# query, where the VALUES block must go (the text just before it)
PLACES = [
    ("SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x", "?o "),
    ('SELECT ?x { ?x ?p "}" . { ?x ?q ?r } FILTER(?x < 3) } GROUP BY ?x', "FILTER(?x < 3) "),
    ("SELECT ?x WHERE { ?x ?p ?o # a } in a comment\n}", "# a } in a comment\n"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o } LIMIT 3", "WHERE { ?x ?p ?o "),
    ("SELECT ?x WHERE { ?x ?p ?o } VALUES ?o { 1 }", "?o "),
    ("SELECT ?x WHERE { ?x ?p '''a\n}''' }", "'''a\n}''' "),
]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(sample_graph().quads())
    return store


@pytest.mark.parametrize(("query", "form"), FORMS)
def test_query_form(query: str, form: str) -> None:
    assert query_form(query) == form


def test_no_query_form_is_invalid_sparql() -> None:
    with pytest.raises(InputError, match="expected SELECT"):
        query_form("PREFIX a: <http://x/> { ?s ?p ?o }")


@pytest.mark.parametrize(("query", "before"), PLACES)
def test_values_close_the_where_group(query: str, before: str) -> None:
    bound = bind_values(query, {"x": ox.Literal("v")})
    block = '\n  VALUES (?x) { ("v") }\n'
    assert block in bound
    assert bound.replace(block, "") == query
    assert bound.split(block)[0].endswith(before)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_is_one_escaped_term(value: str) -> None:
    bound = bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": ox.Literal(value)})
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal(value)))
    # The block parses, and binds exactly the value: it finds the one triple holding it.
    rows = list(store.query(bound.replace("?x ?p ?o", "?s ?p ?x")))  # type: ignore[arg-type]
    assert [row["x"] for row in rows] == [ox.Literal(value)]  # type: ignore[index]


@pytest.mark.parametrize("path", sorted(queries_dir().glob("*.rq")), ids=lambda p: p.stem)
def test_bundled_queries_bound_by_values_answer_as_substituted(store: ox.Store, path: str) -> None:
    """Each parameter the bundled queries document, bound both ways on the sample report."""
    params = {
        "region": "青溪区", "project": "芙蓉河大桥", "organization": "临江大学", "keyword": "盘活",
        "measure": "地区生产总值", "type": "Project", "place": "青溪区",
    }  # fmt: skip
    query = read_query(str(path))
    documented = re.search(r"^# Parameters: (.*)$", query, re.M)
    for name, value in params.items():
        if documented is None or f"?{name}" not in documented.group(1):
            continue
        bindings = parse_bindings([f"{name}={value}"])
        substituted = run_query(store, query, bindings)
        joined = run_query(store, bind_values(query, bindings))
        assert sorted(map(str, joined.rows)) == sorted(map(str, substituted.rows)), name


def test_a_parameter_the_query_lacks_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"no variable \?name"):
        bind_values("SELECT ?s WHERE { ?s ?p '?name' }", {"name": ox.Literal("x")})


def test_a_query_without_where_group_cannot_be_bound() -> None:
    with pytest.raises(ConfigError, match="no WHERE group"):
        bind_values("DESCRIBE ?x", {"x": ox.NamedNode("http://x")})


def test_prefixes_keep_the_query_on_its_lines() -> None:
    query = "SELECT ?p\nWHERE { ?p a grk:Project }"
    text = with_prefixes(query, prefixes(DEFAULT_BASE))
    assert text.count("\n") == query.count("\n") and text.endswith(query)
    assert "PREFIX grk: <https://w3id.org/govreport-kg/ontology#>" in text
    assert list(ox.Store().query(text)) == []
