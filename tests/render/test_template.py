"""Template validation: shipped templates are valid; mistakes are reported at file:line with a hint."""

from __future__ import annotations

import pytest

from humaskit.errors import HumaskitError
from humaskit.render.template import image_sizes, load_template, template_names

from render_support import TEMPLATES, write

MINIMAL = """\
name: Uji
fields:
  judul: {label: Judul}
alt: "{judul}"
layers:
  - type: background
    color: biru-tasik
  - type: text
    field: judul
    font: judul
    size: [80, 40]
    color: putih
    box: [0.1, 0.3, 0.8, 0.3]
"""


def problems(tmp_path, text, guideline):
    path = write(tmp_path / "uji.yaml", text)
    with pytest.raises(HumaskitError) as caught:
        load_template(str(path), guideline)
    return caught.value.problems


def test_every_shipped_template_is_valid(guideline):
    assert set(TEMPLATES) <= set(template_names())
    for name in TEMPLATES:
        template = load_template(name, guideline)
        assert set(template.sizes) == {"instagram-feed", "instagram-square", "story", "reels", "x", "facebook"}
        assert any(layer["type"] == "text" for layer in template.layers)


def test_guideline_sizes_include_the_issue_sizes(guideline):
    sizes = image_sizes(guideline)
    assert sizes["instagram-feed"] == (1080, 1350)
    assert sizes["instagram-square"] == (1080, 1080)
    assert sizes["story"] == sizes["reels"] == (1080, 1920)
    assert sizes["x"] == (1200, 675)
    assert sizes["facebook"] == (1200, 630)


def test_minimal_template_defaults_to_every_guideline_size(tmp_path, guideline):
    template = load_template(str(write(tmp_path / "uji.yaml", MINIMAL)), guideline)
    assert template.sizes == list(image_sizes(guideline))
    assert template.layers[1]["line_height"] == 1.2


def test_unknown_colour_names_the_line_and_suggests(tmp_path, guideline):
    found = problems(tmp_path, MINIMAL.replace("color: putih", "color: putiih"), guideline)
    assert len(found) == 1
    assert (found[0].line, found[0].key) == (12, "layers[1].color")
    assert "Warna 'putiih' tidak ada di pedoman" in found[0].message
    assert found[0].hint == "Apakah maksud Anda 'putih'?"
    assert found[0].path.endswith("uji.yaml")


def test_hex_colour_is_refused_because_only_brand_names_are_allowed(tmp_path, guideline):
    found = problems(tmp_path, MINIMAL.replace("color: biru-tasik", 'color: "#0B4F8A"'), guideline)
    assert found[0].line == 7 and "Warna '#0B4F8A'" in found[0].message


def test_every_problem_is_reported_at_once(tmp_path, guideline):
    text = (MINIMAL.replace("font: judul", "font: arial").replace("field: judul", "field: judl")
            .replace("[0.1, 0.3, 0.8, 0.3]", "[0.5, 0.3, 0.8, 0.3]"))
    found = problems(tmp_path, text, guideline)
    messages = " | ".join(p.message for p in found)
    assert "keluar dari kanvas" in messages
    found = problems(tmp_path, text.replace("[0.5, 0.3, 0.8, 0.3]", "[0.1, 0.3, 0.8, 0.3]"), guideline)
    assert {p.key for p in found} == {"layers[1].font", "layers[1].field"}
    assert {p.line for p in found} == {10, 9}


def test_unknown_layer_type_and_key(tmp_path, guideline):
    found = problems(tmp_path, MINIMAL.replace("type: text", "type: textt").replace("    color: biru-tasik",
                                                                                   "    colour: biru-tasik"),
                     guideline)
    keys = {p.key: p for p in found}
    assert "pilihan: background, shape, logo, text" in keys["layers[1].type"].message
    assert keys["layers[1].type"].hint == "Apakah maksud Anda 'text'?"
    assert keys["layers[0].colour"].hint == "Apakah maksud Anda 'color'?"


