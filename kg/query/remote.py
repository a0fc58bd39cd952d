"""Ask a SPARQL 1.1 query endpoint (Oxigraph server, Virtuoso, Fuseki, QLever) over HTTP.

The query gets the project's prefixes and its parameters bound (``kg.query.binding``), goes
in a POST form (``query=…``), and the answer, SPARQL 1.1 JSON results or N-Triples for a
CONSTRUCT or DESCRIBE, comes back as the same ``QueryResult`` the embedded store gives. A
server that cut the rows at its own limit (Virtuoso's ``ResultSetMaxRows``, which it reports
in a header) sets ``cut_at``.

Queries without ``GRAPH`` see what the server calls its default graph: Virtuoso answers from
all its graphs; start Oxigraph with ``oxigraph serve --union-default-graph`` and Fuseki with
``tdb2:unionDefaultGraph`` to see every report's named graph, as ``kg query`` does locally.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from kg.errors import ServerError
from kg.query.binding import Term, bind_values, query_form, with_prefixes
from kg.query.run import QueryResult
from kg.rdf.iris import prefixes
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store.http import Credentials, Response, check_endpoint, send

TIMEOUT = 300.0  # seconds to wait for an answer when none is given
RESULTS = "application/sparql-results+json"
GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_VIRTUOSO_ASK = "__ASK_RETVAL"  # Virtuoso answers ASK as one variable, one row when true
_VIRTUOSO_CUT = "x-sparql-maxrows"  # sent by Virtuoso when it cut the answer at its limit


def run_remote_query(
    endpoint: str,
    query: str,
    bindings: Mapping[str, Term] | None = None,
    *,
    credentials: Credentials | None = None,
    timeout: float = TIMEOUT,
    base: str = DEFAULT_BASE,
) -> QueryResult:
    """Run ``query`` with ``bindings`` at the SPARQL query ``endpoint``.

    A server that cannot be reached, refuses the query (a syntax error, bad credentials) or
    does not answer within ``timeout`` seconds raises ``ServerError``.
    """
    check_endpoint(endpoint)
    form = query_form(query)
    text = with_prefixes(bind_values(query, bindings or {}), prefixes(base))
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": text}).encode("utf-8"),
        method="POST",
        headers={
            "Accept": RESULTS if form in {"select", "ask"} else GRAPH_TYPES,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    response = send(
        request, endpoint=endpoint, action="query", credentials=credentials, timeout=timeout
    )
    if form in {"construct", "describe"}:
        return QueryResult("construct", triples=_triples(response, endpoint))
    return _solutions(response, endpoint, ask=form == "ask")


def _triples(response: Response, endpoint: str) -> tuple[ox.Triple, ...]:
    rdf_format = ox.RdfFormat.from_media_type(response.content_type)
    if rdf_format is None or rdf_format.supports_datasets:
        raise _not_results(response, endpoint)
    try:
        return tuple(quad.triple for quad in ox.parse(response.body, format=rdf_format))
    except SyntaxError as error:
        raise ServerError(f"{endpoint}: unreadable {rdf_format.name} answer ({error})") from None


def _solutions(response: Response, endpoint: str, *, ask: bool) -> QueryResult:
    if response.content_type not in {RESULTS, "application/json"}:
        raise _not_results(response, endpoint)
    try:
        document = json.loads(response.body)
        if "boolean" in document:
            return QueryResult("ask", boolean=bool(document["boolean"]))
        variables = tuple(str(name) for name in document["head"]["vars"])
        bindings = document["results"]["bindings"]
        if ask and variables == (_VIRTUOSO_ASK,):
            truth = bool(bindings) and bindings[0][_VIRTUOSO_ASK]["value"] not in {"0", "false"}
            return QueryResult("ask", boolean=truth)
        blanks: dict[str, ox.BlankNode] = {}
        rows = tuple(
            tuple(_term(row[name], blanks) if name in row else None for name in variables)
            for row in bindings
        )
    except (ValueError, KeyError, TypeError, IndexError) as error:
        raise ServerError(f"{endpoint}: unreadable SPARQL results ({error})") from None
    cut = response.headers.get(_VIRTUOSO_CUT, "")
    cut_at = int(cut) if cut.isdigit() and len(rows) >= int(cut) else None
    return QueryResult("select", variables=variables, rows=rows, cut_at=cut_at)


def _term(cell: dict[str, Any], blanks: dict[str, ox.BlankNode]) -> Term:
    """A term of SPARQL 1.1 JSON results (and Virtuoso's older ``typed-literal``)."""
    kind, value = cell["type"], str(cell["value"])
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":  # labels are the server's (Virtuoso: nodeID://b1): only kept apart
        return blanks.setdefault(value, ox.BlankNode())
    if kind in {"literal", "typed-literal"}:
        if "xml:lang" in cell:
            return ox.Literal(value, language=str(cell["xml:lang"]))
        datatype = str(cell.get("datatype") or _XSD_STRING)
        return ox.Literal(value, datatype=ox.NamedNode(datatype))
    raise ValueError(f"a term of type {kind!r}")


def _not_results(response: Response, endpoint: str) -> ServerError:
    return ServerError(
        f"{endpoint}: answered {response.content_type or 'nothing'}, not SPARQL results "
        "(is this the server's query endpoint, e.g. http://HOST:7878/query, /sparql?)"
    )
