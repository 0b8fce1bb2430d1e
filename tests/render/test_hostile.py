"""Careless and hostile render input: guideline sizes, brand-kit files, templates, data, --out.

Every bad input: exit 2 (or 1 when only some items fail), an Indonesian message naming the
file, no traceback, no file written outside --out, and no byte of the input changed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from render_support import EXAMPLES, REPO, write
from readme_commands import readme_commands

LOGO = REPO / "guidelines" / "assets" / "logo-kota.png"


@pytest.fixture
def cli(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from humaskit.cli import app

    monkeypatch.chdir(tmp_path)

    def run(*args):
        result = CliRunner().invoke(app, [str(a) for a in args])
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        return result

    return run


def _digest(folder) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _cli_process(*args, cwd):
    """A real process, so a FIFO that blocks shows as a timeout instead of a hung test run."""
    return subprocess.run([sys.executable, "-m", "humaskit", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=60, env={**os.environ, "HUMASKIT_NO_CACHE": "1"})


@pytest.mark.parametrize("command", readme_commands("render"), ids=" ".join)
def test_every_render_command_in_the_readme_works_as_typed(command, cli, tmp_path):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    result = cli(*command)
    assert result.exit_code == 0, result.output
    if "--out" in command:
        assert any((tmp_path / command[command.index("--out") + 1]).iterdir())


def test_a_draft_feeds_the_template_through_its_fields_front_matter(cli, tmp_path):
    result = cli("render", "--data", EXAMPLES / "hari-ibu.md", "--size", "story", "--out", "grafis", "--alt")
    assert result.exit_code == 0, result.output
    alt = (tmp_path / "grafis" / "ucapan-hari-ibu-story.alt.txt").read_text(encoding="utf-8")
    assert "Hari Ibu, 22 Desember 2026" in alt and "menjaga keluarga" in alt


def _guideline(tmp_path, text: str):
    return write(tmp_path / "pedoman.yaml", "extends: tasikmalaya\n" + text)


def _with_size(tmp_path, name: str, width=1080, height=1080):
    return _guideline(tmp_path, "platforms:\n  instagram:\n    image_sizes+:\n"
                                f"      - {{name: {name}, width: {width}, height: {height}}}\n")


@pytest.mark.parametrize("name", ['"../keluar"', '"a/b"', '"a\\\\b"', '"a\\0b"', '".tersembunyi"', '"con"',
                                  '"LPT1"', '".."', '"/etc/x"', '"Besar"', '""'])
def test_size_names_that_would_leave_the_output_folder_are_guideline_errors(cli, tmp_path, name):
    guideline = _with_size(tmp_path, name)
    result = cli("guideline", "check", guideline)
    assert result.exit_code == 2
    assert "pedoman.yaml:5:" in result.stderr and "[platforms.instagram.image_sizes[4].name]" in result.stderr
    (tmp_path / "out").mkdir()
    result = cli("render", "pengumuman", "--data", EXAMPLES / "pengumuman.yaml", "--out", tmp_path / "out",
                 "--guideline", guideline)
    assert result.exit_code == 2 and not any((tmp_path / "out").iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "pedoman.yaml"]


@pytest.mark.parametrize("width, height, message", [
    (100000, 100000, "nilai 100000 terlalu besar (maksimum 10000)"),
    (9000, 9000, "ukuran 9000×9000 terlalu besar: paling banyak 40 juta piksel"),
    (0, 500, "terlalu kecil (minimum 1)"),
    (".nan", 500, "harus berupa bilangan bulat"),
    ("1e400", 500, "harus berupa bilangan bulat"),
])
def test_image_sizes_are_bounded(cli, tmp_path, width, height, message):
    guideline = _with_size(tmp_path, "raksasa", width, height)
    result = cli("guideline", "check", guideline)
    assert result.exit_code == 2 and "pedoman.yaml:5:" in result.stderr and message in result.stderr, result.stderr
    result = cli("render", "pengumuman", "--data", EXAMPLES / "pengumuman.yaml", "--out", "out",
                 "--guideline", guideline)
    assert result.exit_code == 2 and not (tmp_path / "out").exists()


def test_the_largest_allowed_size_renders(cli, tmp_path):
    guideline = _with_size(tmp_path, "besar", 8000, 5000)
    template = write(tmp_path / "uji.yaml", MINIMAL.format(layers=TEXT.format(box="[0.1, 0.1, 0.8, 0.8]", extra="")))
    data = write(tmp_path / "isian.yaml", "fields: {judul: Halo}\n")
    result = cli("render", template, "--data", data, "--size", "besar", "--out", "out", "--guideline", guideline)
    assert result.exit_code == 0, result.output
    assert Image.open(tmp_path / "out" / "halo-besar.png").size == (8000, 5000)


def _truncated_jpeg(path):
    with Image.open(LOGO) as logo:
        logo.convert("RGB").save(path, "JPEG", quality=90)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


def test_a_truncated_jpeg_logo_fails_guideline_check_and_render_before_any_image(cli, tmp_path):
    _truncated_jpeg(tmp_path / "logo.jpg")
    guideline = _guideline(tmp_path, "visual:\n  logo: logo.jpg\n")
    before = _digest(tmp_path)
    result = cli("guideline", "check", guideline)
    assert result.exit_code == 2
    assert ("pedoman.yaml:3:3: [visual.logo] Berkas logo 'logo.jpg' bukan gambar yang dapat dibuka (rusak atau "
            "terpotong).") in result.stderr
    result = cli("render", "pengumuman", "--data", EXAMPLES / "pengumuman.yaml", "--out", "out", "-g", guideline)
    assert result.exit_code == 2 and "rusak atau terpotong" in result.stderr
    assert not (tmp_path / "out").exists() and _digest(tmp_path) == before


def test_a_whole_jpeg_logo_passes(cli, tmp_path):
    with Image.open(LOGO) as logo:
        logo.convert("RGB").save(tmp_path / "logo.jpg", "JPEG", quality=90)
    result = cli("guideline", "check", _guideline(tmp_path, "visual:\n  logo: logo.jpg\n"))
    assert result.exit_code == 0 and "pedoman valid" in result.stdout


def test_a_truncated_background_is_a_template_error(cli, tmp_path):
    _truncated_jpeg(tmp_path / "latar.jpg")
    template = write(tmp_path / "poster.yaml", (REPO / "templates" / "pengumuman.yaml").read_text(encoding="utf-8")
                     .replace("    color: biru-tasik\n", "    color: biru-tasik\n    image: latar.jpg\n", 1))
    result = cli("render", template, "--data", EXAMPLES / "pengumuman.yaml", "--out", "out")
    assert result.exit_code == 2 and "poster.yaml:" in result.stderr and "[layers[0].image]" in result.stderr
    assert "gambar latar 'latar.jpg' bukan gambar yang dapat dibuka" in result.stderr


@pytest.mark.parametrize("kind", ["logo", "font", "background"])
def test_a_fifo_or_device_in_the_brand_kit_is_not_a_regular_file_and_never_hangs(tmp_path, kind):
    os.mkfifo(tmp_path / "pipa")
    template = "pengumuman"
    if kind == "logo":
        write(tmp_path / "pedoman.yaml", "extends: tasikmalaya\nvisual:\n  logo: pipa\n")
    elif kind == "font":
        write(tmp_path / "pedoman.yaml", "extends: tasikmalaya\nvisual:\n  fonts:\n    judul: {file: pipa}\n"
              "    teks: {file: /dev/zero}\n")
    else:
        write(tmp_path / "pedoman.yaml", "extends: tasikmalaya\n")
        template = write(tmp_path / "poster.yaml", (REPO / "templates" / "pengumuman.yaml").read_text(
            encoding="utf-8").replace("    color: biru-tasik\n", "    color: biru-tasik\n    image: pipa\n", 1))
    if kind != "background":
        check = _cli_process("guideline", "check", "pedoman.yaml", cwd=tmp_path)
        assert check.returncode == 2 and "bukan berkas biasa" in check.stderr and "pedoman.yaml:" in check.stderr
        assert "tidak ditemukan" not in check.stderr and "Traceback" not in check.stderr
    result = _cli_process("render", template, "--data", EXAMPLES / "pengumuman.yaml", "--out", "out",
                          "-g", "pedoman.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "bukan berkas biasa" in result.stderr, result.stderr
    if kind == "font":
        assert "Berkas fon 'pipa' untuk fon 'judul'" in result.stderr
        assert "Berkas fon '/dev/zero' untuk fon 'teks'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_folder_as_logo_says_so(cli, tmp_path):
    (tmp_path / "logo").mkdir()
    result = cli("guideline", "check", _guideline(tmp_path, "visual:\n  logo: logo\n"))
    assert result.exit_code == 2 and "Berkas logo 'logo' adalah folder, bukan berkas." in result.stderr


def test_out_that_is_an_existing_file_is_refused(cli, tmp_path):
    target = write(tmp_path / "grafis", "isi pengguna")
    for out in (target, target / "sub"):
        result = cli("render", "pengumuman", "--data", EXAMPLES / "pengumuman.yaml", "--out", out)
        assert result.exit_code == 2 and "[--out]" in result.stderr and "folder" in result.stderr, result.stderr
    assert target.read_text(encoding="utf-8") == "isi pengguna"
    assert "--out harus berupa folder" in cli("render", "pengumuman", "--data", EXAMPLES / "pengumuman.yaml",
                                              "--out", target).stderr


@pytest.mark.parametrize("data", [
    "name: ../../keluar\nfields: {judul: Halo, isi: Isi}\n",
    "name: /etc/keluar\nfields: {judul: Halo, isi: Isi}\n",
    "name: .....\nfields: {judul: Halo, isi: Isi}\n",
    "fields: {judul: ../../../keluar, isi: Isi}\n",
])
def test_names_from_data_stay_inside_out(cli, tmp_path, data):
    source = write(tmp_path / "data" / "isian.yaml", data)
    result = cli("render", "pengumuman", "--data", source, "--size", "x", "--out", tmp_path / "a" / "out")
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != source]
    assert written and all(p.parent == tmp_path / "a" / "out" for p in written)
    assert all(not p.name.startswith(".") for p in written)


def test_csv_name_column_and_duplicate_columns(cli, tmp_path):
    ok = write(tmp_path / "ok.csv", "judul,isi,nama\nHalo,Isi,../../keluar\n")
    assert cli("render", "pengumuman", "--data", ok, "--size", "x", "--out", "out").exit_code == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keluar-x.png"]
    duplicate = write(tmp_path / "dua.csv", "judul,judul,isi\nA,B,C\n")
    result = cli("render", "pengumuman", "--data", duplicate, "--out", "out2")
    assert result.exit_code == 2 and "dua.csv:1: [judul] Kolom 'judul' ditulis lebih dari sekali" in result.stderr


MINIMAL = "name: Uji\nfields:\n  judul: {{label: Judul}}\nalt: \"{{judul}}\"\nlayers:\n{layers}"
TEXT = "  - {{type: text, box: {box}, field: judul, font: judul, size: [80, 40], color: putih{extra}}}\n"
BAD_TEMPLATES = {
    "NaN in a box": (TEXT.format(box="[.nan, 0, 1, 1]", extra=""), "[layers[0].box]"),
    "infinity in a box": (TEXT.format(box="[0, 0, .inf, 1]", extra=""), "[layers[0].box]"),
    "NaN line height": (TEXT.format(box="[0, 0, 1, 1]", extra=", line_height: .nan"), "[layers[0].line_height]"),
    "huge radius": ("  - {type: shape, box: [0, 0, 1, 1], color: putih, radius: 1e300}\n", "[layers[0].radius]"),
    "layer is a list": ("  - [1, 2]\n", "[layers[0]]"),
    "empty layers": ("  []\n", "[layers]"),
}


@pytest.mark.parametrize("layers, key", BAD_TEMPLATES.values(), ids=BAD_TEMPLATES)
def test_bad_templates_are_located_errors(cli, tmp_path, layers, key):
    template = write(tmp_path / "uji.yaml", MINIMAL.format(layers=layers))
    data = write(tmp_path / "isian.yaml", "fields: {judul: Halo}\n")
    before = _digest(tmp_path)
    result = cli("render", template, "--data", data, "--out", "out")
    assert result.exit_code == 2 and "uji.yaml:" in result.stderr and key in result.stderr, result.stderr
    assert not (tmp_path / "out").exists() and _digest(tmp_path) == before


BAD_DATA = {
    "empty YAML list": ("isian.yaml", "[]\n", "daftar kosong"),
    "empty YAML file": ("isian.yaml", "", "kunci 'fields' wajib diisi"),
    "fields is a number": ("isian.yaml", "fields: 5\n", "harus berupa pemetaan"),
    "empty CSV": ("isian.csv", "", "Kolom 'judul' wajib ada"),
    "CSV header only": ("isian.csv", "judul,isi\n", "tidak berisi baris data"),
    "draft fields is a list": ("isian.md", "---\nfields: [1]\n---\nHalo\n", "harus berupa pemetaan"),
    "unknown extension": ("isian.json", "{}", "Berkas data harus berupa"),
}


@pytest.mark.parametrize("name, text, message", BAD_DATA.values(), ids=BAD_DATA)
def test_bad_data_files_are_named(cli, tmp_path, name, text, message):
    data = write(tmp_path / name, text)
    result = cli("render", "pengumuman", "--data", data, "--out", "out")
    assert result.exit_code == 2 and name in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_very_long_and_unusual_text(cli, tmp_path):
    data = write(tmp_path / "isian.yaml", '- fields: {judul: "Café ﷽ 🏳️‍🌈 Ꙭ", isi: teks}\n'
                 f"- fields: {{judul: {'panjang ' * 20000}, isi: x}}\n"
                 '- fields: {judul: Judul, isi: "\\u202e\\x1b[2J teks"}\n')
    result = cli("render", "pengumuman", "--data", data, "--size", "x", "--out", "out")
    assert result.exit_code == 1, result.output  # the first renders; the second cannot fit and says why
    assert "isian.yaml:2" in result.stderr and "[judul]" in result.stderr
    # The third would print a right-to-left override: lint stops it before it is drawn.
    assert "isian.yaml:3:" in result.stderr and "(spelling.bidi-control)" in result.stderr
    assert len(list((tmp_path / "out").iterdir())) == 1


HOSTILE_NAMES = ["../../keluar", "/etc/passwd", "..", "a\\0b", "C:\\\\Windows\\\\x", "~/rumah", "$(rm -rf x)",
                 "nama " * 400, "é/../../é", "\\u202e..gnp", "CON", ".tersembunyi"]


def test_no_output_name_escapes_out(cli, tmp_path):
    """Names from `name:`, from the fields the file name is built from, and from a draft's title."""
    lines = []
    for i, hostile in enumerate(HOSTILE_NAMES):
        lines.append(f'- name: "{hostile}"\n  fields: {{judul: Judul {i}, isi: Isi singkat.}}\n')
        lines.append(f'- fields: {{judul: "{hostile}", isi: Isi singkat.}}\n')
    data = write(tmp_path / "data" / "isian.yaml", "".join(lines))
    draft = write(tmp_path / "data" / "draf.md", '---\ntitle: "../../../draf/ke/luar"\nagency: dinkes\n'
                  'template: pengumuman\n---\nIsi singkat pengumuman.\n')
    out = tmp_path / "data" / "out"
    for args in (["pengumuman", "--data", data], ["--data", draft]):
        result = cli("render", *args, "--size", "x", "--out", out)
        assert result.exit_code in (0, 1), result.output  # some hostile titles are too long to fit: that is all
    names = sorted(p.name for p in out.iterdir())
    assert len(names) >= len(HOSTILE_NAMES) + 1
    for name in names:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*-x\.png", name) and len(name) <= 80, name
    # Nothing anywhere else: the scratch folder holds the inputs and the output folder only.
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if out not in p.parents) == \
        ["data", "data/draf.md", "data/isian.yaml", "data/out"]
