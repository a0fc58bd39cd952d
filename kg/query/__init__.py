"""SPARQL over graph files, answered by an embedded pyoxigraph store."""

from kg.query.catalog import BundledQuery, Parameter, bundled_queries, find_query, format_catalog
from kg.query.run import (
    QueryResult,
    check_parameters,
    load_store,
    parse_bindings,
    read_query,
    run_query,
)

__all__ = [
    "BundledQuery",
    "Parameter",
    "QueryResult",
    "bundled_queries",
    "check_parameters",
    "find_query",
    "format_catalog",
    "load_store",
    "parse_bindings",
    "read_query",
    "run_query",
]
