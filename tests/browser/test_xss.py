"""Report text is data: hostile names reach the page as text and run nothing (issue 8, item 4)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from kg.build import build
from kg.export.html import write_html
from tests.browser.conftest import PageLog, open_graph
from tests.export.synthetic import synthetic_graph

# Each payload sets a flag (and opens a dialog) if the browser ever runs it.
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2;alert(2)</script>",
    "<!--<script>window.__pwned=3</script>",
    '<svg onload="window.__pwned=4">',
    "\u2028{{ data }}${alert(5)}\\\"'",
)
HOSTILE = "".join(PAYLOADS)
REPORT = f"""2024年{PAYLOADS[0]}区人民政府工作报告

一、2023年工作回顾
全年建成“{PAYLOADS[0]}产业园”和{PAYLOADS[2]}大厦，完成投资12亿元。
{PAYLOADS[1]}集团与{PAYLOADS[3]}研究院合作建设“{PAYLOADS[4]}科技中心”。

二、2024年工作安排
推进{PAYLOADS[0]}片区改造，启动</script>大桥建设。
"""


def assert_nothing_ran(browser_page: Page, log: PageLog) -> None:
    assert log.dialogs == []
    assert browser_page.evaluate("typeof window.__pwned") == "undefined"
    injected = browser_page.locator("#details img, #controls img, #details svg, header img")
    assert injected.count() == 0
    assert log.errors == [] and log.console_errors == []
    assert log.requests == [browser_page.url], "an injected element fetched something"


def test_crafted_report_through_kg_build_runs_nothing(
    page: tuple[Page, PageLog], tmp_path: Path
) -> None:
    browser_page, log = page
    source = tmp_path / "crafted.txt"
    source.write_text(REPORT, encoding="utf-8")
    build([source], tmp_path / "out")
    open_graph(browser_page, tmp_path / "out" / "graph.html")
    # The payload did reach the page, as text: the title and the sentences carry it.
    assert PAYLOADS[0] in browser_page.locator("#page-title").inner_text()
    browser_page.locator(".metric-row").first.click()
    assert PAYLOADS[0] in browser_page.locator("#details .sentence").first.inner_text()
    assert_nothing_ran(browser_page, log)


def test_hostile_names_everywhere_show_as_text(page: tuple[Page, PageLog], tmp_path: Path) -> None:
    browser_page, log = page
    path = tmp_path / "hostile.html"
    write_html(synthetic_graph(30, label=HOSTILE), path)
    open_graph(browser_page, path)
    labels = browser_page.evaluate("kgExplorer.nodes.get().map((n) => n.label.split('\\n')[0])")
    assert len(labels) == 30 and all(label.startswith(HOSTILE) for label in labels)
    browser_page.fill("#search", "<img src=x")
    results = browser_page.locator("#search-results li")
    assert results.count() == 30
    results.first.click()  # details panel: name, actions, metrics, sentences
    assert browser_page.locator("#details h2").inner_text().startswith(HOSTILE)
    browser_page.get_by_role("button", name="Focus on neighbourhood 聚焦").click()
    browser_page.mouse.move(700, 400)
    assert_nothing_ran(browser_page, log)


def test_hostile_reports_in_the_overview_and_the_metrics_table_show_as_text(
    page: tuple[Page, PageLog], tmp_path: Path
) -> None:
    browser_page, log = page
    path = tmp_path / "hostile-corpus.html"
    graph = synthetic_graph(30, seed=1, label=HOSTILE) + synthetic_graph(30, seed=2, label="乙")
    write_html(graph, path)
    open_graph(browser_page, path)
    assert browser_page.locator("#report").input_value() == "overview"
    report = browser_page.evaluate("kgExplorer.nodes.get().find((n) => n.id >= 60).label")
    assert HOSTILE in report or report.startswith("乙")
    browser_page.click("#open-table")
    browser_page.fill("#table-filter", "<img")
    rows = browser_page.locator("#metrics-table tbody tr")
    assert rows.count() > 0
    assert HOSTILE in rows.first.inner_text()
    rows.first.click()
    assert_nothing_ran(browser_page, log)
    assert browser_page.locator("#table-view img, #table-view svg").count() == 0
