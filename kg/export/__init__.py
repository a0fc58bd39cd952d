"""Writers of output files, one module per kind of output, found by name in one registry."""

from kg.export.registry import EXPORTERS, Exporter, exporter_for, exporter_for_path

__all__ = ["EXPORTERS", "Exporter", "exporter_for", "exporter_for_path"]
