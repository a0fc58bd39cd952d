"""Reading, cleaning and segmenting report text. Imports neither spaCy nor rdflib."""

from kg.text.reading import decode_report_bytes, read_source
from kg.text.segment import segment_report

__all__ = ["decode_report_bytes", "read_source", "segment_report"]
