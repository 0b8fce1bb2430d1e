"""The example month printed by a real browser (headless Chromium through Playwright): the grid on
one A4 landscape page, the lists after it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from humaskit.calendar.api import build_calendar, write_outputs

from calhelp import EXAMPLE_PLANS, NOW

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed: `sudo apt-get install -y chromium` (Debian/Ubuntu) to run the "
                "print tests; .ci/run installs it", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' installs Playwright")


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page of a PDF Chromium wrote."""
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]


def test_month_prints_on_one_a4_landscape_page_and_lists_follow(tmp_path, guideline):
    write_outputs(build_calendar(guideline, "2026-12", EXAMPLE_PLANS, draft_dirs=[EXAMPLE_PLANS / "drafts"]),
                  tmp_path, NOW)
    html = (tmp_path / "kalender-2026-12.html").as_uri()
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(html)
        full = page.pdf(prefer_css_page_size=True)
        page.emulate_media(media="print")
        sheet = page.eval_on_selector(".sheet", "e => e.getBoundingClientRect().height")
        last_row = page.eval_on_selector(".grid tbody tr:last-child", "e => e.getBoundingClientRect().bottom")
        top = page.eval_on_selector(".sheet", "e => e.getBoundingClientRect().top")
        page.add_style_tag(content=".lists { display: none; }")
        grid_only = page.pdf(prefer_css_page_size=True)
        browser.close()
    pages = _pages(full)
    assert len(pages) >= 2 and all(abs(w - 841.9) < 1 and abs(h - 595.3) < 1 for w, h in pages)  # A4 landscape
    assert len(_pages(grid_only)) == 1, "the month grid must fit one page"
    mm = 96 / 25.4
    assert sheet <= 194 * mm + 1 and last_row - top <= 194 * mm, "the last week row is cut off"
