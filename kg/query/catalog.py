"""The bundled queries (``ontology/queries/*.rq``) as a catalogue, read from their headers.

Each query file opens with comment lines that say what it answers::

    # Metrics whose measure mentions a word            <- title
    # 按关键词查找指标                                  <- title in Chinese
    # Question: how much of something was done ...      <- may go on over several lines
    # Parameters: ?keyword (required), e.g. --param keyword=盘活
    # Columns: keyword, measure, value, ...

``Parameters`` lists ``?name (required|optional…)`` items separated by ``;`` (or ``none``).
The catalogue lists the queries (``kg query --list``), finds one by name or suggests the
closest, and names a required parameter left unbound.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError, InputError
from kg.rdf.ontology import queries_dir

_FIELD = re.compile(r"^(Question|Parameters|Columns):\s*(.*)$")
_PARAMETER = re.compile(r"\?(?P<name>[A-Za-z_]\w*)\s*\((?P<need>required|optional)")
_EXAMPLE = re.compile(r"--param '?(?P<pair>[A-Za-z_]\w*=[^'\s;]+)")


@dataclass(frozen=True, slots=True)
class Parameter:
    """A variable of a bundled query that ``--param NAME=VALUE`` binds."""

    name: str
    required: bool
    text: str  # as the header says it: "?keyword (required), e.g. --param keyword=盘活"
    example: str = ""  # "keyword=盘活", where the header gives one


@dataclass(frozen=True, slots=True)
class BundledQuery:
    name: str  # the file name without .rq: what ``kg query`` takes
    path: Path
    title: str
    title_zh: str
    question: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]

    @property
    def required(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.required)

    def check_bound(self, names: Collection[str]) -> None:
        """Raise ``ConfigError`` naming the first required parameter that ``names`` lacks."""
        for parameter in self.required:
            if parameter.name not in names:
                example = parameter.example or f"{parameter.name}=VALUE"
                raise ConfigError(
                    f"{self.name} needs a value for ?{parameter.name}: add --param {example}"
                )


def bundled_queries(directory: Path | None = None) -> tuple[BundledQuery, ...]:
    """Every bundled query, by name."""
    folder = directory or queries_dir()
    return tuple(read_header(path) for path in sorted(folder.glob("*.rq")))


def find_query(name: str, directory: Path | None = None) -> BundledQuery:
    """The bundled query called ``name``; ``InputError`` suggesting the closest otherwise."""
    folder = directory or queries_dir()
    path = folder / f"{name}.rq"
    if path.is_file():
        return read_header(path)
    names = [query.name for query in bundled_queries(folder)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}? " if close else ""
    raise InputError(f"no bundled query named {name!r}: {hint}(kg query --list shows them)")


def read_header(path: Path) -> BundledQuery:
    """A query file's documentation, from its leading comment lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({error})") from None
    return parse_header(text, path)


def parse_header(text: str, path: Path) -> BundledQuery:
    """The documentation in the leading comment lines of a query's ``text``."""
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line[1:].strip())
    titles = [line for line in comments[:2] if line and not _FIELD.match(line)]
    fields: dict[str, str] = {}
    current = None
    for line in comments:
        match = _FIELD.match(line)
        if match:
            current = match.group(1)
            fields[current] = match.group(2)
        elif current is not None and line:  # a field goes on over the next lines
            fields[current] += " " + line
        else:
            current = None
    return BundledQuery(
        name=path.stem,
        path=path,
        title=titles[0] if titles else path.stem,
        title_zh=titles[1] if len(titles) > 1 else "",
        question=fields.get("Question", ""),
        parameters=_parameters(fields.get("Parameters", "")),
        columns=tuple(c.strip() for c in fields.get("Columns", "").split(",") if c.strip()),
    )


def _parameters(text: str) -> tuple[Parameter, ...]:
    parameters = []
    for item in re.split(r";\s*(?=\?)", text):
        match = _PARAMETER.search(item)
        if match is None:
            continue
        example = _EXAMPLE.search(item)
        parameters.append(
            Parameter(
                name=match.group("name"),
                required=match.group("need") == "required",
                text=item.strip(),
                example=example.group("pair") if example else "",
            )
        )
    return tuple(parameters)


def format_catalog(queries: tuple[BundledQuery, ...], *, width: int = 100) -> str:
    """The listing ``kg query --list`` prints: each query's name, question and parameters."""
    blocks = []
    for query in queries:
        zh = f" · {query.title_zh}" if query.title_zh else ""
        lines = [f"{query.name}  {query.title}{zh}"]
        if query.question:
            lines += textwrap.wrap(
                query.question, width, initial_indent="    ", subsequent_indent="    "
            )
        if query.parameters:
            for parameter in query.parameters:
                need = "required" if parameter.required else "optional"
                example = f"  e.g. --param {parameter.example}" if parameter.example else ""
                lines.append(f"    --param {parameter.name}=… ({need}){example}")
        else:
            lines.append("    no parameters")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
