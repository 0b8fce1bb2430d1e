"""`humaskit render` end to end: real templates, fonts and files; exit codes and messages."""

from __future__ import annotations

import pytest
from PIL import Image

from render_support import EXAMPLES, TEMPLATES, write


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run `humaskit …` in a scratch folder (no humaskit.yaml above it)."""
    from typer.testing import CliRunner

    from humaskit.cli import app

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return run


def test_every_shipped_template_has_example_data():
    from humaskit.render.template import template_names

    assert set(template_names()) == set(TEMPLATES)
    assert all((EXAMPLES / f"{name}.yaml").is_file() for name in TEMPLATES)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_example_renders_every_size(cli, tmp_path, name):
    result = cli("render", name, "--data", EXAMPLES / f"{name}.yaml", "--out", tmp_path / "out", "--alt")
    assert result.exit_code == 0, result.output
    images = sorted((tmp_path / "out").glob("*.png"))
    assert len(images) == 6  # story and reels share the 1080×1920 frame
    sizes = {Image.open(p).size for p in images}
    assert sizes == {(1080, 1350), (1080, 1080), (1080, 1920), (1200, 675), (1200, 630)}
    for image in images:
        alt = image.with_suffix(".alt.txt").read_text(encoding="utf-8")
        assert len(alt.split()) > 5 and "{" not in alt
    assert "6 gambar ditulis" in result.stdout


def test_names_come_from_the_data_and_jpeg_quality_is_used(cli, tmp_path):
    base = ["render", "agenda", "--data", EXAMPLES / "agenda.csv", "--size", "x", "--format", "jpeg"]
    assert cli(*base, "--quality", "95", "--out", tmp_path / "q95").exit_code == 0
    assert cli(*base, "--quality", "40", "--out", tmp_path / "q40", "-j", "2").exit_code == 0
    names = sorted(p.name for p in (tmp_path / "q95").iterdir())
    assert names == ["agenda-pelatihan-digital-umkm-x.jpg", "agenda-posyandu-balita-serentak-x.jpg",
                     "agenda-senam-sehat-hari-ibu-x.jpg", "agenda-uji-emisi-kendaraan-gratis-x.jpg"]
    for name in names:
        assert (tmp_path / "q40" / name).stat().st_size < (tmp_path / "q95" / name).stat().st_size


def test_batch_across_processes_gives_the_same_bytes_as_one_process(cli, tmp_path):
    for jobs in ("1", "2"):
        result = cli("render", "agenda", "-d", EXAMPLES / "agenda.csv", "-s", "instagram-square", "-j", jobs,
                     "-o", tmp_path / jobs)
        assert result.exit_code == 0, result.output
    one = {p.name: p.read_bytes() for p in (tmp_path / "1").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "2").iterdir()}
    assert len(one) == 4 and one == two


def test_a_broken_row_is_reported_and_the_rest_still_render(cli, tmp_path):
    data = write(tmp_path / "acara.csv", "judul,tanggal,waktu,tempat,agency\n"
                 "Acara Satu,Senin,09.00 WIB,Balai Kota,dinkes\n"
                 ",Selasa,10.00 WIB,Balai Kota,dinkes\n"
                 "Acara Tiga,Rabu,11.00 WIB,Balai Kota,dinkez\n"
                 f"{'Acara panjang sekali ' * 20},Kamis,12.00 WIB,Balai Kota,dinkes\n"
                 "Acara Lima,Jumat,13.00 WIB,Balai Kota,dlh\n")
    result = cli("render", "agenda", "--data", data, "--size", "instagram-feed", "--out", tmp_path / "out",
                 "-j", "2")
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "agenda-acara-lima-instagram-feed.png", "agenda-acara-satu-instagram-feed.png"]
    err = result.stderr
    assert "acara.csv:3: [judul] Isian 'judul' (Nama acara) wajib diisi." in err
    assert "acara.csv:4: [agency] Perangkat daerah 'dinkez' tidak ada di pedoman. Apakah maksud Anda 'dinkes'?" in err
    assert "acara.csv:5: [judul] Isian 'judul' terlalu panjang untuk kotaknya di ukuran instagram-feed" in err
    assert "kelebihan" in err and "Traceback" not in result.output
    assert "3 dari 5 butir gagal" in result.stdout


def test_csv_missing_a_required_column_writes_nothing(cli, tmp_path):
    data = write(tmp_path / "acara.csv", "judul,tanggal,waktu,tmpat\nA,B,C,D\n")
    result = cli("render", "agenda", "--data", data, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "acara.csv:1: [tempat] Kolom 'tempat' wajib ada" in result.stderr
    assert "Mungkin kolom 'tmpat' salah ketik?" in result.stderr
    assert not (tmp_path / "out").exists()


def test_text_that_cannot_fit_is_an_error_and_nothing_is_half_written(cli, tmp_path):
    data = write(tmp_path / "p.yaml", "agency: dinkes\nfields:\n  judul: Judul\n  isi: " + "kata " * 300 + "\n")
    result = cli("render", "pengumuman", "--data", data, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "p.yaml:4:3: [isi] Isian 'isi' terlalu panjang" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_draft_front_matter_feeds_the_template(cli, tmp_path):
    draft = write(tmp_path / "draf.md", "---\nagency: dinkes\ntitle: Imunisasi Gratis di Puskesmas\n"
                  "template: pengumuman\n---\nImunisasi dasar lengkap gratis setiap Rabu. #KotaTasikmalaya\n")
    result = cli("render", "pengumuman", "--data", draft, "--size", "x", "--out", tmp_path, "--alt")
    assert result.exit_code == 0, result.output
    alt = (tmp_path / "pengumuman-imunisasi-gratis-di-puskesmas-x.alt.txt").read_text(encoding="utf-8")
    assert "Dinas Kesehatan Kota Tasikmalaya: Imunisasi Gratis di Puskesmas." in alt
    assert "Imunisasi dasar lengkap gratis setiap Rabu." in alt and "#KotaTasikmalaya" not in alt.split(".")[1]


def test_unknown_size_and_format_are_option_errors(cli, tmp_path):
    result = cli("render", "agenda", "-d", EXAMPLES / "agenda.yaml", "-s", "instagram-fed", "-o", tmp_path)
    assert result.exit_code == 2
    assert "Ukuran 'instagram-fed' tidak tersedia" in result.stderr
    assert "Apakah maksud Anda 'instagram-feed'?" in result.stderr
    result = cli("render", "agenda", "-d", EXAMPLES / "agenda.yaml", "-f", "gif", "-o", tmp_path)
    assert result.exit_code == 2 and "Format 'gif' tidak dikenal" in result.stderr


def test_missing_font_and_unknown_colour_name_the_guideline_and_template_lines(cli, tmp_path):
    write(tmp_path / "kota.yaml", "extends: tasikmalaya\nvisual:\n  fonts:\n    judul: {file: fon/Hilang.ttf}\n")
    result = cli("render", "hari-besar", "-d", EXAMPLES / "hari-besar.yaml", "-g", tmp_path / "kota.yaml",
                 "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "kota.yaml:4:13: [visual.fonts.judul.file] Berkas fon 'fon/Hilang.ttf'" in result.stderr
    template = write(tmp_path / "t.yaml", (EXAMPLES.parents[1] / "templates" / "hari-besar.yaml")
                     .read_text(encoding="utf-8").replace("color: emas", "color: kuning-emas", 1))
    result = cli("render", template, "-d", EXAMPLES / "hari-besar.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "t.yaml:" in result.stderr and "Warna 'kuning-emas' tidak ada di pedoman" in result.stderr
    assert not (tmp_path / "out").exists()


def test_contrast_warning_names_both_colours(cli, tmp_path):
    template = write(tmp_path / "pucat.yaml", """\
