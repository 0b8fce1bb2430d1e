"""The `siaga` alert template, rendered with the real brand font: alert colours, the emergency
number in the largest type on the card, every size, byte-identical output."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from humaskit.render.api import Options, Renderer
from humaskit.render.batch import unique_names
from humaskit.render.data import load_items, values_for
from humaskit.render.draw import PillowMeasure
from humaskit.render.layout import plan

from render_support import EXAMPLES

SIZES = {"instagram-feed": (1080, 1350), "instagram-square": (1080, 1080), "story": (1080, 1920),
         "reels": (1080, 1920), "x": (1200, 675), "facebook": (1200, 630)}


def _render(guideline, size: str, **fields) -> bytes:
    renderer = Renderer.load("siaga", guideline, Options())
    items = load_items(str(EXAMPLES / "siaga.yaml"), renderer.template, guideline)
    item = items[0]
    if fields:
        item = type(item)(**{**item.__dict__, "fields": {**item.fields, **fields}})
    return renderer.render(item, [size], unique_names(renderer, [item])[0])[0].data


def _dark_rows(image: Image.Image, top: int, bottom: int) -> list[int]:
    """Rows between ``top`` and ``bottom`` holding pixels of the dark text colour."""
    rgb = image.convert("RGB")
    return [y for y in range(top, bottom) if any(max(rgb.getpixel((x, y))) < 60 for x in range(0, rgb.width, 3))]


@pytest.mark.parametrize("size", SIZES)
def test_every_size_renders_in_alert_colours(guideline, size):
    image = Image.open(io.BytesIO(_render(guideline, size)))
    assert image.size == SIZES[size]
    palette = guideline["visual"]["palette"]
    red = tuple(int(palette["merah-bata"][i:i + 2], 16) for i in (1, 3, 5))
    gold = tuple(int(palette["emas"][i:i + 2], 16) for i in (1, 3, 5))
    rgb = image.convert("RGB")
    assert rgb.getpixel((5, 5)) == red
    colours = dict((c, n) for n, c in rgb.getcolors(rgb.width * rgb.height))
    assert colours.get(gold, 0) > 0.05 * rgb.width * rgb.height  # the hotline band


def test_the_hotline_is_set_in_large_type(guideline):
    image = Image.open(io.BytesIO(_render(guideline, "instagram-feed")))
    height = image.height
    band = _dark_rows(image, int(0.73 * height), int(0.84 * height))
    # "112" at the template's largest size: digits taller than 80 px on a 1350 px poster
    assert band and band[-1] - band[0] > 80
    # a long contact still fits (it shrinks), and is never cut
    longer = Image.open(io.BytesIO(_render(guideline, "instagram-feed", hotline="Call Center BPBD (0265) 2351122")))
    assert _dark_rows(longer, int(0.73 * height), int(0.84 * height))


def _plan(guideline, size: str):
    """The example's layers placed on ``size``, as render places them (safe zone, bound names)."""
    renderer = Renderer.load("siaga", guideline, Options())
    item = load_items(str(EXAMPLES / "siaga.yaml"), renderer.template, guideline)[0]
    values = values_for(item, renderer.template, guideline)
    return plan(renderer.template, size, *SIZES[size], values, PillowMeasure(renderer.brand),
                renderer.zones.get(size), renderer.names)


@pytest.mark.parametrize("size", SIZES)
def test_the_hotline_is_the_largest_type_on_every_size(guideline, size):
    texts = {p.layer["field"] or p.layer["text"]: p.size for p in _plan(guideline, size) if p.layer["type"] == "text"}
    assert all(other < texts["hotline"] for name, other in texts.items() if name != "hotline"), texts


def test_the_story_is_the_feed_layout_centred_in_the_tall_frame(guideline):
    """The story uses the whole frame at the feed's type sizes: every layer after the full-frame
    background is the feed's, moved down by half the extra height."""
    feed, story = _plan(guideline, "instagram-feed"), _plan(guideline, "story")
    assert len(feed) == len(story)
    offset = (1920 - 1350) // 2
    for f, s in zip(feed[1:], story[1:]):
        assert s.size == f.size and s.lines == f.lines, f.layer
        moved = (f.box[0], f.box[1] + offset, f.box[2], f.box[3] + offset)
        assert all(abs(a - b) <= 1 for a, b in zip(s.box, moved)), (f.layer, s.box, moved)


def test_same_input_same_bytes(guideline):
    assert _render(guideline, "story") == _render(guideline, "story")