def test_placeholders_must_be_declared_fields(tmp_path, guideline):
    found = problems(tmp_path, MINIMAL.replace('alt: "{judul}"', 'alt: "{judul} di {tempat}"'), guideline)
    assert found[0].key == "alt" and "isian 'tempat' tidak dideklarasikan" in found[0].message


def test_sizes_and_per_size_boxes_are_checked(tmp_path, guideline):
    text = MINIMAL.replace("fields:", "sizes: [instagram-feed, tiktok-feed]\nfields:") + "    at:\n      story: [0, 0, 1, 1]\n"
    found = {p.key: p for p in problems(tmp_path, text, guideline)}
    assert "Ukuran 'tiktok-feed'" in found["sizes[1]"].message
    assert "Ukuran templat 'story'" in found["layers[1].at.story"].message


def test_corrupt_background_image_is_a_template_error(tmp_path, guideline):
    (tmp_path / "latar.png").write_bytes(b"\x89PNG\r\n\x1a\nrusak")
    text = MINIMAL.replace("    color: biru-tasik\n", "    color: biru-tasik\n    image: latar.png\n", 1)
    found = problems(tmp_path, text, guideline)
    assert found[0].key == "layers[0].image" and "bukan gambar yang dapat dibuka" in found[0].message


def test_huge_background_image_is_refused_without_decoding(tmp_path, guideline):
    from render_support import REPO

    (tmp_path / "latar.png").write_bytes((REPO / "tests" / "rule_examples" / "visual" / "bom.png").read_bytes())
    text = MINIMAL.replace("    color: biru-tasik\n", "    color: biru-tasik\n    image: latar.png\n", 1)
    found = problems(tmp_path, text, guideline)
    assert found[0].line == 8 and "melebihi batas aman 40 juta piksel" in found[0].message


def test_unknown_template_name_suggests_a_shipped_one(guideline):
    with pytest.raises(HumaskitError) as caught:
        load_template("pengumuman2", guideline)
    assert caught.value.problems[0].hint == "Apakah maksud Anda 'pengumuman'?"


def test_every_template_key_is_documented():
    from humaskit.render.template import FIELD, LAYERS, TEMPLATE

    from render_support import REPO

    doc = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    keys = set(TEMPLATE.fields) | set(FIELD.fields) | set(LAYERS)
    for section in LAYERS.values():
        keys |= set(section.fields)
    missing = sorted(k for k in keys if f"`{k}" not in doc)
    assert not missing, f"docs/templates.md does not mention: {missing}"


def test_default_safe_zones_do_not_require_sizes_a_guideline_lacks(tmp_path):
    """A guideline without story or reels sizes and without `safe_zones` still loads its brand kit;
    a zone it names itself for a size it lacks stays an error."""
    from humaskit.guideline import load_guideline
    from humaskit.render.brand import load_brand

    square = "    image_sizes: [{name: kotak, width: 1080, height: 1080}]\n"
    text = ("extends: nasional\nvisual:\n  palette: {putih: \"#FFFFFF\"}\n  fonts:\n"
            "    teks: {package: plus-jakarta-sans}\nplatforms:\n"
            + "".join(f"  {p}:\n{square}" for p in ("instagram", "tiktok", "youtube")))
    guideline = load_guideline(write(tmp_path / "pedoman.yaml", text))
    assert set(guideline["visual"]["safe_zones"]) == {"story", "reels"}  # the defaults
    assert load_brand(guideline).fonts["teks"]
    named = load_guideline(write(tmp_path / "zona.yaml", text.replace(
        "visual:\n", "visual:\n  safe_zones: {reels: {top: 0.14, bottom: 0.35, sides: 0.06}}\n")))
    with pytest.raises(HumaskitError) as info:
        load_brand(named)
    assert "Zona aman untuk ukuran 'reels'" in str(info.value) and "zona.yaml:3" in str(info.value)
