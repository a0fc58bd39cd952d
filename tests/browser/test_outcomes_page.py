"""The "Plans and outcomes" page of ``kg track``, in real headless Chromium: rows grouped by
region and year, the filters (region, year, verdict, status, words), a row opening its two
sentences, and report text shown as text only."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from playwright.sync_api import Page

from kg.track import track
from kg.track.page import write_outcomes_page
from kg.track.tables import PROJECT_COLUMNS, TARGET_COLUMNS
from tests.browser.conftest import PageLog, save_screenshot
from tests.browser.test_xss import PAYLOADS
from tests.conftest import SHARED

SERIES = SHARED / "corpus" / "series"


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The State Council's and 海拉尔区's series tracked together: two regions, many years."""
    out = tmp_path_factory.mktemp("track") / "out"
    track([SERIES / "national", SERIES / "districts"], out, use_cache=False)
    return out


def rows(directory: Path, name: str) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def open_outcomes(browser_page: Page, path: Path) -> None:
    browser_page.goto(path.resolve().as_uri())
    browser_page.wait_for_function("() => window.kgOutcomes && window.kgOutcomes.ready")


def shown_groups(browser_page: Page, table: str) -> list[str]:
    return browser_page.locator(f"#{table} tr.group:visible .group-name").all_inner_texts()


def test_rows_are_grouped_by_region_and_year_and_open_their_sentences(
    page: tuple[Page, PageLog], tracked: Path
) -> None:
    browser_page, log = page
    path = tracked / "plans-and-outcomes.html"
    open_outcomes(browser_page, path)
    targets = rows(tracked, "targets.csv")
    expected = sorted({(r["region"], int(r["year"])) for r in targets})
    assert shown_groups(browser_page, "targets") == [f"{r} · {y}" for r, y in expected]
    assert browser_page.locator("#target-count").inner_text() == f"{len(targets)} / {len(targets)}"

    # The State Council's 2024 group: its tally counts its rows' verdicts.
    group = browser_page.locator("#targets tr.group", has_text="中华人民共和国 · 2024")
    region_2024 = [r for r in targets if r["region"] == "中华人民共和国" and r["year"] == "2024"]
    met = sum(1 for r in region_2024 if r["verdict"] == "met")
    assert f"met {met}" in group.locator(".group-tally").inner_text()

    # A row opens the plan's sentence and the review's, and closes again.
    gdp = browser_page.locator("#targets tr.row", has_text="地区生产总值").filter(
        has_text="5% 左右"
    )
    gdp.first.click()
    opened = browser_page.locator("#targets tr.details .sentence").all_inner_texts()
    assert len(opened) == 2
    assert "国内生产总值增长5%左右" in opened[0] and "(2024)" in opened[0]
    assert "增长5%" in opened[1] and "(2025)" in opened[1]
    assert gdp.first.get_attribute("aria-expanded") == "true"
    gdp.first.click()
    assert browser_page.locator("#targets tr.details").count() == 0
    # …and from the keyboard.
    gdp.first.focus()
    browser_page.keyboard.press("Enter")
    assert browser_page.locator("#targets tr.details").count() == 1
    save_screenshot(browser_page, "plans-and-outcomes.png")
    assert log.errors == [] and log.console_errors == [] and log.dialogs == []
    assert log.requests == [path.resolve().as_uri()]


def test_the_filters_keep_a_region_a_year_and_a_verdict(
    page: tuple[Page, PageLog], tracked: Path
) -> None:
    browser_page, log = page
    open_outcomes(browser_page, tracked / "plans-and-outcomes.html")
    targets = rows(tracked, "targets.csv")
    projects = rows(tracked, "projects.csv")

    browser_page.select_option("#region", "海拉尔区")
    groups = shown_groups(browser_page, "targets")
    assert groups and all(g.startswith("海拉尔区 · ") for g in groups)
    district = [r for r in targets if r["region"] == "海拉尔区"]
    assert browser_page.locator("#target-count").inner_text().startswith(f"{len(district)} /")

    browser_page.select_option("#year", "2014")
    assert shown_groups(browser_page, "targets") == ["海拉尔区 · 2014"]
    of_2014 = [r for r in district if r["year"] == "2014"]
    shown = browser_page.locator("#targets tr.row:visible")
    assert shown.count() == len(of_2014)
    planned = [r for r in projects if r["region"] == "海拉尔区" and r["year"] == "2014"]
    assert browser_page.locator("#projects tr.row:visible").count() == len(planned)

    browser_page.select_option("#verdict", "missed")
    missed = [r for r in of_2014 if r["verdict"] == "missed"]
    assert shown.count() == len(missed) > 0
    assert set(browser_page.locator("#targets tr.row:visible .badge").all_inner_texts()) == {
        "missed"
    }
    tally = browser_page.locator("#targets tr.group:visible .group-tally").inner_text()
    assert tally == f"missed {len(missed)}"

    # Words filter too; a filter that keeps nothing hides the group headers.
    browser_page.fill("#filter", "旅游")
    assert shown.count() == 0 and shown_groups(browser_page, "targets") == []
    browser_page.select_option("#verdict", "met")
    tourism = [r for r in of_2014 if "旅游" in "".join(r.values()) and r["verdict"] == "met"]
    assert shown.count() == len(tourism) > 0
    assert log.errors == [] and log.console_errors == []


def test_report_text_on_the_page_runs_nothing(page: tuple[Page, PageLog], tmp_path: Path) -> None:
    browser_page, log = page
    hostile = "".join(PAYLOADS)
    target = {column: hostile for column in TARGET_COLUMNS}
    target |= {"year": "2024", "verdict": "met", "target": "5", "actual": "6"}
    project = {column: hostile for column in PROJECT_COLUMNS}
    project |= {"year": "2024", "next_status": "ongoing"}
    path = tmp_path / "hostile.html"
    write_outcomes_page(path, [target], [project])
    open_outcomes(browser_page, path)
    assert shown_groups(browser_page, "targets") == [f"{hostile} · 2024"]
    assert browser_page.locator("#projects tr.row td").first.inner_text() == hostile
    browser_page.locator("#targets tr.row").first.click()
    sentences = browser_page.locator("#targets tr.details .sentence").all_inner_texts()
    assert all(hostile in text for text in sentences)
    browser_page.fill("#filter", "<img src=x")
    assert browser_page.locator("#targets tr.row:visible").count() == 1
    assert log.dialogs == []
    assert browser_page.evaluate("typeof window.__pwned") == "undefined"
    assert browser_page.locator("main img, main svg, main script").count() == 0
    assert log.errors == [] and log.console_errors == []
    assert log.requests == [path.resolve().as_uri()]
