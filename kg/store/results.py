"""Query results as a table for people, or CSV / JSON for programs."""

from __future__ import annotations

import json
import unicodedata

import pyoxigraph as ox

from kg.store.local import QueryResult

RESULT_FORMATS = ("table", "csv", "json")


def format_results(result: QueryResult, output: str = "table") -> str:
    """Render SELECT rows, an ASK answer or CONSTRUCT triples (as N-Triples)."""
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"boolean": bool(result)}) if output == "json" else str(bool(result))
    if isinstance(result, ox.QueryTriples):
        return _text(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES))
    if output == "csv":
        return _text(result.serialize(format=ox.QueryResultsFormat.CSV))
    if output == "json":
        return _text(result.serialize(format=ox.QueryResultsFormat.JSON))
    names = [variable.value for variable in result.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in result]
    return _table(names, rows)


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8")


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(names: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(n), *(_width(r[i]) for r in rows)]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True))

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(text.rstrip() for text in out)
