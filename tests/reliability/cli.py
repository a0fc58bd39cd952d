"""Running the real ``kg`` console script and checking the shape of its failures."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

KG = str(Path(sys.executable).with_name("kg"))
# The one warning a successful build may give: a report that does not say its region or years.
_UNKNOWN_METADATA = re.compile(
    r"kg: warning: .+: no (?:region|years|region or years) found "
    r"\(use (?:--region|--year|--region and --year)\)"
)


def run_kg(
    *args: str | Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [KG, *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        preexec_fn=preexec_fn,
        timeout=600,
        check=False,
    )


def assert_one_line_error(
    result: subprocess.CompletedProcess[bytes], exit_code: int, message: str
) -> str:
    """A failure: the exit code, nothing on stdout, one line on stderr holding ``message``."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == exit_code, (result.returncode, stderr)
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and stderr.endswith("\n"), stderr
    assert lines[0].startswith("kg: "), stderr
    assert message in lines[0], stderr
    assert "internal error" not in lines[0], stderr
    return lines[0]


def assert_success(result: subprocess.CompletedProcess[bytes]) -> None:
    """Built: exit 0, and nothing on stderr but the warning of a report whose region or years
    stay unknown (odd inputs often say neither)."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr
    assert all(_UNKNOWN_METADATA.fullmatch(line) for line in stderr.splitlines()), stderr
