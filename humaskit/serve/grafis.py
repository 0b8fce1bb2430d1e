"""Buat grafis: a form made from a template's fields, a preview, and every size as a download
(one PNG, or a zip of them), rendered in memory by humaskit.render."""

from __future__ import annotations

import base64
import io
import zipfile

from flask import Blueprint, Response, abort, render_template, request

from humaskit.errors import HumaskitError
from humaskit.serve.access import agencies_for_user, allowed, guideline

pages = Blueprint("grafis", __name__)
MAX_FIELD = 2000


def _template(name: str):
    from humaskit.render.template import load_template, template_names

    if name not in template_names():  # only the shipped templates: a form value never names a file
        abort(404, f"Templat '{name}' tidak dikenal.")
    return load_template(name, guideline())


@pages.route("/grafis", methods=["GET", "POST"])
@allowed("grafis")
def page():
    """The form; posted, a preview of the first chosen size or the download (one PNG, or a zip)."""
    from humaskit.render.template import template_names

    names = template_names()
    chosen = request.values.get("templat") or names[0]
    template = _template(chosen)
    form = _form(template)
    preview, errors = None, []
    if request.method == "POST":
        download = request.form.get("aksi") == "unduh"
        try:
            base, rendered = _render(template, form, preview=not download)
        except HumaskitError as exc:
            errors = _messages(exc)
        else:
            if download:
                return _download(base, rendered)
            preview = _preview(rendered[0])
    return render_template("grafis.html", names=names, chosen=chosen, template=template, values=form["values"],
                           agency=form["agency"] or "", agencies=agencies_for_user(), size=form["size"],
                           preview=preview, errors=errors), 400 if errors else 200


@pages.route("/api/grafis", methods=["POST"])
@allowed("grafis")
def api():
    """The live preview: the form as it is being filled, the first chosen size as a data URL."""
    template = _template(request.values.get("templat") or "")
    try:
        _base, rendered = _render(template, _form(template), preview=True)
    except HumaskitError as exc:
        return {"errors": _messages(exc)}
    return {"errors": [], **_preview(rendered[0])}


def _form(template) -> dict:
    agency = request.form.get("instansi") or None
    size = request.form.get("ukuran") or template.sizes[0]
    if agency is not None and agency not in agencies_for_user():
        abort(400, "Perangkat daerah tidak dikenal.")
    if size not in template.sizes and size != "all":
        abort(400, "Ukuran tidak tersedia di templat ini.")
    return {"values": {name: request.form.get(f"isian-{name}", "")[:MAX_FIELD] for name in template.fields},
            "agency": agency, "size": size}


def _messages(exc: HumaskitError) -> list[str]:
    return [(f"[{p.key}] " if p.key else "") + p.message + (f" {p.hint}" if p.hint else "") for p in exc.problems]


def _preview(rendered) -> dict:
    return {"src": "data:image/png;base64," + base64.b64encode(rendered.data).decode(), "alt": rendered.alt,
            "warnings": list(rendered.warnings)}


def _render(template, form: dict, *, preview: bool):
    """(base name, rendered sizes); a preview renders only the first chosen size."""
    from humaskit.render.api import Renderer
    from humaskit.render.data import Item, base_name, check_fields, values_for

    values, agency = form["values"], form["agency"]
    sizes = list(template.sizes) if form["size"] == "all" else [form["size"]]
    if preview:
        sizes = sizes[:1]
    renderer = Renderer(template, guideline())
    fields = {k: v for k, v in values.items() if v.strip()}
    item = Item(fields, agency, {"key": "formulir"}, problems=check_fields(fields, template, {}))
    base = base_name(item, template, values_for(item, template, guideline()))
    return base, renderer.render(item, sizes, base)


def _download(base: str, rendered) -> Response:
    if len(rendered) == 1:
        one = rendered[0]
        return Response(one.data, mimetype="image/png",
                        headers={"Content-Disposition": f'attachment; filename="{one.filename}"'})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # PNGs are compressed already
        for r in rendered:
            info = zipfile.ZipInfo(r.filename, date_time=(2000, 1, 1, 0, 0, 0))  # same bytes for the same input
            archive.writestr(info, r.data)
            archive.writestr(zipfile.ZipInfo(r.filename.rsplit(".", 1)[0] + ".alt.txt", (2000, 1, 1, 0, 0, 0)),
                             r.alt + "\n")
    name = f"{base}.zip"  # a slug: letters, digits and dashes only
    return Response(buffer.getvalue(), mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
