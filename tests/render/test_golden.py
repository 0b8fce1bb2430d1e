"""Golden images: each shipped template rendered from its example data, compared with a tolerance.

Regenerate after an intended change with ``HUMASKIT_REGEN=1 python -m pytest tests/render``,
then look at the images before committing them. On a mismatch the actual, expected and
(amplified) difference images are saved and their paths printed.
"""

from __future__ import annotations

import io
from importlib.metadata import version

import pytest
from PIL import Image, ImageChops

from humaskit.render.api import Options, Renderer
from humaskit.render.batch import unique_names
from humaskit.render.data import load_items

from render_support import EXAMPLES, GOLDEN, REGEN

CASES = [
    ("pengumuman", "instagram-feed"), ("pengumuman", "story"), ("pengumuman", "reels"),
    ("agenda", "instagram-feed"), ("agenda", "x"), ("agenda", "story"),
    ("hari-besar", "instagram-feed"), ("hari-besar", "facebook"), ("hari-besar", "story"),
    ("layanan-info", "instagram-feed"), ("layanan-info", "instagram-square"), ("layanan-info", "story"),
    ("siaga", "story"),
]
# Share of pixels allowed to differ by more than CHANNEL_TOLERANCE, and the mean difference:
# room for a different zlib or FreeType build, not for a moved box or a changed colour.
CHANNEL_TOLERANCE = 24
MAX_CHANGED_SHARE = 0.002
MAX_MEAN_DIFF = 0.5


def test_pinned_font_and_layout_engine(guideline):
    """The goldens were drawn with this font release and Pillow's BASIC layout engine."""
    from PIL import ImageFont

    renderer = Renderer.load("pengumuman", guideline)
    assert version("fontpkg-plus-jakarta-sans") == "2.71", "font package changed: regenerate the goldens"
    spec = renderer.brand.fonts["judul"]
    assert spec.file.name == "PlusJakartaSans[wght].ttf" and spec.weight == 800
    assert renderer.brand.font("judul", 40).layout_engine == ImageFont.Layout.BASIC


def _render(guideline, template: str, size: str) -> Image.Image:
    renderer = Renderer.load(template, guideline, Options())
    items = load_items(str(EXAMPLES / f"{template}.yaml"), renderer.template, guideline)
    rendered = renderer.render(items[0], [size], unique_names(renderer, items)[0])
    return Image.open(io.BytesIO(rendered[0].data)).convert("RGB")


@pytest.mark.parametrize("template,size", CASES, ids=[f"{t}-{s}" for t, s in CASES])
def test_template_matches_its_golden_image(guideline, template, size, tmp_path):
    actual = _render(guideline, template, size)
    golden = GOLDEN / f"{template}-{size}.png"
    if REGEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        actual.save(golden, optimize=True)
    assert golden.is_file(), f"no golden image {golden.name}: run with HUMASKIT_REGEN=1"
    expected = Image.open(golden).convert("RGB")
    assert actual.size == expected.size
    diff = ImageChops.difference(actual, expected)
    channel_max = diff.convert("L").point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0)
    changed = channel_max.histogram()[255] / (actual.width * actual.height)
    mean = sum(i * n for i, n in enumerate(diff.convert("L").histogram())) / (actual.width * actual.height)
    if changed > MAX_CHANGED_SHARE or mean > MAX_MEAN_DIFF:
        actual.save(tmp_path / "actual.png")
        expected.save(tmp_path / "expected.png")
        diff.point(lambda v: min(255, v * 8)).save(tmp_path / "diff.png")
        pytest.fail(f"{template}/{size} differs from {golden.name}: {changed:.2%} pixels changed, mean "
                    f"{mean:.2f}. Saved actual.png, expected.png, diff.png in {tmp_path}")


def test_same_input_gives_the_same_bytes(guideline):
    renderer = Renderer.load("agenda", guideline, Options(fmt="jpeg", quality=80))
    items = load_items(str(EXAMPLES / "agenda.csv"), renderer.template, guideline)
    first = renderer.render(items[1], ["instagram-feed", "x"], "a")
    again = Renderer.load("agenda", guideline, Options(fmt="jpeg", quality=80)).render(items[1],
                                                                                      ["instagram-feed", "x"], "a")
    assert [r.data for r in first] == [r.data for r in again]
    assert first[0].data[:3] == b"\xff\xd8\xff"


def test_png_bytes_are_the_same_on_every_run(guideline, tmp_path):
    """Deterministic PNG: two renderers, fresh font caches, the same bytes for every template."""
    import hashlib

    digests = []
    for _ in range(2):
        run = []
        for template in ("pengumuman", "agenda", "hari-besar", "layanan-info"):
            renderer = Renderer.load(template, guideline, Options())
            items = load_items(str(EXAMPLES / f"{template}.yaml"), renderer.template, guideline)
            for r in renderer.render(items[0], ["story", "instagram-feed"], "a"):
                assert r.data[:8] == b"\x89PNG\r\n\x1a\n"
                run.append(hashlib.sha256(r.data).hexdigest())
        digests.append(run)
    assert digests[0] == digests[1] and len(set(digests[0])) == 8


def test_png_carries_no_varying_metadata(guideline):
    renderer = Renderer.load("hari-besar", guideline)
    items = load_items(str(EXAMPLES / "hari-besar.yaml"), renderer.template, guideline)
    data = renderer.render(items[0], ["x"], "a")[0].data
    for chunk in (b"tIME", b"tEXt", b"iTXt", b"zTXt", b"eXIf"):
        assert chunk not in data
