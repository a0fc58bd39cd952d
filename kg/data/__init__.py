"""Lexicons and rule tables as data files a domain expert can edit.

Each file starts with comment lines (``#``) naming its purpose and, where it comes from
outside this project, its source. Blank lines and comments are ignored.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# An environment variable naming a selector model to use instead of the shipped selector.json
# (cross-validation builds held-out documents with the model of the other folds).
SELECTOR_MODEL_ENV = "KG_SELECTOR_MODEL"


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a data file, stripped of surrounding white space."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@cache
def data_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated data file (comments and blank lines skipped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in data_lines(name))
