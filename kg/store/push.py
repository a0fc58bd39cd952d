"""Send graph files to any SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Virtuoso, Fuseki...).

Each named graph of an N-Quads or TriG file goes to ``ENDPOINT?graph=IRI``; a Turtle or
N-Triples file goes to the default graph (``ENDPOINT?default``) or to ``graph``. Triples are sent
as N-Triples in batches (POST adds; with ``replace`` the first batch is a PUT). ``credentials``
answer a server that asks for them (Virtuoso's ``/sparql-graph-crud-auth``: HTTP Digest).
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.files import graph_format, read_quads
from kg.store.http import Credentials, check_endpoint, send
from kg.store.local import existing_file

BATCH = 50_000  # triples a request
TIMEOUT = 120  # seconds a request


@dataclass(frozen=True)
class PushSummary:
    graphs: int
    triples: int
    requests: int


def push_files(
    files: Sequence[Path],
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = False,
    credentials: Credentials | None = None,
    timeout: float = TIMEOUT,
) -> PushSummary:
    """Send every file's graphs to the Graph Store Protocol ``endpoint``.

    A server that cannot be reached, refuses a request or does not answer within ``timeout``
    seconds raises ``ServerError``; graphs sent before stay sent.
    """
    check_endpoint(endpoint)
    graphs: dict[str | None, list[ox.Triple]] = defaultdict(list)
    for path in files:
        dataset = graph_format(existing_file(path)).is_dataset
        for quad in read_quads([path]):
            graph_name = quad.graph_name
            if dataset and isinstance(graph_name, ox.NamedNode):
                graphs[graph_name.value].append(quad.triple)
            else:
                graphs[graph].append(quad.triple)
    requests = 0
    for name, triples in graphs.items():
        for index, batch in enumerate(_batches(triples, BATCH)):
            method = "PUT" if replace and index == 0 else "POST"
            body = ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            _send(endpoint, name, method, body, credentials=credentials, timeout=timeout)
            requests += 1
    return PushSummary(len(graphs), sum(len(t) for t in graphs.values()), requests)


def _batches(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    iterator = iter(triples)
    while batch := list(islice(iterator, size)):
        yield batch


def _send(
    endpoint: str,
    graph: str | None,
    method: str,
    body: bytes | None,
    *,
    credentials: Credentials | None,
    timeout: float,
) -> None:
    target = "graph=" + urllib.parse.quote(graph, safe="") if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{target}"
    request = urllib.request.Request(
        url,
        data=body,
        method=method,
        headers={"Content-Type": "application/n-triples; charset=utf-8"},
    )
    send(
        request,
        endpoint=endpoint,
        action=f"{method} {target}",
        credentials=credentials,
        timeout=timeout,
    )
