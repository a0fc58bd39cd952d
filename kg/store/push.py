"""Send graph files to any SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph, Fuseki, GraphDB...).

Each named graph of an N-Quads or TriG file goes to ``ENDPOINT?graph=IRI``; a Turtle or
N-Triples file goes to the default graph (``ENDPOINT?default``) or to ``graph``. Triples are sent
as N-Triples in batches (POST adds; with ``replace`` the first batch is a PUT).
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ConfigError, OutputError
from kg.rdf.files import graph_format, read_quads
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
) -> PushSummary:
    """Send every file's graphs to the Graph Store Protocol ``endpoint``."""
    if urllib.parse.urlsplit(endpoint).scheme not in {"http", "https"}:
        raise ConfigError(f"endpoint {endpoint!r} is not an http(s) URL")
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
            _send(endpoint, name, method, ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES))
            requests += 1
    return PushSummary(len(graphs), sum(len(t) for t in graphs.values()), requests)


def _batches(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    iterator = iter(triples)
    while batch := list(islice(iterator, size)):
        yield batch


def _send(endpoint: str, graph: str | None, method: str, body: bytes | None) -> None:
    target = "graph=" + urllib.parse.quote(graph, safe="") if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{target}"
    request = urllib.request.Request(
        url,
        data=body,
        method=method,
        headers={"Content-Type": "application/n-triples; charset=utf-8"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", "replace").strip()
        raise OutputError(f"{endpoint}: {method} {target} failed: {error.code} {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise OutputError(
            f"{endpoint}: cannot connect ({reason}); is a server running there? (Oxigraph's: "
            "pip install 'govreport-kg[server]', then oxigraph serve --location DB)"
        ) from None
