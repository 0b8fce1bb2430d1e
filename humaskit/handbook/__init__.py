"""`humaskit guideline render`: the pedoman as a handbook people read and are trained on.

One self-contained HTML file (fonts and images embedded, print CSS for an A4 booklet), made
from the loaded guideline, the lint engine's lexicons and its rule registry, so the book and
the linter cannot disagree. Each chapter is one small function over the guideline
(chapters.py, visual.py, rules.py) and one template (templates/bab/<key>.html.j2); a chapter
whose function returns None is left out. Jinja2 and Pillow are imported only here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from humaskit.handbook import chapters
from humaskit.handbook.rules import rules
from humaskit.handbook.visual import visual

FILENAME = "pedoman.html"


@dataclass(frozen=True)
class Chapter:
    key: str          # anchor in the book and template name
    title: str
    build: Callable   # guideline -> template data, or None to leave the chapter out


CHAPTERS = (
    Chapter("tentang", "Tentang pedoman ini", chapters.about),
    Chapter("nada", "Register, nada, dan sapaan", chapters.tone),
    Chapter("kata", "Kata baku, kata tidak formal, dan istilah asing", chapters.words),
    Chapter("tata-tulis", "Tata tulis dan ejaan", chapters.writing),
    Chapter("nama", "Nama resmi dan istilah", chapters.names),
    Chapter("tagar", "Tagar", chapters.hashtags),
    Chapter("platform", "Platform dan tautan", chapters.platforms),
    Chapter("visual", "Identitas visual", visual),
    Chapter("kalender", "Kalender konten", chapters.calendar),
    Chapter("jawaban", "Jawaban pengaduan warga", chapters.reply),
    Chapter("krisis", "Protokol komunikasi krisis", chapters.crisis),
    Chapter("aturan", "Aturan pemeriksaan", rules),
    Chapter("lampiran", "Lampiran: kamus kata tidak baku", chapters.dictionary),
)


def _shown(value):
    """Text from the guideline as the page shows it: no control characters, and the characters
    that reorder or hide text (bidi controls, zero-width) written as escapes."""
    from humaskit.calendar.ics import plain_text
    from humaskit.lint.docs import example_text

    if not isinstance(value, str) or hasattr(value, "__html__"):  # markup the book itself made
        return value
    return example_text(plain_text(value))


def _code(text: str):
    """Rule documentation's `backticked` names as code, the rest escaped as usual."""
    import re

    from markupsafe import Markup, escape

    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(_shown(text)))))


def build_handbook(guideline) -> bytes:
    """The handbook of ``guideline`` as UTF-8 HTML; the same guideline gives the same bytes."""
    import jinja2

    book = []
    for chapter in CHAPTERS:
        data = chapter.build(guideline)
        if data is not None:
            book.append((chapter, data))
    env = jinja2.Environment(loader=jinja2.PackageLoader("humaskit.handbook", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True, finalize=_shown,
                             undefined=jinja2.StrictUndefined)
    env.filters["code"] = _code
    faces = next(data["faces"] for chapter, data in book if chapter.key == "visual")
    html = env.get_template("pedoman.html.j2").render(g=guideline.data, chapters=book, faces=faces)
    return html.encode("utf-8")


def chapter_texts(book: bytes) -> list[tuple[str, str, str]]:
    """(anchor, title, plain text) of each chapter of a handbook made by :func:`build_handbook`,
    for searching it (the desk's Pedoman page)."""
    from html.parser import HTMLParser

    titles = {chapter.key: chapter.title for chapter in CHAPTERS}
    found: list[tuple[str, list[str]]] = []

    class Reader(HTMLParser):
        inside = False

        def handle_starttag(self, tag, attrs):
            key = dict(attrs).get("id")
            if tag == "section" and key in titles:  # chapters hold no other sections
                self.inside = True
                found.append((key, []))

        def handle_endtag(self, tag):
            self.inside = self.inside and tag != "section"

        def handle_data(self, data):
            if self.inside:
                found[-1][1].append(data)

    Reader().feed(book.decode("utf-8"))
    return [(key, titles[key], " ".join(" ".join(parts).split())) for key, parts in found]


def write_handbook(guideline, out_dir: Path) -> Path:
    """Write the handbook into ``out_dir`` (atomic_write creates the folder); returns its path."""
    from humaskit.fsutil import atomic_write
    from humaskit.outdir import check_out_dir, output_file

    check_out_dir(out_dir)
    data = build_handbook(guideline)
    target = output_file(out_dir, FILENAME)
    atomic_write(target, data, what="Buku pedoman")
    return target
