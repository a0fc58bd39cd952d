"""Ask the same bundled query of the embedded store and of a server; rows to compare."""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter

import pyoxigraph as ox

from kg.query import parse_bindings, read_query, run_query
from kg.query.remote import run_remote_query
from kg.query.run import QueryResult
from tests.test_cli import KG

# GROUP_CONCAT(… ; SEPARATOR="、") AS ?examples: the order of the parts is the engine's.
_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?SEPARATOR\s*=\s*\"([^\"]*)\"\s*\)\s*AS\s*\?(\w+)",
    re.IGNORECASE,
)


def rows(
    result: QueryResult, query: str = "", *, virtuoso: bool = False
) -> Counter[tuple[str, ...]]:
    """The rows as a multiset (an ORDER BY leaves ties in any order), each term written out
    (value, datatype and language: a server must give the same terms, not only equal text).
    The parts of a GROUP_CONCAT of ``query`` are sorted: SPARQL leaves their order open.

    ``virtuoso``: Virtuoso 7.2 writes a GROUP_CONCAT separator beyond ASCII as "?" (、 in
    places-and-projects): a known deviation, documented in docs/graph-databases.md."""
    assert result.kind == "select"
    concatenated = {name: separator for separator, name in _CONCAT.findall(query)}
    written = []
    for row in result.rows:
        cells = []
        for name, term in zip(result.variables, row, strict=True):
            if isinstance(term, ox.Literal) and name in concatenated:
                separator = concatenated[name]
                value = term.value
                if virtuoso and not separator.isascii():
                    value = value.replace("?", separator)
                term = ox.Literal(separator.join(sorted(value.split(separator))))
            cells.append("" if term is None else str(term))
        written.append(tuple(cells))
    return Counter(written)


def embedded_answer(store: ox.Store, name: str, params: dict[str, str]) -> QueryResult:
    bindings = parse_bindings([f"{k}={v}" for k, v in params.items()])
    return run_query(store, read_query(name), bindings)


def remote_answer(endpoint: str, name: str, params: dict[str, str]) -> QueryResult:
    bindings = parse_bindings([f"{k}={v}" for k, v in params.items()])
    return run_remote_query(endpoint, read_query(name), bindings)


def kg(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    """The kg command, the password (if any) in its environment, standard input no terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_ENDPOINT_")}
    if password is not None:
        env["KG_ENDPOINT_PASSWORD"] = password
    return subprocess.run(
        [KG, *args], capture_output=True, text=True, timeout=600, env=env, stdin=subprocess.DEVNULL
    )
