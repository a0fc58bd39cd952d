import json
from pathlib import Path

from kg.build import build
from tests.conftest import SAMPLE


def test_html_page_is_written_with_nodes(tmp_path: Path) -> None:
    build([SAMPLE], tmp_path)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<html") or "<!doctype html" in page.lower()
    assert "vis-network" in page or "vis.Network" in page
    name = "青溪种业创新中心"
    assert name in page or json.dumps(name)[1:-1] in page


def test_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    from kg.export.atomic import atomic_write

    target = tmp_path / "x.txt"
    target.write_text("old", encoding="utf-8")
    try:
        with atomic_write(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]
