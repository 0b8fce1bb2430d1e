"""Colour arithmetic without Pillow: WCAG contrast and CIELAB distance (ΔE, CIE76).

Pure Python so the lint rules and the renderer share it, and it stays importable cheaply.
"""

from __future__ import annotations

from functools import lru_cache

RGB = tuple[int, int, int]

# WCAG 2.x level AA minimum contrast ratios.
AA_NORMAL = 4.5
AA_LARGE = 3.0


def hex_to_rgb(value: str) -> RGB:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgb_to_hex(rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb[:3])


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    r, g, b = (_linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours, from 1 (same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


@lru_cache(maxsize=65536)
def rgb_to_lab(rgb: RGB) -> tuple[float, float, float]:
    """sRGB (D65) → CIELAB."""
    r, g, b = (_linear(c) for c in rgb[:3])
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: RGB, b: RGB) -> float:
    """CIE76 colour difference: about 2.3 is just noticeable, above 10 clearly different."""
    la, lb = rgb_to_lab(tuple(a[:3])), rgb_to_lab(tuple(b[:3]))
    return ((la[0] - lb[0]) ** 2 + (la[1] - lb[1]) ** 2 + (la[2] - lb[2]) ** 2) ** 0.5


def nearest_name(rgb: RGB, palette: dict[str, str]) -> tuple[str, float]:
    """The palette name closest to a colour and its ΔE."""
    best = min(palette.items(), key=lambda item: delta_e(rgb, hex_to_rgb(item[1])))
    return best[0], delta_e(rgb, hex_to_rgb(best[1]))


def palette_share(colors: list[tuple[int, RGB]], palette: dict[str, str], limit: float) -> float:
    """Share of pixels within ``limit`` ΔE of some palette colour; ``colors`` as from
    ``Image.getcolors``: (count, rgb) pairs."""
    if not palette:
        return 1.0
    labs = [rgb_to_lab(hex_to_rgb(v)) for v in palette.values()]
    limit_sq = limit * limit
    near = total = 0
    for count, rgb in colors:
        total += count
        l, a, b = rgb_to_lab(tuple(rgb[:3]))
        if any((l - p[0]) ** 2 + (a - p[1]) ** 2 + (b - p[2]) ** 2 <= limit_sq for p in labs):
            near += count
    return near / total if total else 1.0
