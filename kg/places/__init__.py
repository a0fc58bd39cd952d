"""Places with identity: China's divisions by GB/T 2260 code, and what a report's places are."""

from kg.places.divisions import Division, DivisionTable, division_table
from kg.places.linking import PlaceLinks, link_places

__all__ = ["Division", "DivisionTable", "PlaceLinks", "division_table", "link_places"]
