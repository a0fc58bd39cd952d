"""The ``kg`` command: parse options, call the library, turn its errors into one-line messages.

Exit codes are ``kg.errors.ExitCode`` (listed in ``kg --help`` and docs/reliability.md).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, cast

import click

from kg import __version__
from kg.errors import ExitCode, KgError

if TYPE_CHECKING:
    from kg.store.http import Credentials

EPILOG_BUILD = """\b
Examples:
  kg build examples/sample-report.txt -o out/
  kg build examples/sample-report.txt -o out/ -f turtle -f nquads -f jsonld
  kg build ../shared/corpus/provinces-2026 -o corpus.nq
  kg build reports/ -o out/ --force --scheduler tcp://10.0.0.5:8786
  cat report.txt | kg build - -o out/ --force
  kg build body.txt -o out/ --region 云溪区 --year 2026   # a text that does not say them
  SOURCE_DATE_EPOCH=0 kg build report.txt -o out/   # a reproducible build time

\b
Exit codes: 0 built (a report whose region or years stay unknown is a warning); 7 built, but
some inputs were skipped; others in docs/reliability.md.
"""


def _checked_base(value: str | None) -> str | None:
    from kg.rdf.iris import check_base

    return value if value is None else check_base(value)


def _checked_year(value: str | None) -> int | None:
    from kg.text.metadata import parse_plan_year

    return value if value is None else parse_plan_year(value)


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

\b
Exit codes: 0 done, 1 error, 2 usage, 3 bad input, 4 output not written,
  5 bad option, 6 bad gold file, 7 some inputs skipped, 8 SPARQL server unreachable,
  refusing or silent, 70 internal error, 128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM).
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
    callback=lambda _ctx, _param, value: _checked_base(value),
    help="Base IRI of the resources, ending in / or # (default: https://w3id.org/govreport-kg/id/).",
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
@click.option(
    "--region",
    default=None,
    metavar="NAME",
    help="The region of every input (云溪区), over what the texts say of themselves.",
)
@click.option(
    "--year",
    default=None,
    metavar="YEAR",
    callback=lambda _ctx, _param, value: _checked_year(value),
    help="The plan year of every input (2026: its review year is 2025), over what the texts say.",
)
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
    region: str | None,
    year: int | None,
) -> None:
    """Build the graph of reports into OUTPUT: files, directories of them, or - (standard input).

    Reads .txt (UTF-8, UTF-8 with BOM, GBK, GB18030), .html, .docx and .pdf. Writes
    OUTPUT/graph.ttl (the merged corpus graph, one resource per entity across reports) and
    OUTPUT/graph.html (an interactive page) by default, then prints what it found: the
    distinct resources of each type in the merged graph.
    Unchanged inputs are taken from the previous build's cache; a bad input is reported and
    skipped. A report whose region or years are found nowhere (title, headings, opening lines,
    file name, body) gets a warning: set them with --region and --year. The graph records
    the build time: set SOURCE_DATE_EPOCH to fix it and get the same bytes from the same input.
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
            region=region,
            plan_year=year,
        )
    from kg.rdf.counts import format_counts

    counts = format_counts(summary.counts)
    reused = f" ({summary.reused} unchanged, from the cache)" if summary.reused else ""
    merged = f"; {summary.aliases} aliases merged" if summary.aliases else ""
    click.echo(
        f"read {len(summary.inputs)} report(s){reused}: {counts}; {summary.triples} triples{merged}"
    )
    for path in summary.written:
        click.echo(f"wrote {path}")
    for name, unknown in summary.unknown:
        click.echo(f"kg: warning: {name}: {_unknown_message(unknown)}", err=True)
    for skipped in summary.skipped:
        click.echo(f"kg: skipped {skipped.reason}", err=True)
    if summary.skipped:
        click.echo(f"kg: {len(summary.skipped)} input(s) skipped", err=True)
        sys.exit(ExitCode.SKIPPED)


def _unknown_message(unknown: Sequence[str]) -> str:
    """no region found (use --region), no years found (use --year), or both in one line."""
    options = " and ".join(f"--{'year' if what == 'years' else what}" for what in unknown)
    return f"no {' or '.join(unknown)} found (use {options})"


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
  kg query --store corpus-db/ completed-projects-by-place
"""

EPILOG_QUERY = """\b
Examples:
  kg query --list
  kg query out/graph.ttl 'SELECT ?p ?label WHERE { ?p a grk:Project ; rdfs:label ?label }'
  kg query out/graph.ttl ontology/queries/plan-targets.rq --format csv
  kg query out/graph.ttl project-metrics --param project=滨江智造产业园一期
  kg query a/graph.nq b/graph.nq completed-projects-by-place --format json
  kg query --store corpus-db/ 'SELECT ?r (COUNT(?a) AS ?n) WHERE { ?a grk:... } GROUP BY ?r'
  kg query --endpoint http://127.0.0.1:7878/query report-overview
  kg query --endpoint http://HOST:8890/sparql-auth --user dba plan-targets   # asks the password

