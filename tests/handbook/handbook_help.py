"""Reading a handbook the way the tests need it: its examples, and the CLI that made it."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from support import REPO

CITY = Path(__file__).resolve().parent / "kota-banjar.yaml"


def humaskit(*args, cwd=REPO):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "humaskit", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env)


class _Examples(HTMLParser):
    """Every example block of the rules chapter: its attributes and the text shown in its <pre>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[dict] = []
        self._in_pre = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "contoh-draf" in (attrs.get("class") or "").split():
            self.found.append({**attrs, "shown": ""})
        elif tag == "pre" and self.found and "shown" in self.found[-1] and not self.found[-1].get("done"):
            self._in_pre = True

    def handle_endtag(self, tag):
        if tag == "pre" and self._in_pre:
            self._in_pre = False
            self.found[-1]["done"] = True

    def handle_data(self, data):
        if self._in_pre:
            self.found[-1]["shown"] += data

    def handle_entityref(self, name):
        self.handle_data(unescape(f"&{name};"))

    def handle_charref(self, name):
        self.handle_data(unescape(f"&#{name};"))


def examples(html: str) -> list[dict]:
    """Each example as {rule, label, verdict, files, shown, draft (the exact text, decoded)}."""
    parser = _Examples()
    parser.feed(html)
    return [{"rule": e["data-rule"], "label": e["data-label"], "verdict": e["data-verdict"],
             "files": e.get("data-files"), "shown": e["shown"],
             "draft": base64.b64decode(e["data-draft"]).decode("utf-8")} for e in parser.found]


def build(tmp_path: Path, *guideline) -> str:
    out = tmp_path / "buku"
    done = humaskit("guideline", "render", *guideline, "--out", out)
    assert done.returncode == 0, done.stderr
    return (out / "pedoman.html").read_text(encoding="utf-8")
