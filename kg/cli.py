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
  kg query out/graph.ttl plan-targets           # a bundled SPARQL query
  kg validate out/graph.ttl                     # check the graph against the SHACL shapes
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


EPILOG_QUERY = """\b
Examples:
  kg query out/graph.ttl 'SELECT ?p ?label WHERE { ?p a grk:Project ; rdfs:label ?label }'
  kg query out/graph.ttl ontology/queries/plan-targets.rq --format csv
  kg query out/graph.ttl project-metrics --param project=滨江智造产业园
  kg query a/graph.nq b/graph.nq completed-projects-by-place --format json

\b
QUERY is SPARQL text, a .rq file, or the name of a bundled query in ontology/queries/
(completed-projects-by-place, plan-targets, …). The usual prefixes (grk: schema: prov:
rdfs: skos: time: xsd: and one per kind of resource) need no PREFIX line.
"""

EPILOG_VALIDATE = """\b
Examples:
  kg validate out/graph.ttl
  kg validate corpus/graph.nq --shapes my-shapes.ttl

\b
Exit codes: 0 conforms; 1 does not conform (or cannot be read).
"""


@cli.command(epilog=EPILOG_QUERY)
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH... QUERY")
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Result format (json: SPARQL 1.1 query results). CONSTRUCT results print as Turtle.",
)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind ?NAME to VALUE (a string; <...> for an IRI), repeatable. Values are bound, "
    "never pasted into the query text.",
)
def query(
    graphs: Sequence[str], output: Literal["table", "csv", "json"], params: Sequence[str]
) -> None:
    """Run a SPARQL query over graph files (.ttl .nt .jsonld .trig .nq).

    The files are loaded into an embedded pyoxigraph store; the query sees the union of their
    graphs.
    """
    from kg.query import load_store, parse_bindings, read_query, run_query
    from kg.query.output import format_result
    from kg.rdf.iris import prefixes
    from kg.rdf.namespaces import DEFAULT_BASE

    if len(graphs) < 2:
        raise click.UsageError("give at least one GRAPH file and a QUERY")
    *files, query_text = graphs
    bindings = parse_bindings(params)
    text = read_query(query_text)
    store = load_store(files)
    result = run_query(store, text, bindings)
    click.echo(format_result(result, output, prefixes(DEFAULT_BASE)))


@cli.command(epilog=EPILOG_VALIDATE)
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...")
@click.option(
    "--shapes",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="SHACL shapes file (default: the bundled ontology/shapes.ttl).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Violations listed as examples.",
)
def validate(graphs: Sequence[str], shapes: Path | None, limit: int) -> None:
    """Check graph files against the SHACL shapes (pyshacl) and list what does not conform.

    The files are checked together, as one graph (named graphs merged).
    """
    from kg.rdf.files import read_quads
    from kg.rdf.validate import quads_to_graph, validate_graph

    result = validate_graph(quads_to_graph(read_quads(graphs)), shapes=shapes)
    click.echo(result.summary(limit=limit))
    if not result.conforms:
        raise SystemExit(1)


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
