"""Who made a graph and when: the tool's version and the build time.

The build time is the one value that differs between two builds of the same input. It honours
SOURCE_DATE_EPOCH (reproducible-builds.org) so that a build can be repeated byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from kg import __version__
from kg.errors import ConfigError


@dataclass(frozen=True, slots=True)
class BuildInfo:
    tool_version: str
    build_time: datetime  # aware, UTC

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> BuildInfo:
        """This tool's version; the time from SOURCE_DATE_EPOCH if set, else now (to the second)."""
        env = os.environ if environ is None else environ
        epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch:
            try:
                when = datetime.fromtimestamp(int(epoch), UTC)
            except (ValueError, OverflowError, OSError):
                raise ConfigError(
                    f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970"
                ) from None
        else:
            when = datetime.now(UTC).replace(microsecond=0)
        return cls(tool_version=__version__, build_time=when)
