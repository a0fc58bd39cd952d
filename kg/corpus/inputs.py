"""Expand the command line's DIR_OR_FILES... into the report files to build."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.readers import DOCUMENT_SUFFIXES, TEXT_SUFFIXES

REPORT_SUFFIXES = TEXT_SUFFIXES | DOCUMENT_SUFFIXES
STDIN = "-"


@dataclass(frozen=True, slots=True)
class InputFile:
    """One report to read: ``path`` is ``-`` for standard input; ``name`` is for messages."""

    path: str
    name: str

    @property
    def is_stdin(self) -> bool:
        return self.path == STDIN


def collect_inputs(arguments: Iterable[str | Path]) -> list[InputFile]:
    """Files as given, and every report file under each directory (sorted, hidden ones skipped).

    A directory with no report file is an error; a named file is taken whatever its suffix
    (it is decoded as text unless the suffix names a document format).
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    for argument in arguments:
        if str(argument) == STDIN:
            found.append(InputFile(STDIN, "stdin"))
            continue
        path = Path(argument)
        is_dir = _is_dir(path)
        files = _report_files(path) if is_dir else [path]
        if is_dir and not files:
            suffixes = " ".join(sorted(REPORT_SUFFIXES))
            raise InputError(f"{path}: holds no report files ({suffixes})")
        for file in files:
            key = str(file.resolve()) if _exists(file) else str(file)
            if key not in seen:
                seen.add(key)
                found.append(InputFile(str(file), str(file)))
    return found


def _report_files(directory: Path) -> list[Path]:
    return sorted(
        file
        for file in directory.rglob("*")
        if file.is_file()
        and file.suffix.lower() in REPORT_SUFFIXES
        and not any(part.startswith(".") for part in file.relative_to(directory).parts)
    )


def _is_dir(path: Path) -> bool:
    # An over-long or otherwise unusable name is not a directory; reading it reports why.
    try:
        return path.is_dir()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False
