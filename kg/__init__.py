"""govreport-kg: Chinese government work reports as a knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("govreport-kg")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"

__all__ = ["__version__", "build", "extract_file"]


def __getattr__(name: str) -> object:
    # The public API is loaded lazily so that `kg --help` does not import spaCy.
    if name == "build":
        from kg.build import build

        return build
    if name == "extract_file":
        from kg.pipeline import extract_file

        return extract_file
    raise AttributeError(name)
