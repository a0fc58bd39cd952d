"""Query results as an aligned table, CSV or SPARQL 1.1 JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Mapping
from typing import Literal

import pyoxigraph as ox

from kg.query.run import QueryResult, Term

OutputFormat = Literal["table", "csv", "json"]


def format_result(
    result: QueryResult, output: OutputFormat, prefixes: Mapping[str, str] | None = None
) -> str:
    """The result as text; a CONSTRUCT's triples as Turtle whatever ``output`` says."""
    if result.kind == "ask":
        if output == "json":
            return json.dumps({"head": {}, "boolean": result.boolean})
        return "true" if result.boolean else "false"
    if result.kind == "construct":
        turtle = ox.serialize(
            result.triples, format=ox.RdfFormat.TURTLE, prefixes=dict(prefixes or {})
        )
        return (turtle or b"").decode("utf-8").rstrip("\n")
    if output == "json":
        return json.dumps(_json_results(result), ensure_ascii=False, indent=1)
    if output == "csv":
        return _csv(result)
    return _table(result, prefixes or {})


def _plain(term: Term | None) -> str:
    """A term as a value in a cell: the IRI, or the literal's text without quotes or tags."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def _short(term: Term | None, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in prefixes:
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace) :]}"
    return _plain(term)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    ordered = sorted(prefixes.items(), key=lambda p: -len(p[1]))
    cells = [[_short(term, ordered).replace("\n", " ") for term in row] for row in result.rows]
    header = list(result.variables)
    widths = [
        max([_width(header[i]), *(_width(row[i]) for row in cells)]) for i in range(len(header))
    ]

    def line(values: list[str]) -> str:
        padded = (v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))
        return " | ".join(padded).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    count = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    return "\n".join([line(header), rule, *(line(row) for row in cells), count])


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([_plain(term) for term in row])
    return buffer.getvalue().rstrip("\n")


def _json_results(result: QueryResult) -> dict[str, object]:
    """The SPARQL 1.1 Query Results JSON format."""
    bindings = []
    for row in result.rows:
        binding: dict[str, dict[str, str]] = {}
        for name, term in zip(result.variables, row, strict=True):
            if term is not None:
                binding[name] = _json_term(term)
        bindings.append(binding)
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        value: dict[str, str] = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            value["datatype"] = term.datatype.value
        return value
    return {"type": "triple", "value": str(term)}