name: Pucat
sizes: [instagram-square]
fields: {judul: {}}
alt: "{judul}"
layers:
  - {type: background, color: putih}
  - {type: text, field: judul, font: teks, size: [40, 30], color: emas, box: [0.1, 0.1, 0.8, 0.8]}
""")
    data = write(tmp_path / "d.yaml", "fields: {judul: Teks kuning di atas putih}\n")
    result = cli("render", template, "-d", data, "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert ("Kontras teks 'judul' di ukuran instagram-square: 'emas' (#F2B705) di atas 'putih' (#FFFFFF) hanya "
            "1.82:1, WCAG AA meminta minimal 4.5:1.") in result.stderr


def test_text_box_inside_the_story_safe_zone_is_a_template_error(cli, tmp_path):
    template = write(tmp_path / "bawah.yaml", """\
name: Bawah
sizes: [story]
fields: {judul: {}}
alt: "{judul}"
layers:
  - {type: background, color: putih}
  - {type: text, field: judul, font: teks, size: [40, 30], color: hitam-teks, box: [0.1, 0.87, 0.8, 0.1]}
""")
    data = write(tmp_path / "d.yaml", "fields: {judul: Halo}\n")
    result = cli("render", template, "-d", data, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "bawah.yaml:7:" in result.stderr and "seluruhnya di zona aman ukuran story" in result.stderr


def test_debug_draws_the_boxes_into_files_of_their_own(cli, tmp_path):
    args = ["render", "pengumuman", "-d", EXAMPLES / "pengumuman.yaml", "-s", "story,reels", "-o", tmp_path]
    assert cli(*args).exit_code == 0
    name = "pengumuman-layanan-ktp-el-buka-hari-sabtu-selama-desember-{}.png"
    posts = {size: (tmp_path / name.format(size)).read_bytes() for size in ("story", "reels")}
    result = cli(*args, "--debug")
    assert result.exit_code == 0 and "2 gambar ditulis" in result.stdout
    # Same --out: the graphics to be posted are untouched, the debug views sit beside them.
    assert {size: (tmp_path / name.format(size)).read_bytes() for size in posts} == posts
    assert sorted(p.name for p in tmp_path.glob("*.debug.png")) == [name.format("reels.debug"),
                                                                    name.format("story.debug")]
    for size, y in (("story", 1800), ("reels", 1500)):  # in the bottom zone: 14% of a story, 35% of a reel
        plain = Image.open(tmp_path / name.format(size)).convert("RGB")
        debug = Image.open(tmp_path / name.format(f"{size}.debug")).convert("RGB")
        assert debug.getpixel((540, y))[0] > plain.getpixel((540, y))[0]  # shaded red in the debug view only
    story = Image.open(tmp_path / name.format("story.debug")).convert("RGB")
    plain = Image.open(tmp_path / name.format("story")).convert("RGB")
    assert story.getpixel((540, 1500))[0] <= plain.getpixel((540, 1500))[0]  # not shaded: story text may reach 86%


def test_list_shows_templates_and_missing_arguments_are_explained(cli):
    listed = cli("render", "--list")
    assert listed.exit_code == 0
    for name in TEMPLATES:
        assert f"{name}: " in listed.stdout
    assert "keterangan?" in listed.stdout
    missing = cli("render", "agenda")
    assert missing.exit_code == 2 and "Sebutkan templat dan --data" in missing.stderr


def test_yaml_data_errors_are_located(cli, tmp_path):
    data = write(tmp_path / "d.yaml", "agency: dinkes\nfeilds:\n  judul: A\n")
    result = cli("render", "pengumuman", "-d", data, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "d.yaml:2:1: [feilds] kunci 'feilds' tidak dikenal di sini. Apakah maksud Anda 'fields'?" in result.stderr


def test_the_template_can_come_from_the_draft(cli, tmp_path):
    draft = write(tmp_path / "draf.md", "---\nagency: dinsos\ntemplate: hari-besar\nfields:\n  hari: Hari Ibu\n"
                  "  tanggal: 22 Desember 2026\n  ucapan: Terima kasih, Ibu.\n---\nSelamat Hari Ibu. #KotaTasikmalaya\n")
    result = cli("render", "--data", draft, "--size", "instagram-square", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["ucapan-hari-ibu-instagram-square.png"]


@pytest.mark.parametrize("fit,corner", [("cover", (255, 248, 231)), ("contain", (11, 79, 138))])
def test_background_image_cover_and_contain(cli, tmp_path, fit, corner):
    # A wide cream picture on a square canvas: cover fills it, contain leaves the brand blue above and below.
    Image.new("RGB", (400, 200), "#FFF8E7").save(tmp_path / "foto.png")
    template = write(tmp_path / "foto.yaml", f"""\
