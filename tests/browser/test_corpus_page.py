"""The corpus page on the 31 provincial reports, in real headless Chromium: it starts from an
overview of the reports, opens one report's graph on demand, and lists every metric with its
region and report in a table that sorts and filters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from kg.build import BuildSummary, build
from tests.browser.conftest import PageLog, open_graph, save_screenshot
from tests.conftest import SHARED

PROVINCES = SHARED / "corpus" / "provinces-2026"


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildSummary]:
    out = tmp_path_factory.mktemp("provinces")
    summary = build([PROVINCES], out, formats=["html"], workers=2, use_cache=False)
    return out / "graph.html", summary


def page_data(browser_page: Page) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(browser_page.locator("#kg-data").text_content() or "{}")
    return data


def drawn(browser_page: Page) -> list[dict[str, Any]]:
    """The nodes on the canvas: their ids and first label line."""
    nodes: list[dict[str, Any]] = browser_page.evaluate(
        """() => kgExplorer.network.body.nodeIndices.map((id) => {
             const node = kgExplorer.nodes.get(id);
             return { id, label: node.label.split("\\n")[0] };
           })"""
    )
    return nodes


def click_node(browser_page: Page, node_id: int, *, double: bool = False) -> None:
    point = browser_page.evaluate(
        """(id) => {
          const network = kgExplorer.network;
          const p = network.canvasToDOM(network.getPositions([id])[id]);
          const box = document.getElementById("graph").getBoundingClientRect();
          return { x: box.left + p.x, y: box.top + p.y };
        }""",
        node_id,
    )
    if double:
        browser_page.mouse.dblclick(point["x"], point["y"])
    else:
        browser_page.mouse.click(point["x"], point["y"])


def test_the_corpus_page_starts_from_an_overview_of_the_reports(
    page: tuple[Page, PageLog], corpus_page: tuple[Path, BuildSummary]
) -> None:
    browser_page, log = page
    path, summary = corpus_page
    open_graph(browser_page, path, timeout_ms=60_000)
    data = page_data(browser_page)
    entities = len(data["nodes"])
    reports = data["reports"]
    assert len(reports) == 31
    # Every report titled, with its region and year where the text gives no title.
    titles = [report["title"] for report in reports]
    assert len(set(titles)) == 31
    for report in reports:
        assert report["region"] and report["year"] == "2026", report
        assert report["region"][:2] in report["title"] and "2026" in report["title"], report
        assert "(" not in report["title"], report  # no file name needed to tell them apart
    # The overview: a node per report with its headline numbers, and the most named entities.
    nodes = drawn(browser_page)
    report_nodes = [node for node in nodes if node["id"] >= entities]
    entity_nodes = [node for node in nodes if node["id"] < entities]
    assert len(report_nodes) == 31
    assert {node["label"] for node in report_nodes} == {r["region"] for r in reports}
    headlines = browser_page.evaluate(
        f"kgExplorer.nodes.get().filter((n) => n.id >= {entities}).map((n) => n.label)"
    )
    assert all("项目" in label and "指标" in label for label in headlines)
    assert 10 <= len(entity_nodes) <= 40 and all(node["label"] for node in entity_nodes)
    named_by = {index: len(node["reports"]) for index, node in enumerate(data["nodes"])}
    least_shown = min(named_by[node["id"]] for node in entity_nodes)
    assert sum(1 for n in named_by.values() if n > least_shown) < len(entity_nodes)
    # The header counts what the build line counts.
    counts = browser_page.locator("#counts").inner_text()
    for name in ("Project", "Organization", "Place", "Action", "Metric"):
        assert f"{name} {summary.counts[name]}" in counts
    assert data["counts"] == dict(summary.counts)
    save_screenshot(browser_page, "corpus-overview.png")

    # A report's details, then its own graph; the overview again.
    sichuan = next(i for i, r in enumerate(reports) if r["region"] == "四川省")
    click_node(browser_page, entities + sichuan)
    assert browser_page.locator("#details h2").inner_text() == reports[sichuan]["title"]
    assert "Projects 项目" in browser_page.locator("#details").inner_text()
    browser_page.click("#open-report")
    browser_page.wait_for_function("() => kgExplorer.settled", timeout=60_000)
    own = sum(1 for node in data["nodes"] if sichuan in node["reports"])
    assert browser_page.evaluate("kgExplorer.drawnCount()") == own
    assert int(browser_page.locator("#visible-count").inner_text()) == own
    assert browser_page.locator("#report").input_value() == str(sichuan)
    save_screenshot(browser_page, "corpus-one-report.png")
    browser_page.click("#overview")
    browser_page.wait_for_function("() => kgExplorer.settled", timeout=60_000)
    assert len(drawn(browser_page)) == len(nodes)
    # An entity of the overview opens its neighbourhood across the reports.
    click_node(browser_page, entity_nodes[0]["id"], double=True)
    browser_page.wait_for_function("() => kgExplorer.settled", timeout=60_000)
    assert browser_page.locator("#focus-bar").is_visible()
    assert 2 <= browser_page.evaluate("kgExplorer.drawnCount()") < entities
    assert log.errors == [] and log.console_errors == [] and log.dialogs == []
    assert log.requests == [path.resolve().as_uri()]


def test_the_metrics_table_has_region_and_report_and_sorts_and_filters(
    page: tuple[Page, PageLog], corpus_page: tuple[Path, BuildSummary]
) -> None:
    browser_page, log = page
    path, summary = corpus_page
    open_graph(browser_page, path, timeout_ms=60_000)
    browser_page.click("#open-table")
    headers = browser_page.locator("#metrics-table th").all_inner_texts()
    assert [h.split()[0] for h in headers] == ["Value", "Measure", "Kind", "Region", "Report"]
    count = browser_page.locator("#table-count").inner_text()
    assert count.startswith(f"{summary.counts['Metric']} of {summary.counts['Metric']} metrics")

    def column(key: str) -> list[str]:
        index = ["value", "measure", "kind", "region", "report"].index(key) + 1
        cells = browser_page.locator(f"#metrics-table tbody tr td:nth-child({index})")
        return cells.all_inner_texts()

    browser_page.fill("#table-filter", "广东省")
    assert set(column("region")) == {"广东省"}
    browser_page.fill("#table-filter", "地区生产总值")
    measures = column("measure")
    assert measures and all("地区生产总值" in m for m in measures)
    browser_page.select_option("#table-kind", "target")
    assert set(column("kind")) == {"目标 target"}
    browser_page.select_option("#table-kind", "")
    browser_page.click("#metrics-table th[data-key=region]")
    regions = column("region")
    assert regions == sorted(regions, key=lambda r: r.encode("gb18030")) or len(set(regions)) > 1
    browser_page.click("#metrics-table th[data-key=value]")  # ascending by the number
    data = page_data(browser_page)
    by_text = {m["text"]: float(m["value"]) for m in data["metrics"]}
    values = [by_text[text] for text in column("value")]
    assert values == sorted(values)
    browser_page.click("#metrics-table th[data-key=value]")  # and descending
    values = [by_text[text] for text in column("value")]
    assert values == sorted(values, reverse=True)
    assert (
        browser_page.locator("#metrics-table th[data-key=value]").get_attribute("aria-sort")
        == "descending"
    )
    # A row shows its sentence beside the table.
    browser_page.locator("#metrics-table tbody tr").first.click()
    assert "地区生产总值" in browser_page.locator("#details .sentence").inner_text()
    save_screenshot(browser_page, "corpus-metrics-table.png")
    browser_page.click("#close-table")
    assert browser_page.locator("#table-view").is_hidden()
    assert log.errors == [] and log.console_errors == []
