"""The ``kg`` command: parse options, call the library, turn its errors into one-line messages.

Exit codes are ``kg.errors.ExitCode`` (listed in ``kg --help`` and the README).
"""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from kg import __version__
from kg.errors import ConfigError, ExitCode, KgError

EPILOG_BUILD = """\b
Examples:
  kg build examples/sample-report.txt -o out/
  cat report.txt | kg build - -o out/ --force
"""

# An absolute IRI (RFC 3987) ending in / or #: a scheme, then no white space, controls,
# <>"{}|\\^` or noncharacters, and % only before two hex digits. Every IRI of the graph
# starts with it, so a bad one would make every output unreadable.
_BASE_IRI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.\-]*:"
    r"(?:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f%\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]|%[0-9A-Fa-f]{2})*"
    r"[/#]"
)


def _checked_base(value: str | None) -> str | None:
    if value is not None and not _BASE_IRI.fullmatch(value):
        raise ConfigError(
            f"--base {value!r} is not an absolute IRI ending in / or # "
            "(no spaces, quotes, <>{}|\\^` or control characters)"
        )
    return value


EPILOG_EVALUATE = """\b
Examples:
  kg evaluate ../shared/gold
  kg evaluate ../shared/gold --corpus ../shared/corpus/dev --errors
"""


@click.group(
    epilog="""\b
Example:
  kg build examples/sample-report.txt -o out/   # writes out/graph.ttl and out/graph.html

\b
Exit codes: 0 done, 1 error, 2 usage, 3 bad input, 4 output not written,
  5 bad option, 6 bad gold file, 7 some inputs skipped, 70 internal error,
  128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM).
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
    help="Output directory.",
)
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@click.option(
    "--base",
    default=None,
    callback=lambda _ctx, _param, value: _checked_base(value),
    help="Base IRI of the resources, ending in / or # (default: https://w3id.org/govreport-kg/id/).",
)
def build(inputs: Sequence[str], outdir: Path, force: bool, base: str | None) -> None:
    """Build the graph of report files (or - for standard input) into OUTDIR.

    Writes OUTDIR/graph.ttl (Turtle) and OUTDIR/graph.html (an interactive page), then prints
    what it found, by type.
    """
    from kg.build import build as build_graph
    from kg.rdf.namespaces import DEFAULT_BASE

    summary = build_graph(inputs, outdir, force=force, base=base or DEFAULT_BASE)
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
    """Entry point: run the CLI; every failure is one line on standard error and an exit code.

    The codes are those of ``kg.errors.ExitCode``. SIGINT, SIGTERM and SIGHUP stop a run with
    an exception, so that temporary files are removed and previous outputs stay as they were.
    """
    previous = _stop_on_signals()
    try:
        _run(argv)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run(argv: Sequence[str] | None) -> NoReturn:
    try:
        code = cli.main(args=argv, prog_name="kg", standalone_mode=False)
        sys.stdout.flush()
    except click.exceptions.Abort:
        _fail("aborted", ExitCode.INTERRUPTED)
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "kg"
        _fail(f"error: {error.format_message()} (see '{command} --help')", error.exit_code)
    except click.ClickException as error:
        _fail(f"error: {error.format_message()}", error.exit_code)
    except KgError as error:
        _fail(f"error: {error}", error.exit_code)
    except (KeyboardInterrupt, _Stopped) as stop:
        signum = stop.signum if isinstance(stop, _Stopped) else signal.SIGINT
        name = "interrupted" if signum == signal.SIGINT else f"stopped by {signum.name}"
        _fail(name, 128 + signum)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(ExitCode.BROKEN_PIPE)
    except MemoryError:
        _fail("out of memory", ExitCode.INTERNAL)
    except Exception as error:  # a bug: one line, and the traceback only on request
        if os.environ.get("KG_DEBUG"):
            raise
        _fail(
            f"internal error: {type(error).__name__}: {error} (set KG_DEBUG=1 for details)",
            ExitCode.INTERNAL,
        )
    sys.exit(code if isinstance(code, int) else ExitCode.OK)


class _Stopped(BaseException):
    """Raised by the signal handler. Not a KeyboardInterrupt, so click does not turn it into
    an Abort, and not an Exception, so no ``except Exception`` in the library swallows it."""

    def __init__(self, signum: signal.Signals) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, _frame: object) -> None:
    raise _Stopped(signal.Signals(signum))


def _stop_on_signals() -> dict[signal.Signals, Any]:
    """Install the stopping handler where the default one is; return what it replaced."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            handler = signal.getsignal(signum)
            if handler in (signal.SIG_DFL, signal.default_int_handler):
                previous[signum] = signal.signal(signum, _raise_stopped)
    return previous


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"kg: {one_line(message)}", err=True)
    sys.exit(code)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so that Python's exit flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(message: str) -> str:
    """The message on one line: line breaks and other control characters shown escaped."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