name: Foto
sizes: [instagram-square]
fields: {{judul: {{}}}}
alt: "{{judul}}"
layers:
  - {{type: background, color: biru-tasik, image: foto.png, fit: {fit}}}
  - {{type: text, field: judul, font: judul, size: [40, 30], color: hitam-teks, box: [0.1, 0.45, 0.8, 0.1]}}
""")
    data = write(tmp_path / "d.yaml", "fields: {judul: Foto kegiatan}\n")
    result = cli("render", template, "-d", data, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    image = Image.open(tmp_path / "out" / "foto-kegiatan-instagram-square.png").convert("RGB")
    assert image.getpixel((5, 5)) == corner


def test_alt_text_reads_lists_without_bullets(cli, tmp_path):
    result = cli("render", "layanan-info", "-d", EXAMPLES / "layanan-info.yaml", "-s", "x", "--alt", "-o", tmp_path)
    assert result.exit_code == 0
    alt = next(tmp_path.glob("*.alt.txt")).read_text(encoding="utf-8")
    assert "Persyaratan: Fotokopi akta kelahiran anak; Kartu keluarga asli orang tua; Pasfoto" in alt
    assert "•" not in alt and "  " not in alt


def test_yaml_list_renders_each_item_and_repeated_names_get_a_suffix(cli, tmp_path):
    data = write(tmp_path / "daftar.yaml", """\
