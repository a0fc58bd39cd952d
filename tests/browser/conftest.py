"""Real headless Chromium (Debian's ``chromium``), driven by Playwright; never a downloaded browser.

Each test gets a fresh page that records console messages, uncaught errors, dialogs and every
request, so a test can assert that nothing went wrong and nothing left the file.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Dialog, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 850}


@dataclass
class PageLog:
    """What a page did while a test used it."""

    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "warning")]


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does this)")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh user-data-dir
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport=VIEWPORT,  # type: ignore[arg-type]
        )
        yield context
        context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[tuple[Page, PageLog]]:
    page = browser.new_page()
    log = PageLog()
    page.on("console", lambda message: log.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: log.errors.append(str(error)))
    page.on("request", lambda request: log.requests.append(request.url))

    def on_dialog(dialog: Dialog) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page, log
    page.close()


def open_graph(page: Page, path: Path, *, timeout_ms: int = 20_000) -> None:
    """Open a page written by ``kg`` and wait until its layout has settled."""
    page.goto(path.resolve().as_uri())
    # A function, not a string: the page's policy forbids eval, which a string would need.
    page.wait_for_function(
        "() => window.kgExplorer && window.kgExplorer.settled", timeout=timeout_ms
    )


def save_screenshot(page: Page, name: str) -> Path:
    """Keep a picture of the page for review (tests/artifacts/, not committed)."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path
