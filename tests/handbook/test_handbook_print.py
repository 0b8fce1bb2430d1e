"""The shipped guideline's handbook printed by a real browser (headless Chromium through
Playwright): an A4 portrait booklet whose table of contents lists every chapter, in order."""

from __future__ import annotations

from humaskit.guideline import load_guideline
from humaskit.handbook import CHAPTERS, write_handbook

from browser import launch, pdf_pages, playwright


def test_handbook_prints_as_an_a4_booklet_with_its_table_of_contents(tmp_path):
    guideline = load_guideline()
    book = write_handbook(guideline, tmp_path)
    with playwright.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.goto(book.as_uri())
        full = page.pdf(prefer_css_page_size=True)
        toc = page.eval_on_selector_all(".daftar-isi a", "els => els.map(e => [e.getAttribute('href'), "
                                                         "e.textContent.replace(/\\s+/g, ' ').trim()])")
        heads = page.eval_on_selector_all("main > section.bab > h2", "els => els.map(e => ['#' + "
                                          "e.parentElement.id, e.textContent.replace(/\\s+/g, ' ').trim()])")
        broken = page.eval_on_selector_all("img", "els => els.filter(e => !e.complete || e.naturalWidth === 0)"
                                                  ".length")
        page.add_style_tag(content="main { display: none; }")
        front = page.pdf(prefer_css_page_size=True)
        browser.close()
    pages = pdf_pages(full)
    assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in pages), "every page A4 portrait"
    # Every chapter: the shipped guideline has a section for each (the crisis protocol once its schema has one).
    expected = [f"#{c.key}" for c in CHAPTERS if c.key != "krisis" or "crisis" in guideline.data]
    assert [href for href, _ in toc] == expected
    assert toc == heads, "the table of contents names each chapter as its heading does, in order"
    assert len(pdf_pages(front)) == 2, "the cover and the table of contents each take one page"
    # Each chapter starts on a new page after the cover and the contents; the whole book stays a booklet.
    assert len(heads) + 2 <= len(pages) <= 120, len(pages)
    assert broken == 0, "every embedded image decodes"
