"""Report how many generated inputs the property and fuzz tests tried (docs/reliability.md
quotes it)."""

from __future__ import annotations

import pytest

from tests.reliability.counts import TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TRIED:
        return
    parts = ", ".join(f"{target} {count}" for target, count in sorted(TRIED.items()))
    terminalreporter.write_line(
        f"reliability: generated inputs tried: {parts} (total {sum(TRIED.values())})"
    )
