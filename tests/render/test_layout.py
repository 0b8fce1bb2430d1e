"""Text fitting and safe zones, measured with the real brand fonts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from humaskit.render.api import Renderer
from humaskit.render.brand import load_brand
from humaskit.render.data import Item, values_for
from humaskit.render.draw import PillowMeasure
from humaskit.render.layout import FitError, fit_text, plan, safe_area, scaled, wrap
from humaskit.render.template import load_template

from render_support import TEMPLATES

BOX = (0, 0, 600, 300)


@pytest.fixture(scope="module")
def measure(guideline):
    return PillowMeasure(load_brand(guideline))


def test_wrap_keeps_every_line_inside_and_every_word(measure):
    text = "Pelayanan perekaman KTP-el dibuka setiap Sabtu di Mal Pelayanan Publik Kota Tasikmalaya"
    lines = wrap(text, 400, lambda s: measure.width("teks", 40, s))
    assert len(lines) > 1
    assert all(measure.width("teks", 40, line.text) <= 400 for line in lines)
    assert " ".join(line.text for line in lines) == text


def test_wrap_keeps_the_writers_line_breaks(measure):
    lines = wrap("• Akta kelahiran\n• Kartu keluarga", 2000, lambda s: measure.width("teks", 40, s))
    assert [line.text for line in lines] == ["• Akta kelahiran", "• Kartu keluarga"]


def test_short_text_gets_the_largest_size_and_long_text_shrinks(measure):
    short = fit_text("Hari Ibu", "judul", (96, 30), BOX, 1.2, measure)
    long = fit_text("Hari Ibu " * 12, "judul", (96, 30), BOX, 1.2, measure)
    assert short[0] == 96
    assert 30 <= long[0] < 96
    size, lines, line_px, ascent, descent = long
    assert (len(lines) - 1) * line_px + ascent + descent <= BOX[3]
    # The chosen size is the largest that fits: one pixel more does not.
    assert fit_text("Hari Ibu " * 12, "judul", (size + 1, size + 1), BOX, 1.2, measure) is None


def test_a_word_wider_than_the_box_does_not_fit(measure):
    assert fit_text("Tasikmalayaaaaaaaaaaaaaaaaaaaaaa", "judul", (80, 60), (0, 0, 300, 300), 1.2, measure) is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["Kota", "Tasikmalaya", "pelayanan", "KTP-el", "Sabtu", "08.00", "WIB",
                                       "posyandu", "Dinas", "Kesehatan", "warga", "gratis"]), min_size=1,
                      max_size=60))
def test_fitted_text_always_lies_inside_its_box(measure, words):
    text = " ".join(words)
    fitted = fit_text(text, "teks", (64, 20), BOX, 1.3, measure)
    if fitted is None:
        return  # too long even at 20 px: plan() turns this into a FitError (tested below)
    size, lines, line_px, ascent, descent = fitted
    assert " ".join(line.text for line in lines) == text
    assert all(line.indent + measure.width("teks", size, line.text) <= BOX[2] for line in lines)
    assert (len(lines) - 1) * line_px + ascent + descent <= BOX[3]


def test_text_that_cannot_fit_names_the_field_and_the_excess(guideline):
    renderer = Renderer.load("pengumuman", guideline)
    item = Item({"judul": "Pengumuman " * 40, "isi": "Isi singkat."}, "dinkes", {"path": "data.yaml", "line": 3})
    values = values_for(item, renderer.template, guideline)
    with pytest.raises(FitError) as caught:
        plan(renderer.template, "instagram-feed", 1080, 1350, values, PillowMeasure(renderer.brand))
    error = caught.value
    assert error.field == "judul" and error.total == len(values["judul"])
    assert 0 < error.fits < error.total
    assert f"kelebihan {error.total - error.fits} karakter" in error.message
    # Exactly the reported number of characters fits at the smallest size.
    layer = next(l for l in renderer.template.layers if l.get("field") == "judul")
    measure = PillowMeasure(renderer.brand)
    from humaskit.render.layout import pixel_box

    box = pixel_box(layer, "instagram-feed", 1080, 1350)
    small = scaled(layer["size"], 1080, 1350)[1]
    assert fit_text(values["judul"][:error.fits], "judul", (small, small), box, layer["line_height"], measure)
    assert not fit_text(values["judul"][:error.fits + 1], "judul", (small, small), box, layer["line_height"],
                        measure)


@pytest.mark.parametrize("name", TEMPLATES)
@pytest.mark.parametrize("size", ["story", "reels"])
def test_tall_frames_keep_text_in_the_safe_zone_and_use_the_whole_frame(guideline, name, size):
    template = load_template(name, guideline)
    zone = guideline["visual"]["safe_zones"][size]
    # Meta: about 250 px of 1920 (14%) at the top and bottom of a story; a reel's bottom 35%.
    assert zone == {"top": 0.14, "bottom": 0.14 if size == "story" else 0.35, "sides": 0.06}
    renderer = Renderer(template, guideline)
    item = Item({k: "Contoh isian yang cukup panjang untuk diuji" for k in template.fields}, "dinkes", {})
    values = values_for(item, template, guideline)
    safe = safe_area(1080, 1920, zone)
    assert safe == ((65, 269, 1015, 1651) if size == "story" else (65, 269, 1015, 1248))
    placed = plan(template, size, 1080, 1920, values, PillowMeasure(renderer.brand), zone, renderer.names)
    texts = [p for p in placed if p.layer["type"] == "text"]
    assert texts
    for item in texts:
        x0, y0, x1, y1 = item.box
        assert safe[0] <= x0 and safe[1] <= y0 and x1 <= safe[2] and y1 <= safe[3], item.layer
        # The inked lines too (not only the box): first ascent to last descent.
        block = (len(item.lines) - 1) * item.line_px + item.ascent + item.descent
        assert block <= y1 - y0
    # Composed for the frame: content (text, logo, decorations) starts near the top of the safe
    # area and text reaches near its bottom (not squeezed into the top 60% of a story), and the
    # backdrop covers every edge.
    content = [p.box for p in placed if p.layer["type"] in ("text", "logo")
               or (p.layer["type"] == "shape" and p.box[1] > 0 and p.box[3] < 1920)]
    assert min(b[1] for b in content) - safe[1] < 0.05 * 1920
    assert safe[3] - max(p.box[3] for p in texts) < 0.05 * 1920
    covered = [p.box for p in placed if p.layer["type"] in ("background", "shape")]
    assert any(b[1] == 0 for b in covered) and any(b[3] == 1920 for b in covered)


def test_text_box_is_clipped_into_the_safe_area(guideline, tmp_path):
    from render_support import write

    path = write(tmp_path / "tepi.yaml", """\
name: Tepi
sizes: [story]
fields: {judul: {}}
alt: "{judul}"
layers:
  - {type: background, color: putih}
  - {type: text, field: judul, font: teks, size: [40, 20], color: hitam-teks, box: [0, 0, 1, 1]}
""")
    template = load_template(str(path), guideline)
    renderer = Renderer(template, guideline)
    values = values_for(Item({"judul": "Halo"}, None, {}), template, guideline)
    zone = guideline["visual"]["safe_zones"]["story"]
    placed = plan(template, "story", 1080, 1920, values, PillowMeasure(renderer.brand), zone)
    assert placed[-1].box == safe_area(1080, 1920, zone)
