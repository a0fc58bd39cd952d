"""The exceptions users of the library catch. Only the CLI turns them into messages."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error govreport-kg raises on purpose."""


class InputError(KgError):
    """An input cannot be read or is not a report (missing, binary, empty, undecodable)."""


class OutputError(KgError):
    """An output cannot be written (exists without --force, not writable)."""


class ConfigError(KgError):
    """An option or setting is invalid (unknown format, bad base IRI)."""


class GoldError(KgError):
    """A gold annotation file does not follow the guidelines' format."""
