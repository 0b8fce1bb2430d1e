"""Periksa draf: a caption checked as it is typed, with the lint engine the CLI uses.

The page posts the text to ``/api/periksa`` (a small fetch, debounced in desk.js) and gets the
findings back with offsets the browser can use directly: JavaScript strings count UTF-16 code
units, the engine counts code points, so every offset is converted here.
"""

from __future__ import annotations

import bisect
import secrets
from dataclasses import replace

from flask import Blueprint, abort, g, render_template, request

from humaskit.errors import HumaskitError
from humaskit.serve.access import agencies_for_user, allowed, guideline, per_thread, state

pages = Blueprint("periksa", __name__)
MAX_CAPTION = 100_000  # characters; a caption is a few thousand at most
UPLOAD_SUFFIXES = (".md", ".markdown", ".txt")
IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}


def _linter():
    from humaskit.lint.engine import Linter

    return per_thread("linter", lambda: Linter(guideline()))


def _utf16(text: str):
    """Code-point offset → UTF-16 offset, for the browser."""
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if not text.isascii() else []
    return lambda offset: offset + bisect.bisect_left(astral, offset)


def check(text: str, agency: str | None, platforms: list[str], kind: str, *, fixed: bool = False,
          image: tuple[bytes, str] | None = None, alt: str = "") -> dict:
    """Findings and per-platform lengths; with ``fixed``, also the text with every safe fix applied
    (asked for only by "terapkan semua perbaikan": fixing lints again, up to five times). An
    uploaded ``image`` (bytes, suffix) gets the visual checks, from a file in the data folder that
    lives only as long as this check."""
    from humaskit.draft import parse_draft
    from humaskit.lint.context import LintContext
    from humaskit.lint.fixing import fix_text
    from humaskit.lint.rules.platform import measure

    linter = _linter()
    try:
        draft = parse_draft(text, "draf", guideline=linter.guideline, agency=agency or None,
                            platforms=platforms or None, kind=kind or None)
    except HumaskitError as exc:
        return {"problems": [p.render() for p in exc.problems], "findings": [], "counts": []}
    if g.user["role"] == "staf" and draft.agency not in (None, g.user["agency"]):
        return {"problems": [f"Front matter menyebut perangkat daerah '{draft.agency}'; akun Anda hanya untuk "
                             f"'{g.user['agency']}'."], "findings": [], "counts": []}
    notes = []
    if draft.image and image is None:
        # Only an image uploaded with the page is checked: a path in pasted front matter would
        # open a file on the desk's computer.
        draft = replace(draft, image=None)
        notes.append("Gambar dari front matter (image:) tidak dibuka di meja humas; unggah gambarnya di halaman.")
    if image is None:
        result = linter.lint_draft(draft)
    else:
        result = _with_image(linter, draft, image, alt)
    to16 = _utf16(text)
    findings = [{**f.to_dict(), "path": None, "start": to16(f.start), "end": to16(f.end)} for f in result.findings]
    ctx = LintContext(draft, linter.guideline, linter.memo)
    counts = []
    for name in draft.platforms:
        platform = linter.guideline.platforms.get(name)
        if platform:
            total, _over = measure(ctx, platform)
            counts.append({"platform": name, "label": platform["label"], "count": total,
                           "max": platform["max_length"]})
    answer = {"problems": notes, "findings": findings, "counts": counts}
    if fixed:
        answer["fixed"] = fix_text(linter, draft) if any(f.fix is not None for f in result.findings) else text
    return answer


def _with_image(linter, draft, image: tuple[bytes, str], alt: str):
    from humaskit.fsutil import atomic_write

    folder = state()["folder"] / "unggahan"
    name = f"{secrets.token_hex(8)}{image[1]}"
    try:
        atomic_write(folder / name, image[0], what="Gambar unggahan")
        return linter.lint_draft(replace(draft, path=str(folder / "draf.md"), image=name,
                                         alt=alt.strip() or draft.alt))
    finally:
        (folder / name).unlink(missing_ok=True)


