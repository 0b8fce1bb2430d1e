"""`humaskit guideline render`: the pedoman as a handbook, made from the same guideline and rule
registry as the linter, so the book and `humaskit lint` never disagree."""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
from html import unescape

import pytest
from markupsafe import escape
from PIL import Image

from humaskit.color import contrast_ratio, hex_to_rgb
from humaskit.guideline import load_guideline
from humaskit.handbook import build_handbook
from humaskit.lint.docs import example_text
from humaskit.lint.lexicon import foreign_terms, informal, kata_baku
from humaskit.render.template import template_names

from handbook_help import CITY, build, examples, humaskit
from support import REPO


@pytest.fixture(scope="module")
def shipped_book(tmp_path_factory):
    return build(tmp_path_factory.mktemp("shipped"))


@pytest.fixture(scope="module")
def city_book(tmp_path_factory):
    return build(tmp_path_factory.mktemp("city"), CITY)


def _lint_examples(found: list[dict], folder, guideline_args) -> dict[str, tuple]:
    """Lint every example the book gives a verdict for with the real CLI, as a user would: each
    one that names example files (images, drafts it is compared with) alone in a folder with
    those files, the rest together. Returns file name → (example, rules raised)."""
    groups: dict = {}
    for i, ex in enumerate(found):
        groups.setdefault(f"{ex['files']}-{i}" if ex["files"] else "teks", []).append(ex)
    out = {}
    for key, group in groups.items():
        here = folder / key
        files = group[0]["files"]
        if files:
            shutil.copytree(REPO / "tests" / "rule_examples" / files, here)
        here.mkdir(parents=True, exist_ok=True)
        names = {}
        for i, ex in enumerate(group):
            name = f"{i:03d}-{ex['label']}.md"
            (here / name).write_bytes(ex["draft"].encode("utf-8"))
            names[name] = ex
        done = humaskit("lint", here, "--format", "json", "--fail-on", "suggestion", "--jobs", "1", *guideline_args)
        assert done.returncode in (0, 1), done.stderr
        raised = {name: set() for name in names}
        for finding in json.loads(done.stdout)["findings"]:
            name = finding["path"].rsplit("/", 1)[-1]
            if name in raised:
                raised[name].add(finding["rule"])
        out.update({f"{key}/{name}": (names[name], rules) for name, rules in raised.items()})
    return out


@pytest.mark.parametrize("which", ["shipped", "city"])
def test_every_salah_example_fails_lint_and_every_benar_passes(which, shipped_book, city_book, tmp_path):
    html, args = (shipped_book, ()) if which == "shipped" else (city_book, ("--guideline", CITY))
    found = examples(html)
    for ex in found:  # what the reader sees is the text that is linted
        assert ex["shown"] == example_text(ex["draft"]), ex["rule"]
    checked = [ex for ex in found if ex["verdict"] in ("salah", "benar")]
    if which == "shipped":
        assert len(checked) >= 100 and {ex["verdict"] for ex in checked} == {"salah", "benar"}
        assert all(ex["verdict"] == ex["label"] for ex in found if ex["rule"] != "grammar.languagetool")
    for name, (ex, rules) in _lint_examples(checked, tmp_path / "contoh", args).items():
        if ex["verdict"] == "salah":
            assert ex["rule"] in rules, f"{name}: the book says {ex['rule']} flags it, lint does not"
        else:
            assert ex["rule"] not in rules, f"{name}: the book says it passes {ex['rule']}, lint flags it"


def test_a_city_guideline_gets_its_own_book(city_book):
    assert "<title>Pedoman Komunikasi Publik Kota Banjar</title>" in city_book
    for own in ("Dinas Kesehatan Kota Banjar", "Alun-Alun Kota Banjar", "#KotaBanjar", "#DinkesBanjar",
                "#BanjarBanjir", "Tagar yang meresahkan warga.", "(0265) 741234", "Hari Jadi Kota Banjar", "#1E6B3A",
                "kota-banjar.yaml</code>, yang memperluas <code>nasional.yaml"):
        assert own in city_book, own
    before_rules = city_book.split('id="aturan"')[0]
    assert "Tasikmalaya" not in before_rules, "the shipped guideline leaked into the city's book"
    active = len(re.findall(r'<article class="aturan"', city_book))
    assert re.search(rf"dan\s+{active} aturan pemeriksaan", city_book) and f"<p>{active} aturan diperiksa" in city_book
    off = city_book.split("Aturan yang dimatikan pedoman ini")[1]
    assert "tone.emoji-count" in off and 'id="aturan-tone.emoji-count"' not in city_book
    # 'info' is allowed by the city: its informal-word table no longer lists it.
    assert "<p>info →" not in city_book and "<p>info →" in build_handbook(load_guideline()).decode()
    # The shipped right example lacks the city's hashtags: its own fix adapts it, and lint agrees (test above).
    [right] = [ex for ex in examples(city_book) if ex["rule"] == "hashtag.required" and ex["label"] == "benar"]
    assert right["verdict"] == "benar" and "#KotaBanjar #DinkesBanjar" in right["draft"]
    # The shipped templates need fonts this city has not declared: the book says so instead of failing.
    assert city_book.count("tidak dapat dipakai dengan pedoman ini") == len(template_names())


