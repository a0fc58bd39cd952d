"""The whole text of each tracked report, cut into its sentences.

A report's graph keeps only the sentences its facts are in; the next year's report may name a
planned project in a sentence its extractor found nothing in (启动维多利商城、大润发超市、发达
广场项目建设). ``kg track`` reads the inputs again (cut into sections and sentences, nothing
extracted) to search them, and writes into the outcomes the sentences it cites that the graph
lacks, as the report's graph would have.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.corpus.inputs import collect_inputs
from kg.errors import KgError
from kg.rdf.graph import sentence_triples
from kg.rdf.iris import report_iri, span_iri
from kg.rdf.provenance import BuildInfo
from kg.records import Report
from kg.text.reading import read_report_bytes, source_from_bytes
from kg.text.segment import segment_report
from kg.track.records import Sentence


@dataclass(frozen=True)
class ReportTexts:
    """Reports cut into sentences, by report IRI; each sentence's IRI is the graph's."""

    base: str
    reports: Mapping[str, Report]
    _where: dict[str, tuple[str, int]] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, inputs: Sequence[str | Path], base: str) -> ReportTexts:
        """The inputs' reports (standard input and unreadable files left out: their projects
        are followed in the graph's sentences only)."""
        reports: dict[str, Report] = {}
        for file in collect_inputs(inputs):
            if file.is_stdin:
                continue
            try:
                source = source_from_bytes(read_report_bytes(file.path), Path(file.path).name)
                reports[report_iri(base, source.checksum)] = segment_report(source)
            except KgError:
                continue
        return cls(base, reports)

    def sentences(self) -> dict[str, list[Sentence]]:
        """Every sentence of every report, by report IRI, as ``kg track`` reads them."""
        found: dict[str, list[Sentence]] = {}
        for iri, report in self.reports.items():
            rows = found.setdefault(iri, [])
            for sentence in report.sentences:
                section = report.sections[sentence.section_index]
                node = span_iri(
                    self.base, "sentence", report.checksum, f"{sentence.start}-{sentence.end}"
                )
                self._where[node] = (iri, sentence.index)
                rows.append(
                    Sentence(node, sentence.text, section.kind.value, section.title, sentence.start)
                )
        return found

    def missing_triples(self, iris: Iterable[str], store: ox.Store, build: BuildInfo) -> bytes:
        """N-Triples of the sentences among ``iris`` that ``store`` does not hold."""
        wanted: dict[str, list[int]] = {}
        for iri in dict.fromkeys(iris):
            where = self._where.get(iri)
            held = next(iter(store.quads_for_pattern(ox.NamedNode(iri), None, None)), None)
            if where is not None and held is None:
                wanted.setdefault(where[0], []).append(where[1])
        return b"".join(
            sentence_triples(self.reports[report], indexes, base=self.base, build=build)
            for report, indexes in sorted(wanted.items())
        )