def _image_upload() -> tuple[bytes, str] | None:
    """An uploaded PNG or JPEG, told by its first bytes, not by its name."""
    file = request.files.get("gambar")
    if file is None or not file.filename:
        return None
    data = file.read()
    suffix = next((s for magic, s in IMAGE_TYPES.items() if data.startswith(magic)), None)
    if suffix is None:
        abort(400, "Gambar harus berupa berkas PNG atau JPEG.")
    return data, suffix


def _options(form) -> tuple[str | None, list[str], str]:
    known = guideline()
    agency = form.get("agency") or None
    if agency is not None and agency not in known.agencies:
        abort(400, f"Perangkat daerah '{agency[:60]}' tidak ada di pedoman.")
    if agency is not None and agency not in agencies_for_user():
        abort(403, "Akun Anda hanya dapat memeriksa draf perangkat daerahnya sendiri.")
    platforms = [p for p in form.getlist("platforms") if p in known.platforms]
    kind = form.get("kind") if form.get("kind") in ("post", "reply") else "post"
    return agency, platforms, kind


def _caption(value) -> str:
    if not isinstance(value, str):
        abort(400, "Takarir harus berupa teks.")
    if len(value) > MAX_CAPTION or "\x00" in value:
        abort(400, f"Takarir terlalu panjang (lebih dari {MAX_CAPTION} karakter) atau berisi karakter NUL.")
    return value


def _uploaded() -> str | None:
    """The text of an uploaded .md/.txt draft, checked like the CLI checks a draft file."""
    file = request.files.get("berkas")
    if file is None or not file.filename:
        return None
    name = file.filename.lower()
    if not name.endswith(UPLOAD_SUFFIXES):
        from humaskit.lint.discovery import not_a_draft_hint

        abort(400, f"Hanya berkas .md atau .txt yang dapat diperiksa. {not_a_draft_hint(name)}")
    raw = file.read(MAX_CAPTION * 4 + 1)
    if len(raw) > MAX_CAPTION * 4:
        abort(413)
    try:
        return _caption(raw.decode("utf-8").removeprefix("\ufeff"))
    except UnicodeDecodeError:
        abort(400, "Berkas bukan teks UTF-8; simpan ulang dengan pengodean UTF-8.")


@pages.route("/periksa", methods=["GET", "POST"])
@allowed("periksa")
def page():
    """The form; posted without JavaScript (or with an uploaded draft), the findings come in the page."""
    agencies = agencies_for_user()
    text, result = "", None
    agency = g.user["agency"] or ""
    platforms, kind = list(guideline()["defaults"]["platforms"] or []), "post"
    if request.method == "POST":
        agency, platforms, kind = _options(request.form)
        text = _uploaded() or _caption(request.form.get("teks", ""))
        result = check(text, agency, platforms, kind, image=_image_upload(), alt=request.form.get("alt", "")[:2000])
    return render_template("periksa.html", text=text, result=result, alt=request.form.get("alt", ""), agencies=agencies, agency=agency or "",
                           platforms=platforms, kind=kind, all_platforms=guideline().platforms)


@pages.route("/api/periksa", methods=["POST"])
@allowed("periksa")
def api():
    if not state()["pace"].spend(f"p:{g.user['session']}"):
        abort(429, "Terlalu banyak pemeriksaan dari sesi ini dalam satu menit; tunggu sebentar lalu lanjutkan "
                   "mengetik.")
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        abort(400, "Permintaan harus berupa JSON.")
    form = _JsonForm(data)
    agency, platforms, kind = _options(form)
    return check(_caption(data.get("teks", "")), agency, platforms, kind, fixed=data.get("perbaiki") is True)


class _JsonForm:
    """A JSON body read like the form (``get`` and ``getlist``)."""

    def __init__(self, data: dict) -> None:
        self.data = data

    def get(self, key: str):
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def getlist(self, key: str) -> list[str]:
        value = self.data.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
