"""Geometry and text fitting for one canvas size; no drawing happens here.

Measuring text needs a font, so the caller passes a :class:`Measure` (Pillow-backed in
:mod:`humaskit.render.draw`); everything else is plain arithmetic that tests can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
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
    lines: tuple[Line, ...] = ()
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


NBSP = "\u00a0"
# A paragraph whose first word is one of these is a list item: its later lines hang under the text.
_BULLET = re.compile(r"[•·*–-]|\d{1,2}[.)]")
# Separators between items ("@a · @b") stay with the word before them, so no line starts with one;
# a dot-like one left at the end of a line is dropped.
_SEPARATOR = re.compile(r"[·|•–—]+")
_SEPARATOR_TAIL = re.compile(NBSP + r"[·|•]+$")
_SPACES = re.compile(r"[^\S\u00a0]+")  # whitespace, except the no-break space that binds words
_LAST_SPACE = re.compile(r"\s+(?=\S+$)")
SHORT_WORD = 4  # a last line holding only a word this short (or an aside in brackets) takes one more


@dataclass(frozen=True)
class Line:
    text: str
    indent: float = 0  # pixels: the hanging indent of a list item's later lines


def bind_names(text: str, names: tuple[str, ...]) -> str:
    """Tie the last two words of each name (an agency, the city) so a line never breaks before
    the last word of a name."""
    pattern = _names_pattern(names)
    if pattern is None:
        return text
    return pattern.sub(lambda m: _LAST_SPACE.sub(NBSP, m.group(0)), text)


@lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]):
    words = sorted({tuple(n.split()) for n in names if len(n.split()) > 1}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in name) for name in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def wrap(text: str, limit: float, width_of, names: tuple[str, ...] = ()) -> list[Line] | None:
    """Word wrap within ``limit`` pixels as a designer would: the writer's line breaks kept, list
    items with hanging indents, no line starting with a separator, no short word or bracketed
    aside alone on a last line, names not broken before their last word. None when one word
    alone is wider than the box."""
    def width(words):
        return width_of(" ".join(words).replace(NBSP, " "))

    lines: list[Line] = []
    for paragraph in bind_names(text, names).split("\n"):
        words = []
        for word in _SPACES.split(paragraph.strip()):
            if words and _SEPARATOR.fullmatch(word):
                words[-1] += NBSP + word
            elif word:
                words.append(word)
        indent = width_of(words[0] + " ") if len(words) > 1 and _BULLET.fullmatch(words[0]) else 0
        rows = _greedy(words, limit, indent, width)
        if rows is None:
            return None
        _pull_widow(rows, limit, indent, width, bullet=bool(indent))
        for i, row in enumerate(rows):
            if i < len(rows) - 1 and row:
                row[-1] = _SEPARATOR_TAIL.sub("", row[-1])
            lines.append(Line(" ".join(row).replace(NBSP, " "), indent if i else 0))
    return lines


def _greedy(words: list[str], limit: float, indent: float, width) -> list[list[str]] | None:
    rows: list[list[str]] = []
    row: list[str] = []
    queue = list(words)
    while queue:
        word = queue.pop(0)
        room = limit - (indent if rows else 0)
        if row and width(row + [word]) <= room:
            row.append(word)
            continue
        if row:
            rows.append(row)
            row, room = [], limit - indent
        if width([word]) > room:
            bare = _SEPARATOR_TAIL.sub("", word)
            if bare != word and width([bare]) <= room:
                rows.append([bare])  # "@a ·" is too wide: the line ends at "@a", the "·" goes
                continue
            if NBSP not in word:
                return None
            queue[:0] = word.split(NBSP)  # a bound name wider than the box breaks after all
            continue
        row = [word]
    rows.append(row)
    return rows


def _pull_widow(rows: list[list[str]], limit: float, indent: float, width, bullet: bool) -> None:
    """A short word or a bracketed aside ("(KIA)") alone on the last line takes the word before it."""
    if len(rows) < 2 or len(rows[-1]) != 1:
        return
    last, before = rows[-1][0], rows[-2]
    weak = last.startswith(("(", "[")) or len(last.strip(".,;:!?")) <= SHORT_WORD
    keeps = len(before) - (1 if bullet and len(rows) == 2 else 0)  # the bullet alone is not a line
    if weak and keeps >= 2 and width([before[-1], last]) <= limit - indent:
        rows[-1] = [before.pop(), last]


def fit_text(text: str, font: str, sizes: tuple[int, int], box: tuple[int, int, int, int],
             line_height: float, measure: Measure, names: tuple[str, ...] = ()):
    """The largest size in ``sizes`` (largest, smallest) at which ``text`` wraps into ``box``:
    (size, lines, line_px, ascent, descent), or None when even the smallest does not fit."""
    limit_w, limit_h = box[2] - box[0], box[3] - box[1]

    def attempt(size: int):
        lines = wrap(text, limit_w, lambda s: measure.width(font, size, s), names)
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


def fitting_prefix(text: str, font: str, size: int, box, line_height: float, measure: Measure,
                   names: tuple[str, ...] = ()) -> int:
    """How many characters of ``text`` fit the box at ``size`` (for the "too long by" message)."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fit_text(text[:mid], font, (size, size), box, line_height, measure, names):
            lo = mid
        else:
            hi = mid - 1
    return lo


def scaled(sizes: tuple[int, int], width: int, height: int) -> tuple[int, int]:
    factor = min(width, height) / REFERENCE_SIDE
    return max(6, round(sizes[0] * factor)), max(6, round(sizes[1] * factor))


def plan(template, size_name: str, width: int, height: int, values: dict, measure: Measure,
         zone: dict | None = None, names: tuple[str, ...] = ()) -> list[Placed]:
    """Every visible layer placed on a ``width``×``height`` canvas; text is kept inside the
    safe zone and ``names`` are not broken before their last word. Raises :class:`FitError`
    for text that cannot fit."""
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
        fitted = fit_text(text, layer["font"], sizes, inside, layer["line_height"], measure, names)
        if fitted is None:
            name = layer["field"] or next(iter(placeholders(layer["text"])), layer["text"])
            fits = fitting_prefix(text, layer["font"], sizes[1], inside, layer["line_height"], measure, names)
            raise FitError(name, size_name, sizes[1], fits, len(text))
        size, lines, line_px, ascent, descent = fitted
        placed.append(Placed(index, layer, inside, tuple(lines), size, line_px, ascent, descent))
    return placed
