"""The "Plans and outcomes" page: per region and year, each target's verdict and each project's
next status, filterable; a row opens its two sentences.

The page works offline and on its own, as the graph's page does: the rows are JSON data the
script puts into the page as text, and its Content-Security-Policy lets only its own script run.
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib import resources
from pathlib import Path

from kg.export.atomic import atomic_write
from kg.export.html import content_security_policy
from kg.export.page_data import script_json

_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
TITLE = "Plans and outcomes 计划与完成情况"


def render_outcomes_page(
    targets: list[dict[str, str]], projects: list[dict[str, str]], *, title: str = TITLE
) -> str:
    """The page of the rows of targets.csv and projects.csv."""
    script = _asset("outcomes.js")
    values = {
        "title": html.escape(title),
        "csp": content_security_policy(script),
        "style": _asset("outcomes.css"),
        "script": script,
        "data": script_json({"targets": targets, "projects": projects}),
    }
    # One pass, so nothing substituted (report text included) is read as a placeholder.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("outcomes.html"))


def write_outcomes_page(
    path: Path, targets: list[dict[str, str]], projects: list[dict[str, str]]
) -> None:
    page = render_outcomes_page(targets, projects)
    with atomic_write(path, binary=True) as handle:
        handle.write(page.encode("utf-8"))


@cache
def _asset(name: str) -> str:
    return resources.files("kg.track").joinpath("page", name).read_text(encoding="utf-8")
