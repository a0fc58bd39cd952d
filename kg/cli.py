"""The ``kg`` command: parse options, call the library, turn its errors into one-line messages."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import click

from kg import __version__
from kg.errors import KgError

EPILOG_BUILD = """\b
Examples:
  kg build examples/sample-report.txt -o out/
  kg build examples/sample-report.txt -o out/ -f turtle -f nquads -f jsonld
  kg build ../shared/corpus/provinces-2026 -o corpus.nq
  kg build reports/ -o out/ --force --scheduler tcp://10.0.0.5:8786
  cat report.txt | kg build - -o out/ --force
  SOURCE_DATE_EPOCH=0 kg build report.txt -o out/   # a reproducible build time

\b
Exit codes: 0 built; 1 nothing built (or a bad option); 3 built, but some inputs were skipped.
"""

# A corpus build wrote its outputs but left out inputs it could not read.
EXIT_SKIPPED = 3

EPILOG_EVALUATE = """\b
Examples:
  kg evaluate ../shared/gold
  kg evaluate ../shared/gold --corpus ../shared/corpus/dev --errors
"""


@click.group(
    epilog="""\b
Example:
  kg build examples/sample-report.txt -o out/   # writes out/graph.ttl and out/graph.html
"""
)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Turn Chinese government work reports into a knowledge graph."""


@cli.command(epilog=EPILOG_BUILD)
@click.argument("inputs", nargs=-1, required=True, metavar="DIR_OR_FILE...")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path),
    help="Output directory, or a file whose extension names its format (.ttl .nt .jsonld "
    ".trig .nq .html).",
)
@click.option(
    "-f",
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT",
    help="Format to write into the output directory, repeatable: turtle, ntriples, jsonld "
    "(the merged graph), trig, nquads (a named graph per report), html. "
    "Default: turtle and html.",
)
@click.option(
    "--writer",
    type=click.Choice(["oxigraph", "rdflib"]),
    default="oxigraph",
    show_default=True,
    help="RDF writer: pyoxigraph (fast) or rdflib (the slower reference; same graph).",
)
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@click.option(
    "--base",
    default=None,
    help="Base IRI of the resources (default: https://w3id.org/govreport-kg/id/).",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Run on a Dask cluster at this scheduler address instead of local processes.",
)
@click.option("--no-cache", is_flag=True, help="Rebuild every input, ignoring OUTDIR/.kg-cache.")
def build(
    inputs: Sequence[str],
    outdir: Path,
    force: bool,
    base: str | None,
    formats: Sequence[str],
    writer: Literal["oxigraph", "rdflib"],
    workers: int | None,
    scheduler: str | None,
    no_cache: bool,
) -> None:
    """Build the graph of reports into OUTPUT: files, directories of them, or - (standard input).

    Reads .txt (UTF-8, UTF-8 with BOM, GBK, GB18030), .html, .docx and .pdf. Writes
    OUTPUT/graph.ttl (the merged corpus graph, one resource per entity across reports) and
    OUTPUT/graph.html (an interactive page) by default, then prints what it found, by type.
    Unchanged inputs are taken from the previous build's cache; a bad input is reported and
    skipped. The graph records the build time: set SOURCE_DATE_EPOCH to fix it and get the
    same bytes from the same input.
    """
    from kg.build import build as build_graph
    from kg.corpus.runner import default_workers
    from kg.rdf.namespaces import DEFAULT_BASE

    with _progress_bar("building") as progress:
        summary = build_graph(
            inputs,
            outdir,
            force=force,
            base=base or DEFAULT_BASE,
            formats=formats,
            engine=writer,
            workers=workers or default_workers(),
            scheduler=scheduler,
            use_cache=not no_cache,
            progress=progress,
        )
    counts = ", ".join(f"{name} {count}" for name, count in sorted(summary.counts.items()))
    reused = f" ({summary.reused} unchanged, from the cache)" if summary.reused else ""
    merged = f"; {summary.aliases} aliases merged" if summary.aliases else ""
    click.echo(
        f"read {len(summary.inputs)} report(s){reused}: {counts}; {summary.triples} triples{merged}"
    )
    for path in summary.written:
        click.echo(f"wrote {path}")
    for skipped in summary.skipped:
        click.echo(f"kg: skipped {skipped.reason}", err=True)
    if summary.skipped:
        click.echo(f"kg: {len(summary.skipped)} input(s) skipped", err=True)
        sys.exit(EXIT_SKIPPED)


