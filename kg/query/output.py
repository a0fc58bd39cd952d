"""Query results as an aligned table, CSV or SPARQL 1.1 JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from itertools import accumulate
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
    """A cell of the table: an IRI as a prefixed name where a prefix fits, on one line."""
    if isinstance(term, ox.Literal):  # most cells: tested first
        text = term.value
    elif isinstance(term, ox.NamedNode):
        text = term.value
        for prefix, namespace in prefixes:
            if text.startswith(namespace) and len(text) > len(namespace):
                text = f"{prefix}:{text[len(namespace) :]}"
                break
    else:
        text = _plain(term)
    return text.replace("\n", " ") if "\n" in text else text


class _CharWidths(dict[str, int]):
    """Columns a character takes in a terminal (Chinese characters take two), each character
    looked up once: a dictionary is much faster than ``east_asian_width`` per character."""

    def __missing__(self, char: str) -> int:
        width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        self[char] = width
        return width


_CHAR_WIDTHS = _CharWidths()
CELL_COLUMNS = 60  # a cell of text wider than this is cut (CSV and JSON give it whole)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Chinese characters take two."""
    return len(text) if text.isascii() else sum(map(_CHAR_WIDTHS.__getitem__, text))


def _fit(text: str, columns: int = CELL_COLUMNS) -> tuple[str, int]:
    """The text as a table shows it, cut to ``columns`` with an ellipsis, and its width."""
    if text.isascii():  # IRIs, checksums, numbers: never cut
        return text, len(text)
    if 2 * len(text) <= columns:  # fits whatever its characters
        return text, _width(text)
    widths = list(accumulate(map(_CHAR_WIDTHS.__getitem__, text[:columns])))
    if len(text) <= columns and widths[-1] <= columns:
        return text, widths[-1]
    keep = bisect_right(widths, columns - 1)  # room for the ellipsis
    return text[:keep] + "…", (widths[keep - 1] if keep else 0) + 1


def _table(result: QueryResult, prefixes: Mapping[str, str]) -> str:
    """An aligned table; a cell of text wider than ``CELL_COLUMNS`` is cut to fit, but for the
    last column's, which nothing follows (a sentence reads whole there)."""
    ordered = sorted(prefixes.items(), key=lambda p: -len(p[1]))
    header = list(result.variables)
    columns: list[list[tuple[str, int]]] = []
    cut = False
    # Column by column: a corpus answer has a hundred thousand cells.
    for index, terms in enumerate(zip(*result.rows, strict=True)):
        if all(isinstance(term, ox.Literal) for term in terms):
            texts = [term.value for term in terms]
            if any("\n" in text for text in texts):
                texts = [text.replace("\n", " ") for text in texts]
        else:
            texts = [_short(term, ordered) for term in terms]
        if all(text.isascii() for text in texts):  # numbers, dates, checksums: never cut
            columns.append([(text, len(text)) for text in texts])
        elif index == len(header) - 1:  # never padded: its width only sizes the rule
            columns.append([(text, min(_fit(text)[1], CELL_COLUMNS)) for text in texts])
        else:
            fitted = [_fit(text) for text in texts]
            cut = cut or any(shown != text for (shown, _), text in zip(fitted, texts, strict=True))
            columns.append(fitted)
    titles = [(name, _width(name)) for name in header]
    widths = [
        max([width, *(w for _, w in column)])
        for (_, width), column in zip(titles, columns or [[]] * len(titles), strict=True)
    ]

    def line_of(values: Sequence[tuple[str, int]]) -> str:
        padded = (v + " " * (w - n) for (v, n), w in zip(values, widths, strict=True))
        return " | ".join(padded).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    count = f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    count += "; long cells cut, --format csv gives them whole)" if cut else ")"
    body = (line_of(row) for row in zip(*columns, strict=True))
    return "\n".join([line_of(titles), rule, *body, count])


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