- agency: dinkes
  fields: {hari: Hari Kesehatan Nasional, tanggal: 12 November 2026, ucapan: Sehat bersama.}
- agency: dinsos
  fields: {hari: Hari Kesehatan Nasional, tanggal: 12 November 2026, ucapan: Peduli sesama.}
- agency: disdik
  name: Guru Hebat
  fields: {hari: Hari Guru Nasional, tanggal: 25 November 2026, ucapan: "Terima kasih, Guru."}
""")
    result = cli("render", "hari-besar", "-d", data, "-s", "x", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "guru-hebat-x.png", "ucapan-hari-kesehatan-nasional-2-x.png", "ucapan-hari-kesehatan-nasional-x.png"]
    first = (tmp_path / "out" / "ucapan-hari-kesehatan-nasional-x.png").read_bytes()
    second = (tmp_path / "out" / "ucapan-hari-kesehatan-nasional-2-x.png").read_bytes()
    assert first != second  # different agency name, handles and wish


def test_a_city_guideline_adds_its_own_logo(cli, tmp_path):
    Image.new("RGBA", (200, 100), (255, 0, 0, 255)).save(tmp_path / "lambang-merah.png")
    write(tmp_path / "kota.yaml", "extends: tasikmalaya\nvisual:\n  logos:\n    merah: lambang-merah.png\n")
    layers = """\
name: Logo
sizes: [instagram-square]
fields: {judul: {}}
alt: "{judul}"
layers:
  - {type: background, color: putih}
  - {type: logo, logo: LOGO, box: [0.25, 0.25, 0.5, 0.5]}
"""
    data = write(tmp_path / "d.yaml", "fields: {judul: Logo kota}\n")
    wrong = write(tmp_path / "salah.yaml", layers.replace("LOGO", "merha"))
    result = cli("render", wrong, "-d", data, "-g", tmp_path / "kota.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "Logo 'merha' tidak ada di pedoman" in result.stderr
    assert "Apakah maksud Anda 'merah'?" in result.stderr
    right = write(tmp_path / "benar.yaml", layers.replace("LOGO", "merah"))
    result = cli("render", right, "-d", data, "-g", tmp_path / "kota.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    image = Image.open(tmp_path / "out" / "logo-kota-instagram-square.png").convert("RGB")
    assert image.getpixel((540, 540)) == (255, 0, 0)      # the logo, contained in its box
    assert image.getpixel((540, 300)) == (255, 255, 255)  # 2:1 logo leaves the box's top free


def test_misspelt_safe_zone_size_is_a_guideline_error(cli, tmp_path):
    write(tmp_path / "kota.yaml", "extends: tasikmalaya\nvisual:\n  safe_zones:\n"
          "    stroy: {top: 0.14, bottom: 0.35, sides: 0.06}\n")
    result = cli("render", "agenda", "-d", EXAMPLES / "agenda.yaml", "-g", tmp_path / "kota.yaml", "-o", tmp_path)
    assert result.exit_code == 2
    assert "kota.yaml:4:5: [visual.safe_zones.stroy] Zona aman untuk ukuran 'stroy'" in result.stderr
    assert "Apakah maksud Anda 'story'?" in result.stderr


AGENDA = """\
agency: dlh
fields:
  judul: Kerja Bakti Serentak
  tanggal: {tanggal}
  waktu: {waktu}
  tempat: Taman Kota Tasikmalaya
