"""The visual-identity chapter: palette and contrast, fonts, logos and template thumbnails.

Pillow is imported here, inside the handbook command only. Contrast comes from the same colour
arithmetic the renderer and the visual lint use (humaskit/color.py); thumbnails are drawn by the
renderer itself, so they show what `humaskit render` makes.
"""

from __future__ import annotations

import base64
import io
import re

from humaskit.color import AA_LARGE, AA_NORMAL, contrast_ratio, hex_to_rgb
from humaskit.errors import HumaskitError

AAA_NORMAL = 7.0
MATRIX_COLUMNS = 10   # background colours per contrast table, so each fits an A4 page's width
THUMB_WIDTH = 360     # pixels; a thumbnail is printed about 60 mm wide
LOGO_SIDE = 480


def decimal(value: float) -> str:
    """A ratio as Indonesian writes it: 4,5."""
    return f"{value:.1f}".replace(".", ",")


def grade(ratio: float) -> str:
    if ratio >= AAA_NORMAL:
        return "AAA"
    if ratio >= AA_NORMAL:
        return "AA"
    if ratio >= AA_LARGE:
        return "AA besar"
    return "gagal"


def contrast_tables(palette: dict[str, str]) -> list[dict]:
    """Every text colour (rows) on every background colour (columns), split into tables of
    MATRIX_COLUMNS backgrounds."""
    names = list(palette)
    tables = []
    for first in range(0, len(names), MATRIX_COLUMNS):
        backgrounds = names[first:first + MATRIX_COLUMNS]
        rows = []
        for text in names:
            cells = []
            for background in backgrounds:
                ratio = contrast_ratio(hex_to_rgb(palette[text]), hex_to_rgb(palette[background]))
                cells.append({"background": palette[background], "ratio": decimal(ratio), "grade": grade(ratio),
                              "same": text == background})
            rows.append({"name": text, "hex": palette[text], "cells": cells})
        tables.append({"backgrounds": [(n, palette[n]) for n in backgrounds], "rows": rows})
    return tables


def data_uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _png(image) -> bytes:
    from humaskit.render.draw import encode

    return encode(image.convert("RGBA") if image.mode in ("P", "LA", "RGBA") else image.convert("RGB"), "png", 0)


def _logo(path) -> str:
    from humaskit.render.template import pillow_image

    Image = pillow_image()
    with Image.open(path) as raw:
        image = raw.convert("RGBA")
    image.thumbnail((LOGO_SIDE, LOGO_SIDE), Image.Resampling.LANCZOS)
    return data_uri(_png(image), "image/png")


def _fonts(brand) -> tuple[list[dict], list[dict]]:
    """@font-face rules (one per font file, embedded) and one sample per named font."""
    families: dict = {}
    faces, samples = [], []
    for name, spec in brand.fonts.items():
        family = families.get(spec.file)
        if family is None:
            family = families[spec.file] = f"merek-{len(families) + 1}"
            mime = "font/otf" if spec.file.suffix.lower() == ".otf" else "font/ttf"
            faces.append({"family": family, "src": data_uri(spec.file.read_bytes(), mime),
                          "variable": spec.weight is not None})
        samples.append({"name": name, "file": spec.file.name, "family": family, "weight": spec.weight or 400})
    return faces, samples


def _sample(label: str | None, name: str) -> str:
    """Sample text for a template field: the example its label gives ("..., misalnya X"), else the label."""
    if not label:
        return name.replace("_", " ").capitalize()
    found = re.search(r"misalnya\s+([^)]+)", label)
    return found.group(1).strip() if found else label


def _thumbnail(name: str, guideline) -> dict:
    from humaskit.render.api import Renderer
    from humaskit.render.data import Item
    from humaskit.render.template import pillow_image

    try:
        renderer = Renderer.load(name, guideline)
        template = renderer.template
        fields = {k: _sample(v["label"], k) for k, v in template.fields.items() if v["default"] is None}
        size = template.sizes[0]
        [rendered] = renderer.render(Item(fields, None, {"path": name}), [size], name)
    except HumaskitError as error:
        # A shipped template may name colours or fonts this guideline does not have.
        return {"key": name, "problems": list(dict.fromkeys(p.message for p in error.problems))}
    Image = pillow_image()
    with Image.open(io.BytesIO(rendered.data)) as image:
        image = image.convert("RGB")
    image.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 2), Image.Resampling.LANCZOS)
    return {"key": name, "name": template.name, "description": template.data["description"], "size": size,
            "sizes": template.sizes, "fields": list(template.fields), "image": data_uri(_png(image), "image/png"),
            "alt": rendered.alt, "problems": []}


def visual(g) -> dict:
    from humaskit.render.brand import load_brand
    from humaskit.render.template import template_names

    v = g["visual"]
    brand = load_brand(g)  # a missing or broken font or logo is a guideline error (exit 2), as in render
    faces, samples = _fonts(brand)
    return {
        "palette": [{"name": n, "hex": h, "on_white": decimal(contrast_ratio(hex_to_rgb(h), (255, 255, 255))),
                     "on_black": decimal(contrast_ratio(hex_to_rgb(h), (0, 0, 0)))} for n, h in v["palette"].items()],
        "tables": contrast_tables(v["palette"]),
        "aa": decimal(AA_NORMAL), "aa_large": decimal(AA_LARGE), "aaa": decimal(AAA_NORMAL),
        "faces": faces, "samples": samples,
        "logos": [{"name": name, "file": path.name, "image": _logo(path)} for name, path in brand.logos.items()],
        "zones": [(name, {k: round(z[k] * 100) for k in ("top", "bottom", "sides")}) for name, z in v["safe_zones"].items()],
        "formats": v["image_formats"], "max_mb": v["max_image_mb"], "share": round(v["min_palette_share"] * 100),
        "delta_e": v["delta_e"],
        "templates": [_thumbnail(name, g) for name in template_names()],
    }
