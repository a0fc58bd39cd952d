"""govreport-kg: Chinese government work reports as a knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govreport-kg")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = ["GraphPage", "__version__", "build", "extract_file", "read_view", "to_networkx"]


def __getattr__(name: str) -> object:
    # The public API is loaded lazily so that `kg --help` does not import spaCy.
    if name == "build":
        from kg.build import build

        return build
    if name == "extract_file":
        from kg.pipeline import extract_file

        return extract_file
    if name == "to_networkx":
        from kg.export.networkx_view import to_networkx

        return to_networkx
    if name == "read_view":
        from kg.export.view import read_view

        return read_view
    if name == "GraphPage":
        from kg.export.html import GraphPage

        return GraphPage
    raise AttributeError(name)