@cli.command(epilog=EPILOG_EVALUATE)
@click.argument("gold", type=click.Path(path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=None,
    help="Directory holding the annotated texts (default: GOLD/../corpus/dev).",
)
@click.option("--errors", "show_errors", is_flag=True, help="List misses and false positives.")
def evaluate(gold: Path, corpus: Path | None, show_errors: bool) -> None:
    """Score the extractor against gold annotation files (a JSON file or a directory of them).

    Prints precision, recall and F1 for entities (typed, untyped, by type), metrics and project
    statuses, micro-averaged over documents, as defined in the gold's GUIDELINES.md.
    """
    from kg.evaluate import evaluate_gold, format_scores

    result = evaluate_gold(gold, corpus)
    click.echo(format_scores(result, show_errors=show_errors))


EPILOG_LOAD = """\b
Examples:
  kg build ../shared/corpus/provinces-2026 -o corpus/ -f nquads
  kg load corpus/graph.nq --store corpus-db/
  kg query --store corpus-db/ ontology/queries/completed-projects.rq
"""

EPILOG_QUERY = """\b
Examples:
  kg query --store corpus-db/ 'SELECT ?r (COUNT(?a) AS ?n) WHERE { ?a grk:... } GROUP BY ?r'
  kg query out/graph.ttl query.rq --format csv
"""

EPILOG_PUSH = """\b
Examples:
  kg push corpus/graph.nq --endpoint http://127.0.0.1:7878/store
  kg push out/graph.ttl --endpoint http://localhost:3030/ds/data --graph https://example.org/g
"""


@cli.command(epilog=EPILOG_LOAD)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--store",
    "store_dir",
    default="kg-store",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Directory of the on-disk store (created when missing).",
)
@click.option("--graph", default=None, help="Load Turtle / N-Triples into this named graph.")
def load(graphs: Sequence[Path], store_dir: Path, graph: str | None) -> None:
    """Bulk-load graph files (.ttl .nt .nq .trig .jsonld) into an embedded on-disk store.

    N-Quads and TriG keep their named graphs (one per report); Turtle and N-Triples go to the
    default graph unless --graph names one. Query the store with kg query --store.
    """
    from kg.store import load_files

    summary = load_files(graphs, store_dir, graph=graph)
    click.echo(
        f"loaded {summary.files} file(s) into {store_dir}: "
        f"{summary.quads} quads in {summary.graphs} named graph(s)"
    )


@cli.command(epilog=EPILOG_QUERY)
@click.argument("arguments", nargs=-1, required=True, metavar="[GRAPH...] QUERY")
@click.option(
    "--store",
    "store_dir",
    default=None,
    type=click.Path(path_type=Path),
    help="Query this on-disk store (from kg load) instead of graph files.",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="How to print the results.",
)
def query(arguments: Sequence[str], store_dir: Path | None, output: str) -> None:
    """Answer a SPARQL query (a string or a .rq file) over graph files or a store."""
    from kg.store import memory_store, open_store, query_store
    from kg.store.results import format_results

    *graphs, text = arguments
    if text.endswith(".rq") and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8")
    if store_dir is not None:
        if graphs:
            raise click.UsageError("give graph files or --store, not both")
        store = open_store(store_dir, read_only=True)
    else:
        if not graphs:
            raise click.UsageError("give graph files to query, or --store DIR")
        store = memory_store([Path(path) for path in graphs])
    click.echo(format_results(query_store(store, text), output))


@cli.command(epilog=EPILOG_PUSH)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph: http://HOST:7878/store).",
)
@click.option("--graph", default=None, help="Send Turtle / N-Triples to this named graph.")
@click.option("--replace", is_flag=True, help="Replace each graph (PUT) instead of adding (POST).")
def push(graphs: Sequence[Path], endpoint: str, graph: str | None, replace: bool) -> None:
    """Send graph files to a SPARQL server: each report's named graph to its own graph."""
    from kg.store import push_files

    summary = push_files(graphs, endpoint, graph=graph, replace=replace)
    click.echo(
        f"pushed {summary.triples} triples in {summary.graphs} graph(s) "
        f"to {endpoint} ({summary.requests} request(s))"
    )


@contextlib.contextmanager
def _progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on standard error when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 1:
            bar = click.progressbar(
                length=total, label=label, file=sys.stderr, show_pos=True
            ).__enter__()
        if bar is not None:
            bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI, printing library errors as one line on standard error."""
    try:
        code = cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except KgError as error:
        click.echo(f"kg: error: {error}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug: one line, and the traceback only on request
        if os.environ.get("KG_DEBUG"):
            raise
        click.echo(
            f"kg: internal error: {type(error).__name__}: {error} (set KG_DEBUG=1 for details)",
            err=True,
        )
        sys.exit(70)
    sys.exit(code if isinstance(code, int) else 0)
