"""Records to RDF. Imports rdflib, never spaCy."""

from kg.rdf.graph import extraction_to_graph

__all__ = ["extraction_to_graph"]