\b
QUERY is SPARQL text, a .rq file, or the name of a bundled query in ontology/queries/
(kg query --list shows them with their parameters). The usual prefixes (grk: schema: prov:
rdfs: skos: time: xsd: and one per kind of resource) need no PREFIX line.
"""

EPILOG_VALIDATE = """\b
Examples:
  kg validate out/graph.ttl
  kg validate corpus/graph.nq --shapes my-shapes.ttl

\b
Exit codes: 0 conforms; 1 does not conform; 3 cannot be read.
"""

EPILOG_PUSH = """\b
Examples:
  kg push corpus/graph.nq --endpoint http://127.0.0.1:7878/store
  kg push out/graph.ttl --endpoint http://localhost:3030/ds/data --graph https://example.org/g
  kg push corpus/graph.nq --endpoint http://HOST:8890/sparql-graph-crud-auth --user dba

\b
A --user's password comes from KG_ENDPOINT_PASSWORD, else a prompt: never the command line.
"""


EPILOG_TRACK = """\b
Examples:
  kg track ../shared/corpus/series/national -o track/
  kg track 2024-report.txt 2025-report.txt -o track/ --force
  kg query track/graph.ttl plan-vs-outcome --format csv

\b
Writes OUTDIR/targets.csv (region, code, year, measure, kind, target, target_unit, qualifier,
actual, actual_unit, verdict, target_sentence, actual_sentence), OUTDIR/projects.csv (region,
code, year, project, next_status, plan_sentence, review_sentence), OUTDIR/graph.ttl (the
reports' graph with the outcomes) and OUTDIR/plans-and-outcomes.html.
Exit codes: 0 tracked; 7 tracked, but some inputs were skipped; others as kg build.
"""


@cli.command(epilog=EPILOG_TRACK)
@click.argument("inputs", nargs=-1, required=True, metavar="REPORTS...")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(path_type=Path),
    help="Output directory.",
)
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@click.option(
    "--base",
    default=None,
    callback=lambda _ctx, _param, value: _checked_base(value),
    help="Base IRI of the resources, ending in / or # (default: https://w3id.org/govreport-kg/id/).",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: one per core).",
)
@click.option("--no-cache", is_flag=True, help="Rebuild every input, ignoring OUTDIR/.kg-cache.")
def track(
    inputs: Sequence[str],
    outdir: Path,
    force: bool,
    base: str | None,
    workers: int | None,
    no_cache: bool,
) -> None:
    """Follow plans to their outcomes: reports of one region over consecutive years.

    Each target of year N's plan (地区生产总值增长5%左右) is joined with the actual figure of
    the same canonical measure and kind (growth or level) in the review of year N in the next
    report, and judged met, missed or not reported; a target aimed further (到2027年, the
    十四五 plan) waits for the review of its year. Each project the plan names is followed
    into the next report: completed, ongoing or not mentioned.
    """
    from kg.corpus.runner import default_workers
    from kg.rdf.namespaces import DEFAULT_BASE
    from kg.track import track as track_outcomes

    with _progress_bar("building") as progress:
        summary = track_outcomes(
            inputs,
            outdir,
            force=force,
            base=base or DEFAULT_BASE,
            workers=workers or default_workers(),
            use_cache=not no_cache,
            progress=progress,
        )
    verdicts = ", ".join(f"{v} {summary.verdicts[v]}" for v in ("met", "missed", "not reported"))
    statuses = ", ".join(
        f"{s} {summary.statuses[s]}" for s in ("completed", "ongoing", "not mentioned")
    )
    click.echo(f"read {len(summary.inputs)} report(s): targets {verdicts}; projects {statuses}")
    for path in summary.written:
        click.echo(f"wrote {path}")
    for skipped in summary.skipped:
        click.echo(f"kg: skipped {skipped.reason}", err=True)
    if summary.skipped:
        click.echo(f"kg: {len(summary.skipped)} input(s) skipped", err=True)
        sys.exit(ExitCode.SKIPPED)


def _user_option(command: Callable[..., None]) -> Callable[..., None]:
    return click.option(
        "--user",
        default=None,
        metavar="NAME",
        help="User for a server that asks for one (also KG_ENDPOINT_USER); the password comes "
        "from KG_ENDPOINT_PASSWORD, else a prompt.",
    )(command)


def _credentials(user: str | None) -> Credentials | None:
    """The user's credentials: the password from the environment, else asked on the terminal."""
    from kg.errors import ConfigError
    from kg.store.http import Credentials

    try:
        return Credentials.from_environment(user)
    except ConfigError:
        if not sys.stdin.isatty():
            raise
    name = cast(str, user or os.environ.get("KG_ENDPOINT_USER"))
    return Credentials(name, click.prompt(f"password for {name}", hide_input=True, err=True))


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
@click.argument("arguments", nargs=-1, metavar="[GRAPH...] QUERY")
@click.option(
    "--list",
    "list_queries",
    is_flag=True,
    help="List the bundled queries with their question and parameters, and exit.",
)
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
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop the query after this many seconds (default: no limit, 300 with --endpoint; "
    "Ctrl-C always stops it).",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Ask this SPARQL 1.1 query endpoint instead (Oxigraph: http://HOST:7878/query, "
    "Virtuoso: http://HOST:8890/sparql).",
)
@_user_option
def query(
    arguments: Sequence[str],
    list_queries: bool,
    store_dir: Path | None,
    output: Literal["table", "csv", "json"],
    params: Sequence[str],
    timeout: float | None,
    endpoint: str | None,
    user: str | None,
) -> None:
    """Run a SPARQL query over graph files (.ttl .nt .jsonld .trig .nq), a store or a server.

    Graph files are loaded into an embedded pyoxigraph store. When nothing is in the default
    graph (N-Quads, TriG), the query sees the union of the named graphs. With --endpoint the
    query goes to a SPARQL 1.1 server, parameters bound in a VALUES block.
    """
    from kg.query import check_parameters, load_store, parse_bindings, read_query, run_query
    from kg.query.output import format_result
    from kg.rdf.iris import prefixes
    from kg.rdf.namespaces import DEFAULT_BASE

    if list_queries:
        from kg.query import bundled_queries, format_catalog

        click.echo(format_catalog(bundled_queries()))
        return
    if not arguments:
        raise click.UsageError("give [GRAPH...] QUERY, or --list for the bundled queries")
    *graphs, query_text = arguments
    bindings = parse_bindings(params)
    text = read_query(query_text)
    check_parameters(text, bindings, name=query_text if text != query_text else "query")
    if endpoint is not None:
        from kg.query.remote import TIMEOUT, run_remote_query

        if graphs or store_dir is not None:
            raise click.UsageError("give graph files, --store or --endpoint, not several")
        credentials = _credentials(user)
        result = run_remote_query(
            endpoint, text, bindings, credentials=credentials, timeout=timeout or TIMEOUT
        )
        click.echo(format_result(result, output, prefixes(DEFAULT_BASE)))
        if result.cut_at is not None:
            click.echo(
                f"kg: warning: the server cut the answer at {result.cut_at} rows, its limit "
                "(Virtuoso: ResultSetMaxRows); add LIMIT and OFFSET to page through it",
                err=True,
            )
        return
    if store_dir is not None:
        from kg.store import open_store

        if graphs:
            raise click.UsageError("give graph files or --store, not both")
        store = open_store(store_dir, read_only=True)
    else:
        if not graphs:
            raise click.UsageError("give at least one GRAPH file and a QUERY, or --store DIR")
        store = load_store(graphs)
    result = interruptible(lambda: run_query(store, text, bindings), timeout=timeout)
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
@_user_option
def push(
    graphs: Sequence[Path], endpoint: str, graph: str | None, replace: bool, user: str | None
) -> None:
    """Send graph files to a SPARQL server: each report's named graph to its own graph."""
    from kg.store import push_files

    credentials = _credentials(user)
    summary = push_files(graphs, endpoint, graph=graph, replace=replace, credentials=credentials)
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


T = TypeVar("T")


def interruptible(work: Callable[[], T], *, timeout: float | None = None) -> T:
    """``work()``, run in a helper thread so that Ctrl-C, SIGTERM and ``timeout`` stop it even
    inside native code that never returns to Python (a pyoxigraph query): Python handles
    signals only in the main thread, and only between bytecodes."""
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # handed to the main thread as it is
            outcome.append((False, error))

    thread = threading.Thread(target=run, name="kg-work", daemon=True)
    thread.start()
    deadline = None if timeout is None else time.monotonic() + timeout
    while thread.is_alive():
        thread.join(0.05)
        if deadline is not None and thread.is_alive() and time.monotonic() > deadline:
            raise KgError(f"stopped after {timeout:g} s (--timeout); the work was not finished")
    done, value = outcome[0]
    if done:
        return cast(T, value)
    raise value


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI; every failure is one line on standard error and an exit code.

    The codes are those of ``kg.errors.ExitCode``. SIGINT, SIGTERM and SIGHUP stop a run with
    an exception, so that temporary files are removed and previous outputs stay as they were.
    """
    previous = _stop_on_signals()
    unraisable = sys.unraisablehook
    sys.unraisablehook = _stop_again_if_ignored
    try:
        _run(argv)
    finally:
        sys.unraisablehook = unraisable
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run(argv: Sequence[str] | None) -> NoReturn:
    try:
        code = cli.main(args=argv, prog_name="kg", standalone_mode=False)
        sys.stdout.flush()
    except SystemExit as exit_:
        # click's way out when the reader of standard output went away: it wraps stdout in a
        # _PacifyFlushWrapper and exits 1; say 141 (128 + SIGPIPE), as a shell pipeline does.
        if exit_.code == 1 and "PacifyFlushWrapper" in type(sys.stdout).__name__:
            sys.exit(ExitCode.BROKEN_PIPE)
        raise
    except BaseException as error:
        _fail_with(error)
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


def _fail_with(error: BaseException) -> NoReturn:
    """One line for what ended the run, and its exit code."""
    signum = _stop_signal(error)
    if signum is not None:
        name = "interrupted" if signum == signal.SIGINT else f"stopped by {signum.name}"
        _fail(name, 128 + signum, at_once=True)
    if isinstance(error, click.UsageError):
        command = error.ctx.command_path if error.ctx else "kg"
        _fail(f"error: {error.format_message()} (see '{command} --help')", error.exit_code)
    if isinstance(error, click.ClickException):
        _fail(f"error: {error.format_message()}", error.exit_code)
    if isinstance(error, KgError):
        _fail(f"error: {error}", error.exit_code)
    if isinstance(error, BrokenPipeError):
        _quiet_stdout()
        sys.exit(ExitCode.BROKEN_PIPE)
    if isinstance(error, MemoryError):
        _fail("out of memory", ExitCode.INTERNAL)
    if os.environ.get("KG_DEBUG") or not isinstance(error, Exception):
        raise error
    # A bug: one line, and the traceback only on request.
    _fail(
        f"internal error: {type(error).__name__}: {error} (set KG_DEBUG=1 for details)",
        ExitCode.INTERNAL,
    )


def _stop_signal(error: BaseException) -> signal.Signals | None:
    """The signal that stopped the run, also when cleaning up after it raised another error
    (a process pool interrupted while starting fails to shut down, say)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, _Stopped):
            return current.signum
        if isinstance(current, KeyboardInterrupt | click.exceptions.Abort):
            return signal.SIGINT
        current = current.__cause__ or current.__context__
    return None


def _stop_again_if_ignored(unraisable: Any) -> None:
    """A stop raised where Python can only ignore it (a ``__del__``, an at-fork callback) is
    delivered again, to land at the next point where it can stop the run."""
    stop = unraisable.exc_value
    if isinstance(stop, _Stopped | KeyboardInterrupt):
        # Sent again from another thread a moment later: a signal noted now would be handled
        # at once, inside this hook, and be ignored again.
        signum = stop.signum if isinstance(stop, _Stopped) else signal.SIGINT
        with contextlib.suppress(RuntimeError):  # no new thread while the interpreter exits
            threading.Timer(0.01, os.kill, (os.getpid(), signum)).start()
        return
    sys.__unraisablehook__(unraisable)


class _Stopped(BaseException):
    """Raised by the signal handler. Not a KeyboardInterrupt, so click does not turn it into
    an Abort, and not an Exception, so no ``except Exception`` in the library swallows it."""

    def __init__(self, signum: signal.Signals) -> None:
        super().__init__(signum)
        self.signum = signum


_HANDLER_PID: list[int] = []  # the process the stopping handler was installed in


def _raise_stopped(signum: int, _frame: object) -> None:
    if _HANDLER_PID and os.getpid() != _HANDLER_PID[0]:
        # A forked child (a worker) that has not set its own handlers yet: it does what the
        # default would, without a traceback; its parent reports the stop.
        if signum != signal.SIGINT:
            os._exit(128 + signum)
        return
    raise _Stopped(signal.Signals(signum))


def _stop_on_signals() -> dict[signal.Signals, Any]:
    """Install the stopping handler where the default one is; return what it replaced."""
    previous = {}
    _HANDLER_PID[:] = [os.getpid()]
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            handler = signal.getsignal(signum)
            if handler in (signal.SIG_DFL, signal.default_int_handler):
                previous[signum] = signal.signal(signum, _raise_stopped)
    return previous


def _fail(message: str, code: int, *, at_once: bool = False) -> NoReturn:
    """Print the one line and exit; ``at_once``, skip the interpreter's exit-time joins.

    A stopped run has already dropped its temporary files on the way out; threads still
    running (a process pool's manager) could keep a stopped command alive for many seconds at
    exit, so then it exits without waiting for them.
    """
    click.echo(f"kg: {one_line(message)}", err=True)
    if at_once and any(
        thread.is_alive() and not thread.daemon and thread is not threading.main_thread()
        for thread in threading.enumerate()
    ):
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so that Python's exit flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(message: str) -> str:
    """The message on one line: line breaks and other control characters shown escaped."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
