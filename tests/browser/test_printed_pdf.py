"""A report printed to PDF by Chromium from its HTML page, as users make them, read back by
``kg build``: the same region, years and metrics as the same text in a .txt file.

pypdf reads such a PDF with a space wherever Chromium changed fonts (``2023 年``, ``286 亿元``);
the test checks that the PDF it printed does, so that it keeps testing the repair.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from tests.browser.conftest import CHROMIUM, FLAGS
from tests.test_cli import run
from tests.test_cli_metadata import graph_metrics, report_metadata, sample_in

PRINT_TIMEOUT = 120  # seconds


def report_page(text: str) -> str:
    """The report as a web page: its title a heading, its section headings, a paragraph each;
    the browser's default fonts (a Latin font for digits, a Chinese one for the rest)."""
    lines = [line for line in text.splitlines() if line.strip()]
    parts = [f"<h1>{html.escape(lines[0])}</h1>"]
    for line in lines[1:]:
        tag = "h2" if re.match(r"^[一二三四五六七八九十]+、", line) else "p"
        parts.append(f"<{tag}>{html.escape(line)}</{tag}>")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(lines[0])}</title></head><body>{''.join(parts)}</body></html>"
    )


def print_to_pdf(page: Path, pdf: Path, profile: Path) -> None:
    """Print a page with headless Chromium as a user would (header and footer included)."""
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does this)")
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    if not fonts.stdout.strip():
        pytest.fail("no Chinese font for Chromium: apt-get install fonts-wqy-zenhei (.ci/run)")
    result = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=PRINT_TIMEOUT,
        check=False,
    )
    assert pdf.is_file() and pdf.stat().st_size > 0, result.stderr[-2000:]


def test_a_report_printed_by_chromium_reads_as_its_text(tmp_path: Path) -> None:
    text = sample_in("云溪")  # a real district: 岳阳市云溪区
    txt = tmp_path / "report.txt"
    txt.write_text(text, encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(report_page(text), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    print_to_pdf(page, pdf, tmp_path / "profile")

    # What pypdf alone makes of it: characters and digits apart, the browser's footer.
    raw = "\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    assert "2024 年云溪区人民政府工作报告" in raw
    assert re.search(r"286 亿元", raw)
    assert page.name in raw

    for source, out in ((txt, "from-txt"), (pdf, "from-pdf")):
        result = run("build", str(source), "-o", str(tmp_path / out), "-f", "turtle")
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""  # no warning: region and years found

    from_pdf = tmp_path / "from-pdf" / "graph.ttl"
    assert report_metadata(from_pdf) == ("云溪区", "2023", "2024")
    expected = graph_metrics(tmp_path / "from-txt" / "graph.ttl")
    assert len(expected) > 80
    assert graph_metrics(from_pdf) == expected
