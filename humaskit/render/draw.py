"""Pillow drawing of placed layers, the WCAG contrast check, the debug overlay, and encoding."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageDraw, ImageOps

from humaskit.color import AA_LARGE, AA_NORMAL, contrast_ratio, nearest_name, rgb_to_hex
from humaskit.render.brand import Brand
from humaskit.render.layout import Placed

# A post is seen on a phone about this many CSS pixels wide; WCAG's "large text" (24 px, or
# 18.66 px bold) is judged at that viewing size, not at the file's pixel size.
VIEW_WIDTH = 390
DEBUG_COLORS = {"shape": (0, 200, 255), "logo": (255, 0, 255), "text": (255, 40, 40)}


class PillowMeasure:
    """Text measurement through the brand kit's cached fonts (for :func:`layout.plan`)."""

    def __init__(self, brand: Brand) -> None:
        self.brand = brand

    def width(self, font: str, size: int, text: str) -> float:
        return self.brand.font(font, size).getlength(text)

    def metrics(self, font: str, size: int) -> tuple[int, int]:
        return self.brand.font(font, size).getmetrics()


def _gradient(size, first, second, direction):
    vertical = Image.linear_gradient("L")
    if direction == "vertical":
        mask = vertical
    elif direction == "horizontal":
        mask = vertical.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    else:  # top-left to bottom-right: the mean of both directions
        across = vertical.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        mask = ImageChops.add(vertical, across, scale=2)
    mask = mask.resize(size, Image.Resampling.BILINEAR)
    return Image.composite(Image.new("RGB", size, second), Image.new("RGB", size, first), mask)


