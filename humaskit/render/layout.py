"""Geometry and text fitting for one canvas size; no drawing happens here.

Measuring text needs a font, so the caller passes a :class:`Measure` (Pillow-backed in
:mod:`humaskit.render.draw`); everything else is plain arithmetic that tests can check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from humaskit.errors import HumaskitError, Problem
from humaskit.render.template import placeholders

# Font sizes in templates are pixels on a canvas whose short side is this long.
REFERENCE_SIDE = 1080


class Measure(Protocol):
    def width(self, font: str, size: int, text: str) -> float: ...
    def metrics(self, font: str, size: int) -> tuple[int, int]: ...  # ascent, descent


@dataclass(frozen=True)
class Placed:
    """A layer resolved for one canvas: pixel box (x0, y0, x1, y1) and, for text, its lines."""

    index: int
    layer: dict
    box: tuple[int, int, int, int]
    lines: tuple[str, ...] = ()
    size: int = 0
    line_px: int = 0
    ascent: int = 0
    descent: int = 0


class FitError(Exception):
    """Text that does not fit its box even at the template's smallest size."""

    def __init__(self, field: str, size_name: str, min_size: int, fits: int, total: int) -> None:
        super().__init__(field)
        self.field, self.size_name, self.min_size, self.fits, self.total = field, size_name, min_size, fits, total

    @property
    def message(self) -> str:
        excess = self.total - self.fits
        return (f"Isian '{self.field}' terlalu panjang untuk kotaknya di ukuran {self.size_name}: "
                f"pada ukuran huruf terkecil ({self.min_size} px) hanya muat {self.fits} dari {self.total} "
                f"karakter, kelebihan {excess} karakter. Persingkat teksnya (teks tidak pernah dipotong "
                "diam-diam).")


def safe_area(width: int, height: int, zone: dict | None) -> tuple[int, int, int, int]:
    """The part of the canvas that may hold text (the whole canvas without a safe zone)."""
    if not zone:
        return 0, 0, width, height
    side = round(width * zone["sides"])
    return side, round(height * zone["top"]), width - side, height - round(height * zone["bottom"])


def pixel_box(layer: dict, size_name: str, width: int, height: int) -> tuple[int, int, int, int]:
    x, y, w, h = (layer.get("at") or {}).get(size_name) or layer["box"]
    return round(x * width), round(y * height), round((x + w) * width), round((y + h) * height)


def _intersect(a, b):
    box = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return box if box[0] < box[2] and box[1] < box[3] else None


def layer_text(layer: dict, values: dict) -> str:
    text = values.get(layer["field"], "") if layer["field"] else layer["text"].format_map(values)
    text = text.strip()
    return text.upper() if layer["uppercase"] else text


def wrap(text: str, limit: float, width_of) -> list[str] | None:
    """Greedy word wrap within ``limit`` pixels, keeping the writer's line breaks;
    None when one word alone is wider than the box."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if width_of(trial) <= limit:
                line = trial
                continue
            if not line or width_of(word) > limit:
                return None
            lines.append(line)
            line = word
        lines.append(line)
    return lines


def fit_text(text: str, font: str, sizes: tuple[int, int], box: tuple[int, int, int, int],
             line_height: float, measure: Measure):
    """The largest size in ``sizes`` (largest, smallest) at which ``text`` wraps into ``box``:
    (size, lines, line_px, ascent, descent), or None when even the smallest does not fit."""
    limit_w, limit_h = box[2] - box[0], box[3] - box[1]

    def attempt(size: int):
        lines = wrap(text, limit_w, lambda s: measure.width(font, size, s))
        if lines is None:
            return None
        ascent, descent = measure.metrics(font, size)
        line_px = round(size * line_height)
        if (len(lines) - 1) * line_px + ascent + descent > limit_h:
            return None
        return size, lines, line_px, ascent, descent

    big, small = sizes
    best = attempt(big)  # most labels and short titles fit at once
    if best is not None:
        return best
    best = attempt(small)
    if best is None or small == big:
        return best
    lo, hi = small + 1, big - 1  # binary search: a smaller size never needs more room
    while lo <= hi:
        mid = (lo + hi) // 2
        found = attempt(mid)
        if found:
            best, lo = found, mid + 1
        else:
            hi = mid - 1
    return best


def fitting_prefix(text: str, font: str, size: int, box, line_height: float, measure: Measure) -> int:
    """How many characters of ``text`` fit the box at ``size`` (for the "too long by" message)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fit_text(text[:mid], font, (size, size), box, line_height, measure):
            lo = mid
        else:
            hi = mid - 1
    return lo


def scaled(sizes: tuple[int, int], width: int, height: int) -> tuple[int, int]:
    factor = min(width, height) / REFERENCE_SIDE
    return max(6, round(sizes[0] * factor)), max(6, round(sizes[1] * factor))


def plan(template, size_name: str, width: int, height: int, values: dict, measure: Measure,
         zone: dict | None = None) -> list[Placed]:
    """Every visible layer placed on a ``width``×``height`` canvas; text is kept inside the
    safe zone. Raises :class:`FitError` for text that cannot fit."""
    safe = safe_area(width, height, zone)
    placed = []
    for index, layer in enumerate(template.layers):
        kind = layer["type"]
        if layer.get("if") and not values.get(layer["if"], "").strip():
            continue
        if kind == "background":
            placed.append(Placed(index, layer, (0, 0, width, height)))
            continue
        box = pixel_box(layer, size_name, width, height)
        if kind != "text":
            placed.append(Placed(index, layer, box))
            continue
        text = layer_text(layer, values)
        if not text:
            continue
        inside = _intersect(box, safe)
        if inside is None:
            raise HumaskitError([Problem(
                f"Kotak teks lapisan ke-{index + 1} berada seluruhnya di zona aman ukuran {size_name} "
                "(bagian yang tertutup antarmuka aplikasi); beri kotak khusus di `at`.",
                **template.where("layers", index, "at" if layer.get("at") else "box"))])
        sizes = scaled(layer["size"], width, height)
        fitted = fit_text(text, layer["font"], sizes, inside, layer["line_height"], measure)
        if fitted is None:
            name = layer["field"] or next(iter(placeholders(layer["text"])), layer["text"])
            fits = fitting_prefix(text, layer["font"], sizes[1], inside, layer["line_height"], measure)
            raise FitError(name, size_name, sizes[1], fits, len(text))
        size, lines, line_px, ascent, descent = fitted
        placed.append(Placed(index, layer, inside, tuple(lines), size, line_px, ascent, descent))
    return placed
