"""Load graph files into an in-memory store and run a SPARQL query with bound parameters.

Values from users never become query text: ``--param name=VALUE`` binds the variable ``?name``
(SPARQL 1.1 substitution, as with VALUES), so a value cannot change what the query does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from kg.errors import ConfigError, InputError
from kg.query.catalog import find_query, parse_header
from kg.rdf.files import read_quads
from kg.rdf.iris import prefixes
from kg.rdf.namespaces import DEFAULT_BASE

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BUNDLED = re.compile(r"[a-z0-9][a-z0-9-]*")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query gave: rows of a SELECT, the answer of an ASK, or triples of a CONSTRUCT."""

    kind: Literal["select", "ask", "construct"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    cut_at: int | None = None  # rows a server stopped at, by its own limit (Virtuoso's)


def load_store(paths: Sequence[str | Path]) -> ox.Store:
    """An in-memory store holding every file's triples (named graphs kept as they are)."""
    store = ox.Store()
    store.bulk_extend(read_quads(paths))
    return store


def read_query(query: str) -> str:
    """The query text: ``query`` itself, the ``.rq`` file it names, or a bundled query's name.

    ``plan-targets`` is the bundled ``ontology/queries/plan-targets.rq``; a name that is no
    bundled query is an ``InputError`` that suggests the closest.
    """
    if query.endswith((".rq", ".sparql")):
        path = Path(query)
    elif _BUNDLED.fullmatch(query):  # a name, never SPARQL: unknown, the closest is suggested
        path = find_query(query).path
    else:
        return query
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such query file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None


def parse_bindings(pairs: Sequence[str]) -> dict[str, Term]:
    """``name=value`` pairs: ``<…>`` is an IRI, anything else a plain string literal."""
    bindings: dict[str, Term] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _NAME.fullmatch(name):
            raise ConfigError(f"--param {pair!r}: expected NAME=VALUE (e.g. project=芙蓉河大桥)")
        if value.startswith("<") and value.endswith(">"):
            try:
                bindings[name] = ox.NamedNode(value[1:-1])
            except ValueError:
                raise ConfigError(f"--param {pair!r}: not a valid IRI") from None
        else:
            bindings[name] = ox.Literal(value)
    return bindings


def check_parameters(query: str, bindings: Mapping[str, Term], name: str = "query") -> None:
    """``ConfigError`` naming a parameter that the query's header says is required and
    ``bindings`` leave unbound (unbound, it would match nothing, silently)."""
    parse_header(query, Path(name)).check_bound(bindings.keys())


def run_query(
    store: ox.Store,
    query: str,
    bindings: Mapping[str, Term] | None = None,
    *,
    base: str = DEFAULT_BASE,
) -> QueryResult:
    """Run ``query`` with ``bindings`` substituted.

    The default graph is the union of the named graphs when nothing was loaded into it (a
    corpus in N-Quads or TriG: a graph per report), so ordinary queries need no ``GRAPH``.
    """
    substitutions = {ox.Variable(name): value for name, value in (bindings or {}).items()}
    union = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    try:
        answer = store.query(
            query,
            prefixes=prefixes(base),
            use_default_graph_as_union=union,
            substitutions=substitutions,
        )
    except SyntaxError as error:
        first_line = str(error).splitlines()[0] if str(error) else "syntax error"
        raise InputError(f"invalid SPARQL query: {first_line[:200]}") from None
    except RuntimeError as error:  # e.g. a --param whose variable the query does not select
        raise ConfigError(f"cannot run the query: {error}") from None
    except OSError as error:
        raise InputError(f"query failed: {error}") from None
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("construct", triples=tuple(answer))
    variables = tuple(v.value for v in answer.variables)
    # A solution iterates over its values in the order of the variables (None where unbound):
    # much faster than looking each variable up, on answers of a hundred thousand cells.
    rows = tuple(map(tuple, answer))
    return QueryResult("select", variables=variables, rows=rows)
