"""WCAG contrast and CIELAB distance against published reference values."""

from __future__ import annotations

import pytest

from humaskit.color import contrast_ratio, delta_e, hex_to_rgb, nearest_name, palette_share, rgb_to_lab


def test_contrast_extremes_and_symmetry():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((10, 20, 30), (10, 20, 30)) == pytest.approx(1.0)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == contrast_ratio((0, 0, 0), (255, 255, 255))


def test_contrast_matches_the_wcag_reference_grey():
    # #767676 on white is the well-known lightest grey that passes AA (4.54:1); #777777 fails (4.48:1).
    assert contrast_ratio(hex_to_rgb("#767676"), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(hex_to_rgb("#777777"), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_lab_of_reference_colours():
    assert rgb_to_lab((255, 255, 255)) == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert rgb_to_lab((0, 0, 0)) == pytest.approx((0.0, 0.0, 0.0), abs=0.01)
    # sRGB red in CIELAB (D65): L 53.24, a 80.09, b 67.20.
    assert rgb_to_lab((255, 0, 0)) == pytest.approx((53.24, 80.09, 67.20), abs=0.05)


def test_delta_e_is_a_distance():
    a, b = hex_to_rgb("#0B4F8A"), hex_to_rgb("#2F80C8")
    assert delta_e(a, a) == 0
    assert delta_e(a, b) == pytest.approx(delta_e(b, a))
    assert delta_e((0, 0, 0), (255, 255, 255)) == pytest.approx(100.0, abs=0.01)


def test_nearest_name_and_palette_share():
    palette = {"biru": "#0B4F8A", "emas": "#F2B705"}
    assert nearest_name((12, 80, 140), palette)[0] == "biru"
    colors = [(30, (11, 79, 138)), (10, (242, 183, 5)), (60, (217, 70, 239))]
    assert palette_share(colors, palette, 12) == pytest.approx(0.4)
    assert palette_share(colors, {}, 12) == 1.0
