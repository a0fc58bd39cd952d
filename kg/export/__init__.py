"""Writers of output files, one module per format, found by name in one registry."""

from kg.export.registry import EXPORTERS, exporter_for

__all__ = ["EXPORTERS", "exporter_for"]
