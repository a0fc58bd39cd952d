"""Make a query ready for a remote endpoint: its form, the project's prefixes, bound parameters.

The SPARQL 1.1 protocol has no way to pass bindings beside the query, so a value is bound with a
``VALUES`` block, written as an RDF term by pyoxigraph (quotes and backslashes escaped), at the
end of the query's ``WHERE`` group and at the start of every subquery's. Every filter of those
groups sees the value and each solution must agree with it: the answers of the embedded store's
substitution for the bundled queries (a test compares them). A value is never spliced into the
text around it, so it cannot change what the query does.

The text is only scanned, not parsed: comments, strings and IRIs are skipped so that a brace or
a ``#`` inside them is not taken for syntax; the server parses the query.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox

from kg.errors import ConfigError, InputError

QueryForm = Literal["select", "ask", "construct", "describe"]
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<open>\{) | (?P<close>\})
    | (?P<variable>[?$][A-Za-z0-9_\u00b7\u00c0-\ufffd]+)
    | (?P<word>[A-Za-z_][A-Za-z0-9_-]*)
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_FORMS: dict[str, QueryForm] = {
    "select": "select",
    "ask": "ask",
    "construct": "construct",
    "describe": "describe",
}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    start: int
    depth: int  # braces open before the token


def _tokens(query: str) -> Iterator[_Token]:
    depth = 0
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup or "other"
        if kind == "close":
            depth -= 1
        yield _Token(kind, match.group(), match.start(), depth)
        if kind == "open":
            depth += 1


def query_form(query: str) -> QueryForm:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside any group."""
    for token in _tokens(query):
        if token.kind == "word" and token.depth == 0 and token.text.lower() in _FORMS:
            return _FORMS[token.text.lower()]
    raise InputError("invalid SPARQL query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")


def with_prefixes(query: str, prefixes: Mapping[str, str]) -> str:
    """``query`` after PREFIX declarations of ``prefixes`` (its own, coming later, win).

    They go on the query's first line, so that a server's error gives the query's line numbers.
    """
    declarations = "".join(f"PREFIX {name}: <{iri}> " for name, iri in prefixes.items())
    return declarations + query


def bind_values(query: str, bindings: Mapping[str, Term]) -> str:
    """``query`` with a VALUES block for ``bindings`` closing its WHERE group."""
    if not bindings:
        return query
    tokens = list(_tokens(query))
    variables = {token.text[1:] for token in tokens if token.kind == "variable"}
    for name in bindings:
        if name not in variables:
            raise ConfigError(f"cannot run the query: it has no variable ?{name} to bind")
    close = _where_group_end(tokens)
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({values}) }}\n"
    # A subquery is evaluated before the group around it joins: its filters see a value only
    # from a block of its own (metric-search filters on ?keyword inside two subqueries).
    positions = sorted([close, *_subquery_groups(tokens)], reverse=True)
    for position in positions:
        query = query[:position] + block + query[position:]
    return query


def _subquery_groups(tokens: list[_Token]) -> list[int]:
    """Offsets just inside the WHERE group of every subquery (a WHERE inside braces)."""
    significant = [token for token in tokens if token.kind not in {"comment", "space"}]
    return [
        following.start + 1
        for token, following in itertools.pairwise(significant)
        if token.kind == "word"
        and token.text.lower() == "where"
        and token.depth > 0
        and following.kind == "open"
    ]


def _where_group_end(tokens: list[_Token]) -> int:
    """Offset of the brace that closes the query's WHERE group: the first group at the top
    level after the query form, but for the template of ``CONSTRUCT { … } WHERE { … }``."""
    significant = [token for token in tokens if token.kind not in {"comment", "space"}]
    form_at = next(
        (
            index
            for index, token in enumerate(significant)
            if token.kind == "word" and token.depth == 0 and token.text.lower() in _FORMS
        ),
        None,
    )
    if form_at is not None:
        skip_template = (
            significant[form_at].text.lower() == "construct"
            and form_at + 1 < len(significant)
            and significant[form_at + 1].kind == "open"
        )
        for token in significant[form_at + 1 :]:
            if token.kind == "close" and token.depth == 0:
                if not skip_template:
                    return token.start
                skip_template = False
    raise ConfigError("cannot bind parameters: the query has no WHERE group")
