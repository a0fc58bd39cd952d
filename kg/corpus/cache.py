"""The build cache: each report's graph kept by the checksum of its bytes, so that a rebuild
extracts only the inputs that changed.

A cache entry is valid only for the same tool code and data files (the fingerprint), the same
base IRI and the same region and year set on the command line; anything else starts the cache
afresh. Layout under ``OUTDIR/.kg-cache/``:
``manifest.json`` (one entry per checksum) and ``<checksum>.nt`` (the report's graph).
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.corpus.task import EntityRow, ReportGraph
from kg.data import SELECTOR_MODEL_ENV
from kg.errors import OutputError
from kg.export.atomic import atomic_write
from kg.records import EntityType
from kg.text.metadata import GivenMetadata

CACHE_DIR = ".kg-cache"
MANIFEST = "manifest.json"


@cache
def code_fingerprint() -> str:
    """A digest of the installed ``kg`` package's code and data files: any change invalidates."""
    digest = hashlib.sha256()
    root = resources.files("kg")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".json", ".jsonl", ".ttl"}:
            digest.update(str(path.relative_to(str(root))).encode())
            digest.update(path.read_bytes())
    model = os.environ.get(SELECTOR_MODEL_ENV)
    if model:  # a selector other than the shipped one makes other graphs
        digest.update(Path(model).read_bytes())
    return digest.hexdigest()


class BuildCache:
    """Report graphs of earlier builds into the same output directory."""

    def __init__(self, outdir: Path, base: str, given: GivenMetadata | None = None) -> None:
        self.directory = outdir / CACHE_DIR
        given = given or GivenMetadata()
        self.key = {
            "fingerprint": code_fingerprint(),
            "base": base,
            "region": given.region,
            "year": given.plan_year,
        }
        self.entries: dict[str, dict[str, Any]] = {}
        manifest = self.directory / MANIFEST
        try:
            stored = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no cache yet, or an unreadable one: start afresh
        if isinstance(stored, dict) and stored.get("key") == self.key:
            self.entries = dict(stored.get("reports", {}))

    def get(self, checksum: str, name: str, file_name: str) -> ReportGraph | None:
        """The cached graph of the input with these bytes and file name, or None."""
        entry = self.entries.get(checksum)
        if entry is None or entry.get("file_name") != file_name:
            return None
        try:
            ntriples = (self.directory / f"{checksum}.nt").read_bytes()
        except OSError:
            return None
        return ReportGraph(
            name=name,
            checksum=checksum,
            report_iri=entry["report_iri"],
            ntriples=ntriples,
            entities=tuple(
                EntityRow(iri, EntityType(kind), label) for iri, kind, label in entry["entities"]
            ),
            counts=tuple((kind, int(count)) for kind, count in entry["counts"]),
            unknown=tuple(str(what) for what in entry.get("unknown", ())),
        )

    def put(self, report: ReportGraph, file_name: str) -> None:
        self._ensure_directory()
        with atomic_write(self.directory / f"{report.checksum}.nt", binary=True) as handle:
            handle.write(report.ntriples)
        self.entries[report.checksum] = {
            "file_name": file_name,
            "report_iri": report.report_iri,
            "entities": [[e.iri, e.type.value, e.label] for e in report.entities],
            "counts": [list(pair) for pair in report.counts],
            "unknown": list(report.unknown),
        }

    def save(self, keep: set[str]) -> None:
        """Write the manifest, keeping the entries of this build's inputs only."""
        self._ensure_directory()
        for checksum in set(self.entries) - keep:
            del self.entries[checksum]
            (self.directory / f"{checksum}.nt").unlink(missing_ok=True)
        with atomic_write(self.directory / MANIFEST) as handle:
            json.dump({"key": self.key, "reports": self.entries}, handle, ensure_ascii=False)

    def _ensure_directory(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{self.directory}: cannot create ({error.strerror})") from None
