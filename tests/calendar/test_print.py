"""The example month printed by a real browser (headless Chromium through Playwright): the grid on
one A4 landscape page, the lists after it."""

from __future__ import annotations

from humaskit.calendar.api import build_calendar, write_outputs

from browser import launch, pdf_pages, playwright
from calhelp import EXAMPLE_PLANS, NOW


def test_month_prints_on_one_a4_landscape_page_and_lists_follow(tmp_path, guideline):
    write_outputs(build_calendar(guideline, "2026-12", EXAMPLE_PLANS, draft_dirs=[EXAMPLE_PLANS / "drafts"]),
                  tmp_path, NOW)
    html = (tmp_path / "kalender-2026-12.html").as_uri()
    with playwright.sync_playwright() as p:
        browser = launch(p)
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
    pages = pdf_pages(full)
    assert len(pages) >= 2 and all(abs(w - 841.9) < 1 and abs(h - 595.3) < 1 for w, h in pages)  # A4 landscape
    assert len(pdf_pages(grid_only)) == 1, "the month grid must fit one page"
    mm = 96 / 25.4
    assert sheet <= 194 * mm + 1 and last_row - top <= 194 * mm, "the last week row is cut off"
