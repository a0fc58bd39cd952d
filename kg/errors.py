"""The exceptions users of the library catch. Only the CLI turns them into messages.

Each error carries the exit code the ``kg`` command ends with when it reaches the user, so a
script can tell a bad input from an unwritable output without reading the message.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``kg`` command (docs/reliability.md)."""

    OK = 0
    ERROR = 1  # any other error govreport-kg raises on purpose
    USAGE = 2  # a missing argument or an unknown option (click's own code)
    INPUT = 3  # an input is missing, unreadable, binary, empty or undecodable
    OUTPUT = 4  # an output exists without --force, or cannot be written
    CONFIG = 5  # an option or setting is invalid
    GOLD = 6  # a gold annotation file is malformed
    SKIPPED = 7  # a build wrote its outputs but skipped some inputs
    SERVER = 8  # a SPARQL server is unreachable, refused the request or did not answer in time
    INTERNAL = 70  # a bug (sysexits EX_SOFTWARE); KG_DEBUG=1 shows the traceback
    INTERRUPTED = 130  # SIGINT (Ctrl-C): 128 + 2
    BROKEN_PIPE = 141  # the reader of standard output went away: 128 + SIGPIPE
    TERMINATED = 143  # SIGTERM or SIGHUP: 128 + 15


class KgError(Exception):
    """Base of every error govreport-kg raises on purpose."""

    exit_code = ExitCode.ERROR


class InputError(KgError):
    """An input cannot be read or is not a report (missing, binary, empty, undecodable)."""

    exit_code = ExitCode.INPUT


class OutputError(KgError):
    """An output cannot be written (exists without --force, not writable)."""

    exit_code = ExitCode.OUTPUT


class ConfigError(KgError):
    """An option or setting is invalid (unknown format, bad base IRI)."""

    exit_code = ExitCode.CONFIG


class GoldError(KgError):
    """A gold annotation file does not follow the guidelines' format."""

    exit_code = ExitCode.GOLD


class ServerError(KgError):
    """A SPARQL server cannot be reached, refused a request (credentials, an error status) or
    did not answer in time."""

    exit_code = ExitCode.SERVER