def _background(layer, size, brand, agency):
    color = brand.color(layer["color"], agency)
    if layer["to"]:
        canvas = _gradient(size, color, brand.color(layer["to"], agency), layer["direction"])
    else:
        canvas = Image.new("RGB", size, color)
    if layer["image"]:
        with Image.open(layer["image"]) as raw:
            picture = raw.convert("RGB")
        if layer["fit"] == "cover":
            canvas = ImageOps.fit(picture, size, Image.Resampling.LANCZOS)
        else:
            picture = ImageOps.contain(picture, size, Image.Resampling.LANCZOS)
            canvas.paste(picture, ((size[0] - picture.width) // 2, (size[1] - picture.height) // 2))
    return canvas


def _logo(canvas, item: Placed, brand):
    x0, y0, x1, y1 = item.box
    logo = brand.logo(item.layer["logo"])
    fitted = ImageOps.contain(logo, (x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
    free = (x1 - x0) - fitted.width
    x = x0 + {"left": 0, "center": free // 2, "right": free}[item.layer["align"]]
    canvas.paste(fitted, (x, y0 + ((y1 - y0) - fitted.height) // 2), fitted)


def _text_block(item: Placed, font) -> list[tuple[int, int, str]]:
    """(x, baseline y, line) for each line of a fitted text layer."""
    x0, y0, x1, y1 = item.box
    block = (len(item.lines) - 1) * item.line_px + item.ascent + item.descent
    free = (y1 - y0) - block
    top = y0 + {"top": 0, "middle": free // 2, "bottom": free}[item.layer["valign"]]
    out = []
    for i, line in enumerate(item.lines):
        room = (x1 - x0 - line.indent) - font.getlength(line.text)
        x = x0 + line.indent + {"left": 0, "center": room / 2, "right": room}[item.layer["align"]]
        out.append((round(x), top + item.ascent + i * item.line_px, line.text))
    return out


def _contrast_warning(canvas, item: Placed, rows, font, brand, agency, size_name) -> str | None:
    """WCAG AA check of the text colour against the pixels actually under the text."""
    layer = item.layer
    left = min(x for x, _, _ in rows)
    right = max(x + font.getlength(line) for x, _, line in rows)
    top, bottom = rows[0][1] - item.ascent, rows[-1][1] + item.descent
    region = canvas.crop((left, max(top, 0), round(right), min(bottom, canvas.height)))
    sample = region.resize((24, 24), Image.Resampling.NEAREST).getcolors(24 * 24)
    text_rgb = brand.color(layer["color"], agency)
    worst_ratio, worst = min((contrast_ratio(text_rgb, rgb), rgb) for _, rgb in sample)
    bold = (brand.fonts[layer["font"]].weight or 400) >= 700
    view = item.size * VIEW_WIDTH / canvas.width
    need = AA_LARGE if view >= 24 or (bold and view >= 18.66) else AA_NORMAL
    if worst_ratio >= need:
        return None
    name, distance = nearest_name(worst, brand.hex)
    behind = f"'{name}' ({rgb_to_hex(worst)})" if distance <= 5 else f"warna {rgb_to_hex(worst)}"
    color_name = brand.color_name(layer["color"], agency)
    what = layer["field"] or layer["text"]
    return (f"Kontras teks '{what}' di ukuran {size_name}: '{color_name}' ({rgb_to_hex(text_rgb)}) di atas "
            f"{behind} hanya {worst_ratio:.2f}:1, WCAG AA meminta minimal {need:g}:1.")


def _debug(canvas, placed, safe):
    overlay = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    w, h = canvas.size
    for box in ((0, 0, w, safe[1]), (0, safe[3], w, h), (0, safe[1], safe[0], safe[3]),
                (safe[2], safe[1], w, safe[3])):
        if box[0] < box[2] and box[1] < box[3]:
            pen.rectangle(box, fill=(255, 0, 0, 70))
    for item in placed:
        color = DEBUG_COLORS.get(item.layer["type"])
        if color:
            pen.rectangle(item.box, outline=color + (255,), width=3)
            pen.text((item.box[0] + 4, item.box[1] + 2), f"{item.index + 1}:{item.layer['type']}",
                     fill=color + (255,))
    canvas.paste(overlay, (0, 0), overlay)


def draw(placed: list[Placed], size: tuple[int, int], brand: Brand, agency: str | None, size_name: str,
         *, debug: bool = False, safe=None) -> tuple[Image.Image, list[str]]:
    """Draw the placed layers bottom to top; returns the image and contrast warnings."""
    canvas = Image.new("RGB", size, (255, 255, 255))
    pen = ImageDraw.Draw(canvas)
    warnings = []
    for item in placed:
        layer, kind = item.layer, item.layer["type"]
        if kind == "background":
            canvas = _background(layer, size, brand, agency)
            pen = ImageDraw.Draw(canvas)
        elif kind == "shape":
            color = brand.color(layer["color"], agency)
            box = (item.box[0], item.box[1], item.box[2] - 1, item.box[3] - 1)
            if layer["shape"] == "ellipse":
                pen.ellipse(box, fill=color)
            elif layer["radius"]:
                pen.rounded_rectangle(box, radius=layer["radius"], fill=color)
            else:
                pen.rectangle(box, fill=color)
        elif kind == "logo":
            _logo(canvas, item, brand)
        else:
            font = brand.font(layer["font"], item.size)
            rows = _text_block(item, font)
            warning = _contrast_warning(canvas, item, rows, font, brand, agency, size_name)
            if warning:
                warnings.append(warning)
            fill = brand.color(layer["color"], agency)
            for x, y, line in rows:
                pen.text((x, y), line, font=font, fill=fill, anchor="ls")
    if debug:
        _debug(canvas, placed, safe or (0, 0) + size)
    return canvas, warnings


def encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    """Deterministic bytes: no metadata, no timestamps, fixed encoder settings."""
    out = io.BytesIO()
    if fmt == "png":
        image.save(out, "PNG", compress_level=6)
    else:
        image.save(out, "JPEG", quality=quality, subsampling=0, optimize=False, progressive=False)
    return out.getvalue()

