"""The page in real headless Chromium: it loads cleanly, draws every entity, and responds."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page
from rdflib import Graph

from kg.build import build
from kg.export.html import GraphPage, write_html
from kg.rdf.namespaces import GRK
from tests.browser.conftest import PageLog, open_graph, save_screenshot
from tests.conftest import SAMPLE
from tests.export.synthetic import synthetic_graph

# How many of the drawn nodes sit inside the visible canvas.
NODES_ON_CANVAS = """() => {
  const network = kgExplorer.network;
  const ids = network.body.nodeIndices;
  const positions = network.getPositions(ids);
  const box = document.getElementById("graph").getBoundingClientRect();
  return ids.filter((id) => {
    const p = network.canvasToDOM(positions[id]);
    return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
  }).length;
}"""


def entity_count(graph: Graph) -> int:
    """Counted by SPARQL on the RDF graph, independently of the page's own reading of it."""
    types = " ".join(f"<{t}>" for t in (GRK.Project, GRK.Organization, GRK.Place))
    query = f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ VALUES ?t {{ {types} }} ?e a ?t }}"
    return int(next(iter(graph.query(query)))[0])  # type: ignore[index]


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Graph]:
    out = tmp_path_factory.mktemp("sample")
    build([SAMPLE], out)
    return out / "graph.html", Graph().parse(out / "graph.ttl")


def node_point(page: Page, node_id: int) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    point = page.evaluate(
        """(id) => {
          const network = kgExplorer.network;
          const p = network.canvasToDOM(network.getPositions([id])[id]);
          const box = document.getElementById("graph").getBoundingClientRect();
          return { x: box.left + p.x, y: box.top + p.y };
        }""",
        node_id,
    )
    return point["x"], point["y"]


def node_id_of(page: Page, label: str) -> int:
    data = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes")
    return next(index for index, node in enumerate(data) if node["label"] == label)


def visible_count(page: Page) -> int:
    return int(page.locator("#visible-count").inner_text())


def test_sample_page_loads_offline_and_draws_every_entity(
    page: tuple[Page, PageLog], sample_page: tuple[Path, Graph]
) -> None:
    browser_page, log = page
    path, graph = sample_page
    open_graph(browser_page, path)
    expected = entity_count(graph)
    assert expected > 20
    assert browser_page.evaluate("kgExplorer.drawnCount()") == expected
    assert browser_page.evaluate(NODES_ON_CANVAS) == expected
    assert visible_count(browser_page) == expected
    assert log.errors == [] and log.console_errors == [] and log.dialogs == []
    assert log.requests == [path.resolve().as_uri()], "the page asked for something beyond itself"
    settle_ms = browser_page.evaluate("kgExplorer.settleMs")
    print(f"sample: page {path.stat().st_size / 1e6:.2f} MB, settled in {settle_ms} ms")
    # Clicking a node shows its details beside the graph (the picture in the README).
    browser_page.mouse.click(
        *node_point(browser_page, node_id_of(browser_page, "青溪种业创新中心"))
    )
    details = browser_page.locator("#details").inner_text()
    assert details.startswith("青溪种业创新中心") and "动作" in details
    assert "null" not in details and "undefined" not in details
    save_screenshot(browser_page, "sample-graph.png")


def test_search_finds_and_selects_an_entity(
    page: tuple[Page, PageLog], sample_page: tuple[Path, Graph]
) -> None:
    browser_page, log = page
    open_graph(browser_page, sample_page[0])
    browser_page.fill("#search", "种业")
    results = browser_page.locator("#search-results li")
    assert results.count() >= 1
    assert all("种业" in text for text in results.all_inner_texts())
    selected = browser_page.evaluate(
        "kgExplorer.network.getSelectedNodes().map((id) => kgExplorer.nodes.get(id).label)"
    )
    assert selected and all("种业" in label for label in selected)
    results.first.click()
    assert "种业" in browser_page.locator("#details h2").inner_text()
    assert browser_page.locator("#details .sentence").count() >= 1  # the source sentence
    browser_page.click("#fit")
    browser_page.fill("#search", "种业")
    browser_page.press("#search", "Enter")  # goes to the first match
    assert browser_page.locator("#details h2").inner_text() == results.first.inner_text()
    browser_page.fill("#search", "没有这个名字的实体")
    assert browser_page.locator("#search-count").inner_text() == "0 matches"
    assert log.errors == [] and log.console_errors == []


@pytest.mark.parametrize(
    ("group", "value", "attribute"),
    [
        ("types", "Place", "type"),
        ("statuses", "completed", "statuses"),
        ("sections", "plan", "sections"),
    ],
)
def test_a_filter_hides_exactly_what_it_names(
    page: tuple[Page, PageLog],
    sample_page: tuple[Path, Graph],
    group: str,
    value: str,
    attribute: str,
) -> None:
    browser_page, _ = page
    open_graph(browser_page, sample_page[0])
    data = browser_page.evaluate("JSON.parse(document.getElementById('kg-data').textContent).nodes")
    for node in data:  # a node has its types, and any number of statuses and sections
        node["type"] = [node["type"], *node["otherTypes"]]
    total = len(data)
    # What should stay: nodes with another allowed value besides the one switched off.
    keep = sum(1 for node in data if set(node[attribute]) - {value})
    assert keep < total
    browser_page.locator(f'input[data-filter="{group}"][value="{value}"]').uncheck()
    assert visible_count(browser_page) == keep
    assert browser_page.evaluate("kgExplorer.drawnCount()") == keep
    browser_page.locator(f'input[data-filter="{group}"][value="{value}"]').check()
    assert browser_page.evaluate("kgExplorer.drawnCount()") == total