"""


def test_render_lints_the_text_it_prints_before_drawing(cli, tmp_path):
    # 10 December 2026 is a Thursday; "jam 9 pagi" is written as "pukul 09.00 WIB".
    bad = write(tmp_path / "salah.yaml", AGENDA.format(tanggal="Selasa, 10 Desember 2026", waktu="jam 9 pagi"))
    result = cli("render", "agenda", "--data", bad, "--size", "story", "--out", tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert ("galat: " + str(bad) + ":4:3: [tanggal] 10 Desember 2026 jatuh pada hari Kamis, bukan Selasa."
            in result.stderr)
    assert "(grammar.weekday)" in result.stderr
    assert f"peringatan: {bad}:5:3: [waktu] Penulisan jam: tulis 'pukul'" in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())  # the item is not drawn
    # A warning alone is printed and the graphic is still drawn.
    warned = write(tmp_path / "jam.yaml", AGENDA.format(tanggal="Kamis, 10 Desember 2026", waktu="jam 9 pagi"))
    result = cli("render", "agenda", "--data", warned, "--size", "story", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "peringatan: " in result.stderr and "(grammar.time)" in result.stderr and "galat" not in result.stderr
    assert len(list((tmp_path / "out").glob("*.png"))) == 1


def test_one_item_with_lint_errors_does_not_stop_the_batch(cli, tmp_path):
    data = write(tmp_path / "agenda.csv", "judul,tanggal,waktu,tempat\n"
                 "Kerja bakti,\"Kamis, 10 Desember 2026\",07.00 WIB,Taman Kota\n"
                 "Senam pagi,\"Selasa, 10 Desember 2026\",06.00 WIB,Dadaha\n")
    result = cli("render", "agenda", "--data", data, "--size", "x", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "agenda.csv:3: [tanggal]" in result.stderr and "1 dari 2 butir gagal" in result.stdout
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["agenda-kerja-bakti-x.png"]


def test_a_caption_only_draft_fills_the_hari_besar_template(cli, tmp_path):
    """`draft:` sources: the day from the holiday or commemoration on `publish`, the date from
    `publish`, the wish from the caption's first paragraph (hashtags left out)."""
    draft = write(tmp_path / "hari-ibu.md", """\
---
agency: dinsos
publish: 2026-12-22T09:00
template: hari-besar
---
Terima kasih kepada seluruh ibu di Kota Tasikmalaya.

#KotaTasikmalaya #HariIbu
""")
    result = cli("render", "--data", draft, "--size", "story", "--out", tmp_path / "out", "--alt")
    assert result.exit_code == 0, result.output
    alt = (tmp_path / "out" / "ucapan-hari-ibu-story.alt.txt").read_text(encoding="utf-8")
    assert alt == ("Ucapan Selamat memperingati Hari Ibu, 22 Desember 2026, dari Dinas Sosial Kota Tasikmalaya: "
                   "Terima kasih kepada seluruh ibu di Kota Tasikmalaya.\n")
    # A national holiday names the day too; `fields:` still wins over the draft.
    christmas = draft.read_text(encoding="utf-8").replace("2026-12-22", "2026-12-25").replace(
        "template: hari-besar\n", "template: hari-besar\nfields: {ucapan: Selamat merayakan.}\n")
    draft.write_text(christmas, encoding="utf-8")
    assert cli("render", "--data", draft, "--size", "story", "--out", tmp_path / "natal", "--alt").exit_code == 0
    [alt] = (tmp_path / "natal").glob("*.alt.txt")
    assert alt.name.startswith("ucapan-hari-raya-natal") and "25 Desember 2026" in alt.read_text(encoding="utf-8")
    assert alt.read_text(encoding="utf-8").rstrip().endswith(": Selamat merayakan.")


def test_a_draft_without_template_fields_is_told_which_fields_to_add(cli, tmp_path):
    draft = write(tmp_path / "hari-ibu.md", """\
---
agency: dinsos
template: hari-besar
---
Selamat Hari Ibu. Terima kasih kepada seluruh ibu di Kota Tasikmalaya.
""")
    result = cli("render", "--data", draft, "--out", tmp_path / "out")
    assert result.exit_code == 2
    # Without `publish` there is no day or date to take; the wish comes from the caption.
    assert f"{draft}:1: [fields] Draf ini belum mengisi isian templat 'hari-besar': hari, tanggal." \
        in result.stderr
    assert "  fields:\n    hari: Hari Ibu\n    tanggal: 22 Desember 2026\n" in result.stderr
    # The example, added as shown, renders.
    fixed = draft.read_text(encoding="utf-8").replace(
        "template: hari-besar\n", "template: hari-besar\nfields:\n  hari: Hari Ibu\n  tanggal: 22 Desember 2026\n")
    draft.write_text(fixed, encoding="utf-8")
    result = cli("render", "--data", draft, "--size", "story", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "ucapan-hari-ibu-story.png").is_file()
