"""Where graphs go after a build: an embedded on-disk store, or a SPARQL server."""

from kg.store.local import load_files, open_store
from kg.store.push import push_files

__all__ = ["load_files", "open_store", "push_files"]
