"""Where the ontology, the shapes and the documented queries live, and loading them.

In a source checkout (and an editable install) they are ``ontology/`` at the top of the
repository; an installed wheel carries them in ``<prefix>/share/govreport-kg/ontology``.
"""

from __future__ import annotations

import sys
import sysconfig
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from kg.errors import ConfigError

ONTOLOGY_FILE = "govreport.ttl"
SHAPES_FILE = "shapes.ttl"


def ontology_dir() -> Path:
    """The directory holding govreport.ttl, shapes.ttl and queries/."""
    candidates = [
        Path(__file__).resolve().parents[2] / "ontology",
        Path(sysconfig.get_path("data")) / "share" / "govreport-kg" / "ontology",
        Path(sys.prefix) / "share" / "govreport-kg" / "ontology",
    ]
    for candidate in candidates:
        if (candidate / ONTOLOGY_FILE).is_file():
            return candidate
    raise ConfigError("the ontology files are missing from this installation (ontology/)")


def queries_dir() -> Path:
    return ontology_dir() / "queries"


@lru_cache(maxsize=4)
def _parsed(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def load_ontology() -> Graph:
    """The ontology as a graph (a fresh copy: callers may add to it)."""
    graph = Graph()
    graph += _parsed(ontology_dir() / ONTOLOGY_FILE)
    return graph


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes: the bundled ones, or those in ``path``."""
    target = path or ontology_dir() / SHAPES_FILE
    if not target.is_file():
        raise ConfigError(f"{target}: no such shapes file")
    try:
        return _parsed(target)
    except Exception as error:  # rdflib raises many kinds of parse errors
        raise ConfigError(f"{target}: not valid Turtle ({error})") from None
