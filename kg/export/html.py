"""An interactive page of the graph that works offline and on its own.

vis-network is the copy that ships inside the pyvis package, inlined: the page makes no request
at all (its Content-Security-Policy forbids any), and every string from a report reaches it as
JSON data that the script puts into the page as text, never as markup.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import Graph

from kg.errors import ConfigError
from kg.export.atomic import atomic_write
from kg.export.page_data import page_data, script_json
from kg.export.view import read_view
from kg.rdf.dataset import KnowledgeGraph

_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")


def write_html(graph: Graph | KnowledgeGraph, path: Path) -> None:
    """Write the interactive page of ``graph`` to ``path`` (UTF-8)."""
    page = render_page(graph)
    with atomic_write(path, binary=True) as handle:
        handle.write(page.encode("utf-8"))


def render_page(graph: Graph | KnowledgeGraph, *, title: str | None = None) -> str:
    """The whole page as one HTML document."""
    view = read_view(graph)
    if title is None:
        title = view.reports[0] if len(view.reports) == 1 else f"{len(view.reports)} reports 份报告"
    vis_js = _vis_network_js()
    app_js = _asset("page.js")
    values = {
        "title": html.escape(title),
        "csp": content_security_policy(vis_js, app_js),
        "style": _asset("page.css"),
        "vis_js": vis_js,
        "app_js": app_js,
        "data": script_json(page_data(view)),
    }
    # One pass, so nothing substituted (report text included) is read as a placeholder.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("page.html"))


class GraphPage:
    """The page of a graph for a notebook: shown inline (in an iframe), or saved to a file."""

    def __init__(self, graph: Graph | KnowledgeGraph, *, height: int = 640) -> None:
        self.html = render_page(graph)
        self.height = height

    def save(self, path: str | Path) -> Path:
        target = Path(path)
        with atomic_write(target, binary=True) as handle:
            handle.write(self.html.encode("utf-8"))
        return target

    def _repr_html_(self) -> str:
        # srcdoc keeps the page's own scripts and policy apart from the notebook's.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width:100%;height:{self.height}px;border:1px solid #ddd" '
            'sandbox="allow-scripts"></iframe>'
        )


def content_security_policy(*scripts: str) -> str:
    # Only the page's own inline scripts may run: an injected one would not match a hash.
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@cache
def _asset(name: str) -> str:
    return resources.files("kg.export").joinpath("page", name).read_text(encoding="utf-8")


@cache
def _vis_network_js() -> str:
    """The newest vis-network build bundled with pyvis."""
    lib = resources.files("pyvis").joinpath("templates", "lib")
    builds = sorted(
        (entry for entry in lib.iterdir() if entry.name.startswith("vis-")),
        key=lambda entry: tuple(int(p) for p in re.findall(r"\d+", entry.name)),
    )
    if not builds:
        raise ConfigError("pyvis ships no vis-network build; reinstall pyvis")
    script = builds[-1].joinpath("vis-network.min.js").read_text(encoding="utf-8")
    if "</script" in script.lower():
        raise ConfigError("the bundled vis-network cannot be inlined: it contains </script")
    return script