def test_tables_are_the_linters_own_lists(shipped_book):
    g = load_guideline()
    for wrong, pair in kata_baku(g).items():
        assert f"<p>{escape(wrong)} → <strong>{escape(pair.standard)}</strong></p>" in shipped_book, wrong
    for foreign, indonesian in foreign_terms(g).items():
        assert f"<em>{escape(foreign)}</em> → <strong>{escape(indonesian)}</strong>" in shipped_book, foreign
    flagged = informal(g)
    shown = {unescape(w) for w in re.findall(r"<p>([^<>]+) → ", shipped_book)}
    assert set(flagged) <= shown and len(flagged) > 1000


def test_visual_identity_shows_contrast_fonts_logo_and_rendered_templates(shipped_book):
    palette = load_guideline()["visual"]["palette"]
    ratio = contrast_ratio(hex_to_rgb(palette["putih"]), hex_to_rgb(palette["biru-tasik"]))
    assert f"{ratio:.1f}".replace(".", ",") + " AAA" in shipped_book
    cells = re.findall(r'<td class="[^"]*" style="background: (#[0-9A-F]{6}); color: (#[0-9A-F]{6})">', shipped_book)
    assert len(cells) == len(palette) * (len(palette) - 1)  # every text colour on every other background
    assert shipped_book.count("@font-face") == 1 and "data:font/ttf;base64," in shipped_book
    images = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)"', shipped_book)
    assert len(images) == 1 + len(template_names())  # the logo and one thumbnail per template
    for data, alt in images:
        with Image.open(io.BytesIO(base64.b64decode(data))) as image:
            assert image.format == "PNG" and image.width >= 100 and alt
    assert "src=\"http" not in shipped_book and "url(http" not in shipped_book  # self-contained


def test_same_guideline_same_bytes_from_any_folder(tmp_path, shipped_book):
    elsewhere = tmp_path / "lain"
    elsewhere.mkdir()
    done = humaskit("guideline", "render", "--out", "buku", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    assert (elsewhere / "buku" / "pedoman.html").read_text(encoding="utf-8") == shipped_book
    assert "buku/pedoman.html" in done.stdout


@pytest.mark.parametrize("text, where", [
    ("version: 1\nextends: nasional\ntone:\n  registr: formal\n", ":4:3: [tone.registr]"),
    ("version: 1\nextends: nasional\nvisual:\n  logo: tidak-ada.png\n", ":4:3: [visual.logo]"),
    ("version: 1\nextends: nasional\nagencies:\n  dinkes: {name: Dinkes}\n", "[agencies.dinkes"),
    ("version: 1\nextends: nasional\ntone: [formal\n", ":4:1: YAML tidak valid"),
])
def test_a_bad_guideline_is_exit_2_with_file_line_key(tmp_path, text, where):
    bad = tmp_path / "pedoman.yaml"
    bad.write_text(text, encoding="utf-8")
    done = humaskit("guideline", "render", bad, "--out", tmp_path / "buku")
    assert done.returncode == 2
    assert "pedoman.yaml" in done.stderr and where in done.stderr, done.stderr
    assert "Traceback" not in done.stderr + done.stdout and not (tmp_path / "buku").exists()


def test_out_that_is_a_file_is_refused_and_kept(tmp_path):
    target = tmp_path / "pedoman"
    target.write_text("punya saya", encoding="utf-8")
    done = humaskit("guideline", "render", "--out", target)
    assert done.returncode == 2 and "--out" in done.stderr and "Traceback" not in done.stderr
    assert target.read_text(encoding="utf-8") == "punya saya"


def test_guideline_text_is_escaped_not_obeyed(tmp_path):
    hostile = tmp_path / "pedoman.yaml"
    hostile.write_text(
        'version: 1\nextends: nasional\nname: "<script>alert(1)</script> Kota \u202eBanjar"\n'
        'agencies:\n  dinkes: {name: "Dinkes <img src=x onerror=alert(1)>", short: Dinkes}\n', encoding="utf-8")
    html = build(tmp_path, hostile)
    assert "<script>" not in html and "<img src=x" not in html and "\u202e" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Kota \\u202eBanjar" in html


def test_the_readme_commands_work_as_typed(tmp_path):
    import shlex

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"(?m)^(humaskit guideline render [^#\n]*)", readme)
    assert len(commands) >= 2
    shutil.copytree(REPO / "guidelines", tmp_path / "guidelines")
    for command in commands:
        words = shlex.split(command)
        done = humaskit(*words[1:], cwd=tmp_path)
        assert done.returncode == 0, (command, done.stderr)
        out = tmp_path / words[words.index("--out") + 1] / "pedoman.html"
        assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_crisis_protocol_chapter_is_the_guidelines_own(shipped_book, city_book):
    for book, path in ((shipped_book, None), (city_book, CITY)):
        crisis = load_guideline(path)["crisis"]
        toc = book.split('<nav class="daftar-isi"')[1].split("</nav>")[0]
        assert '<a href="#krisis">' in toc
        chapter = book.split('id="krisis"')[1].split("</section>")[0]
        assert "Pembaruan pukul 14.00 WIB" in chapter and ("tidak boleh" if not crisis["emoji"] else "boleh") in chapter
        for shown in crisis["speculative"] + crisis["humour"] + crisis["hashtags"] + crisis["hotlines"]:
            assert str(escape(shown)) in chapter, shown
    assert "#SiagaBanjar" in city_book.split('id="krisis"')[1] and "#SiagaBanjar" not in shipped_book
