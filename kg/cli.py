"""The ``kg`` command: parse options, call the library, turn its errors into one-line messages."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import click

from kg import __version__
from kg.errors import KgError

EPILOG_BUILD = """\b
Examples:
  kg build examples/sample-report.txt -o out/
  kg build examples/sample-report.txt -o out/ -f turtle -f nquads -f jsonld
  kg build ../shared/corpus/provinces-2026/*.txt -o corpus.nq
  cat report.txt | kg build - -o out/ --force
  SOURCE_DATE_EPOCH=0 kg build report.txt -o out/   # a reproducible build time
"""

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
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
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
def build(
    inputs: Sequence[str],
    outdir: Path,
    force: bool,
    base: str | None,
    formats: Sequence[str],
    writer: Literal["oxigraph", "rdflib"],
) -> None:
    """Build the graph of report files (or - for standard input) into OUTPUT.

    Writes OUTPUT/graph.ttl (Turtle) and OUTPUT/graph.html (an interactive page) by default,
    then prints what it found, by type. The graph records the build time: set
    SOURCE_DATE_EPOCH to fix it and get the same bytes from the same input.
    """
    from kg.build import build as build_graph
    from kg.rdf.namespaces import DEFAULT_BASE

    summary = build_graph(
        inputs, outdir, force=force, base=base or DEFAULT_BASE, formats=formats, engine=writer
    )
    counts = ", ".join(f"{name} {count}" for name, count in sorted(summary.counts.items()))
    click.echo(f"read {len(summary.inputs)} report(s): {counts}; {summary.triples} triples")
    for path in summary.written:
        click.echo(f"wrote {path}")


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
