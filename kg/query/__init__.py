"""SPARQL over graph files, answered by an embedded pyoxigraph store."""

from kg.query.run import QueryResult, load_store, parse_bindings, read_query, run_query

__all__ = ["QueryResult", "load_store", "parse_bindings", "read_query", "run_query"]