def test_tooltip_shows_type_status_and_source_sentence(
    page: tuple[Page, PageLog], sample_page: tuple[Path, Graph]
) -> None:
    browser_page, _ = page
    open_graph(browser_page, sample_page[0])
    node_id = browser_page.evaluate(
        "JSON.parse(document.getElementById('kg-data').textContent).nodes"
        ".findIndex((n) => n.actions.length > 0)"
    )
    assert node_id >= 0
    browser_page.mouse.move(*node_point(browser_page, node_id))
    tooltip = browser_page.locator(".vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    assert "Project" in text or "Organization" in text or "Place" in text
    assert "Status" in text and any(s in text for s in ("completed", "ongoing", "planned"))
    assert "。" in text  # the source sentence


def test_a_2000_node_graph_opens_settles_and_responds(
    page: tuple[Page, PageLog], tmp_path: Path
) -> None:
    browser_page, log = page
    graph = synthetic_graph(2100)
    path = tmp_path / "big.html"
    write_html(graph, path)
    open_graph(browser_page, path, timeout_ms=90_000)
    expected = entity_count(graph)
    assert expected == 2100
    assert browser_page.evaluate("kgExplorer.drawnCount()") == expected
    # Physics is off once settled: the layout holds still.
    assert browser_page.evaluate("kgExplorer.network.physics.physicsEnabled") is False
    layout = browser_page.evaluate("kgExplorer.network.getPositions()")
    browser_page.wait_for_timeout(300)
    assert browser_page.evaluate("kgExplorer.network.getPositions()") == layout
    # Search, then focus on one entity's neighbourhood and back.
    browser_page.fill("#search", "测试1234")
    assert browser_page.locator("#search-count").inner_text() == "1 match"
    browser_page.locator("#search-results li").first.click()
    browser_page.get_by_role("button", name="Focus on neighbourhood 聚焦").click()
    focused = visible_count(browser_page)
    assert 2 <= focused < 50
    assert browser_page.evaluate("kgExplorer.drawnCount()") == focused
    browser_page.click("#focus-clear")
    assert visible_count(browser_page) == expected
    # Every node is back where the layout put it.
    after = browser_page.evaluate("kgExplorer.network.getPositions()")
    assert after == layout
    assert log.errors == [] and log.console_errors == []
    settle_ms = browser_page.evaluate("kgExplorer.settleMs")
    print(f"2,100 nodes: page {path.stat().st_size / 1e6:.2f} MB, settled in {settle_ms} ms")
    save_screenshot(browser_page, "graph-2100-nodes.png")


def test_notebook_view_runs_inside_its_iframe(page: tuple[Page, PageLog], tmp_path: Path) -> None:
    browser_page, log = page
    notebook = tmp_path / "notebook.html"
    frame_html = GraphPage(synthetic_graph(30), height=500)._repr_html_()
    notebook.write_text(f"<!DOCTYPE html><meta charset='utf-8'>{frame_html}", encoding="utf-8")
    browser_page.goto(notebook.as_uri())
    frame = browser_page.frames[1]
    frame.wait_for_function("() => window.kgExplorer && window.kgExplorer.settled", timeout=20_000)
    assert frame.evaluate("kgExplorer.drawnCount()") == 30
    assert log.errors == [] and log.console_errors == [] and log.dialogs == []
    assert all(url in (notebook.as_uri(), "about:srcdoc") for url in log.requests), log.requests


def test_a_corpus_page_filters_by_report(page: tuple[Page, PageLog], tmp_path: Path) -> None:
    browser_page, log = page
    graph = synthetic_graph(60, seed=1, label="甲") + synthetic_graph(45, seed=2, label="乙")
    path = tmp_path / "corpus.html"
    write_html(graph, path)
    open_graph(browser_page, path)
    assert browser_page.locator("#page-title").inner_text() == "2 reports 份报告"
    assert browser_page.locator("#report").input_value() == "overview"  # starts from it
    browser_page.select_option("#report", label="乙合成测试报告")
    assert visible_count(browser_page) == browser_page.evaluate("kgExplorer.drawnCount()") == 45
    assert browser_page.locator("#details h2").inner_text().startswith("Metrics 指标 (")
    browser_page.select_option("#report", label="All reports, every entity 全部")
    assert visible_count(browser_page) == 105
    assert log.errors == [] and log.console_errors == []


def test_re_arrange_runs_the_layout_again_and_stops(
    page: tuple[Page, PageLog], sample_page: tuple[Path, Graph]
) -> None:
    browser_page, log = page
    open_graph(browser_page, sample_page[0])
    assert browser_page.evaluate("kgExplorer.layoutRuns") == 1
    browser_page.click("#relayout")
    browser_page.wait_for_function("() => kgExplorer.layoutRuns === 2", timeout=20_000)
    assert browser_page.evaluate("kgExplorer.network.physics.physicsEnabled") is False
    assert browser_page.locator("#layout-status").inner_text() == "Layout settled 布局完成"
    assert log.errors == [] and log.console_errors == []
