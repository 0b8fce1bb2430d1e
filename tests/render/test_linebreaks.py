"""Line breaks a designer would accept, measured with the real brand fonts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from humaskit.render.api import Renderer
from humaskit.render.brand import load_brand
from humaskit.render.data import Item, values_for
from humaskit.render.draw import PillowMeasure
from humaskit.render.layout import SHORT_WORD, plan, wrap

from render_support import TEMPLATES


@pytest.fixture(scope="module")
def measure(guideline):
    return PillowMeasure(load_brand(guideline))


@pytest.fixture(scope="module")
def names(guideline):
    return Renderer.load("pengumuman", guideline).names


def width(measure, font="judul", size=84):
    return lambda s: measure.width(font, size, s)


def texts(lines):
    return [line.text for line in lines]


def test_a_bracketed_acronym_never_ends_a_title_alone(measure):
    title = "Pembuatan Kartu Identitas Anak (KIA)"
    w = width(measure)
    # The width at which greedy wrapping leaves "(KIA)" alone on the last line.
    limit = w("Pembuatan Kartu Identitas Anak") + 5
    lines = texts(wrap(title, limit, w))
    assert lines[-1] == "Anak (KIA)"
    assert " ".join(lines) == title and all(w(line) <= limit for line in lines)


@pytest.mark.parametrize("title", ["Layanan Perekaman KTP-el Dibuka di", "Jadwal Posyandu Bulan Ini dan",
                                   "Festival Budaya Kota Tasikmalaya 2026"])
def test_no_short_word_alone_on_the_last_line(measure, title):
    w = width(measure)
    *head, last = title.split()
    lines = texts(wrap(title, w(" ".join(head)) + 5, w))
    assert len(lines[-1].split()) >= 2, lines
    assert " ".join(lines) == title


def test_a_long_last_word_may_stand_alone(measure):
    w = width(measure)
    title = "Layanan Dibuka Selama Desember"
    lines = texts(wrap(title, w("Layanan Dibuka Selama") + 5, w))
    assert lines == ["Layanan Dibuka Selama", "Desember"]  # not a widow: long enough
    assert len("Desember") > SHORT_WORD


def test_a_single_line_or_a_two_word_title_is_left_alone(measure):
    w = width(measure)
    assert texts(wrap("Hari Ibu", 5000, w)) == ["Hari Ibu"]
    assert texts(wrap("Hari Ibu", w("Hari") + 5, w)) == ["Hari", "Ibu"]  # nothing to pull down


def test_agency_names_are_not_broken_before_their_last_word(measure, names):
    w = width(measure, "tebal", 34)
    name = "Dinas Kependudukan dan Pencatatan Sipil Kota Tasikmalaya"
    for cut in ("Dinas Kependudukan dan Pencatatan Sipil Kota", "Dinas Kependudukan dan Pencatatan Sipil",
                "Dinas Kependudukan dan"):
        lines = texts(wrap(name, w(cut) + 3, w, names))
        assert " ".join(lines) == name
        assert lines[-1].endswith("Kota Tasikmalaya"), lines
    # Names inside a sentence, in capitals too.
    lines = texts(wrap("INFORMASI DARI DINAS KESEHATAN KOTA TASIKMALAYA", w("INFORMASI DARI DINAS KESEHATAN KOTA")
                       + 3, w, names))
    assert lines[-1].endswith("KOTA TASIKMALAYA")


def test_a_bound_name_wider_than_the_box_still_breaks(measure, names):
    w = width(measure, "tebal", 34)
    narrow = w("Tasikmalaya") + 2
    lines = texts(wrap("Kota Tasikmalaya", narrow, w, names))
    assert lines == ["Kota", "Tasikmalaya"]


def test_list_items_hang_under_their_text(measure):
    w = width(measure, "teks", 48)
    text = "• Fotokopi akta kelahiran anak yang sudah dilegalisir\n• Kartu keluarga asli\n1. Pasfoto anak 2x3 berwarna"
    limit = w("• Fotokopi akta kelahiran") + 5
    lines = wrap(text, limit, w)
    bullet = w("• ")
    first = [line for line in lines if line.text.startswith(("•", "1."))]
    assert [line.indent for line in first] == [0, 0, 0]
    continued = [line for line in lines if not line.text.startswith(("•", "1."))]
    assert continued and all(line.indent in (bullet, w("1. ")) for line in continued)
    assert all(line.indent + w(line.text) <= limit for line in lines)
    assert lines[1].indent == bullet and lines[1].text.startswith("anak")


@pytest.mark.parametrize("sep", ["·", "|", "•"])
def test_a_footer_never_wraps_to_a_line_starting_with_a_separator(measure, sep):
    w = width(measure, "tebal", 28)
    text = f"@disdukcapil.tasikmalaya  {sep}  @disdukcapiltasikmalaya  {sep}  @disdukcapil"
    for limit in (w("@disdukcapil.tasikmalaya") + 2, w("@disdukcapil.tasikmalaya  ·  @disdukcapiltasikmalaya") + 2,
                  w(" ".join(text.split())) - 10):
        lines = texts(wrap(text, limit, w))
        assert len(lines) > 1
        assert not any(line.startswith(sep) for line in lines), lines
        assert not any(line.endswith(sep) for line in lines[:-1]), lines  # dropped at a break, not dangling
        assert [h for line in lines for h in line.split() if h.startswith("@")] == \
            ["@disdukcapil.tasikmalaya", "@disdukcapiltasikmalaya", "@disdukcapil"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(["Kota", "Tasikmalaya", "di", "(KIA)", "·", "dan", "pelayanan", "KTP-el",
                                       "Dinas", "Kesehatan", "2026", "ke"]), min_size=1, max_size=30),
       limit=st.integers(min_value=350, max_value=1200))
def test_the_rules_never_lose_a_word_or_overflow(measure, names, words, limit):
    w = width(measure, "teks", 40)
    text = " ".join(words)
    lines = wrap(text, limit, w, names)
    if lines is None:
        return
    assert all(line.indent + w(line.text) <= limit for line in lines)
    kept = [x for line in lines for x in line.text.split() if x != "·"]
    assert kept == [x for x in words if x != "·"]
    assert not any(line.text.startswith("·") for line in lines[1:])


@pytest.mark.parametrize("name", TEMPLATES)
def test_shipped_footers_and_headers_break_cleanly_at_every_size(guideline, name):
    renderer = Renderer.load(name, guideline)
    item = Item({k: "Contoh isian" for k in renderer.template.fields}, "disdukcapil", {})
    values = values_for(item, renderer.template, guideline)
    for size in renderer.template.sizes:
        width_px, height_px = renderer.sizes[size]
        placed = plan(renderer.template, size, width_px, height_px, values, PillowMeasure(renderer.brand),
                      renderer.zones.get(size), renderer.names)
        for item in placed:
            lines = [line.text for line in item.lines]
            assert not any(line.startswith("·") for line in lines), (size, lines)
            if item.layer.get("field") == "instansi" and len(lines) > 1:
                assert lines[-1].endswith("Kota Tasikmalaya"), (size, lines)
