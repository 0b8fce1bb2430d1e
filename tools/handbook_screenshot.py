"""Regenerate docs/img/pedoman-halaman.png: the first pages of the shipped guideline's handbook
as Chromium prints them (cover, contents, visual identity, rules), side by side.

    python tools/handbook_screenshot.py      # needs Chromium (/usr/bin/chromium) and Playwright
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from humaskit.guideline import load_guideline
from humaskit.handbook import write_handbook
from humaskit.render.draw import encode

PX_PER_MM = 96 / 25.4
PAGE = (round(210 * PX_PER_MM), round(297 * PX_PER_MM))
MARGIN = (round(15 * PX_PER_MM), round(16 * PX_PER_MM))   # as the book's @page rule
BODY = (PAGE[0] - 2 * MARGIN[0], round(263 * PX_PER_MM))
SHOWN = (".sampul", ".daftar-isi", "#visual", "#aturan")
OUT = Path(__file__).resolve().parents[1] / "docs" / "img" / "pedoman-halaman.png"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        book = write_handbook(load_guideline(), Path(folder))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": BODY[0], "height": BODY[1]})
            page.goto(book.as_uri())
            page.emulate_media(media="print")
            shots = []
            for selector in SHOWN:
                # Each of these starts a printed page; what follows it on screen is on later pages.
                top, tall = page.eval_on_selector(selector, "e => [e.getBoundingClientRect().top + window.scrollY, "
                                                            "e.getBoundingClientRect().height]")
                shots.append(page.screenshot(clip={"x": 0, "y": top, "width": BODY[0],
                                                   "height": min(BODY[1], tall)}, full_page=True))
            browser.close()
    gap, scale = 24, 0.5
    width, height = round(PAGE[0] * scale), round(PAGE[1] * scale)
    sheet = Image.new("RGB", (len(shots) * (width + gap) + gap, height + 2 * gap), (214, 219, 225))
    for i, shot in enumerate(shots):
        paper = Image.new("RGB", PAGE, (255, 255, 255))
        paper.paste(Image.open(io.BytesIO(shot)).convert("RGB"), MARGIN)
        sheet.paste(paper.resize((width, height), Image.Resampling.LANCZOS), (gap + i * (width + gap), gap))
    OUT.write_bytes(encode(sheet, "png", 0))
    print(f"{OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")


if __name__ == "__main__":
    main()
