"""The `visual` lint rules on real image files (the wrong/right examples run in the meta-test)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PIL import Image, ImageDraw

from humaskit.lint.engine import Linter
from humaskit.lint.rules import visual

from render_support import REPO, write

HEAD = "---\nagency: dinkes\nplatforms: [{platforms}]\nimage: {image}\nalt: Poster biru jadwal posyandu Desember\n---\n"
CAPTION = "Jadwal posyandu Desember. #KotaTasikmalaya #DinkesTasikmalaya\n"


@pytest.fixture(scope="module")
def linter(guideline):
    """Only the visual rules: these tests are about images, not captions."""
    return Linter(guideline, select=("visual",))


def poster(path, size=(1080, 1350), fmt=None):
    image = Image.new("RGB", size, "#0B4F8A")
    ImageDraw.Draw(image).rectangle([0, size[1] // 2, size[0], size[1]], fill="#FFF8E7")
    image.save(path, fmt)
    return path


def visual_findings(linter, tmp_path, image, platforms="instagram"):
    draft = write(tmp_path / "draf.md", HEAD.format(platforms=platforms, image=image) + CAPTION)
    result = linter.lint_text(draft.read_text(encoding="utf-8"), str(draft))
    return [f for f in result.findings if f.category == "visual"], result.notes


def test_on_brand_poster_is_clean_and_its_palette_share_is_noted(linter, tmp_path):
    path = poster(tmp_path / "poster.png")
    found, notes = visual_findings(linter, tmp_path, "poster.png")
    assert found == []
    kb = round(path.stat().st_size / 1000)
    assert f"Gambar poster.png: 1080×1350 PNG, {kb} KB, 100% piksel dekat palet resmi." in notes


def test_jpeg_is_accepted_and_recognised_by_content_not_name(linter, tmp_path):
    poster(tmp_path / "poster.jpg", fmt="JPEG")
    found, _ = visual_findings(linter, tmp_path, "poster.jpg")
    assert found == []
    poster(tmp_path / "menyamar.png", fmt="BMP")
    found, _ = visual_findings(linter, tmp_path, "menyamar.png")
    assert [(f.rule, f.severity) for f in found] == [("visual.image-file", "error")]
    assert "Format gambar menyamar.png adalah BMP; pedoman hanya menerima PNG, JPEG." == found[0].message


def test_file_size_limit_is_the_tightest_of_guideline_and_platforms(linter, tmp_path):
    path = poster(tmp_path / "besar.png")
    with open(path, "ab") as handle:  # bytes after IEND: a valid PNG, just a heavy file
        handle.write(b"\0" * 5_500_000)
    found, _ = visual_findings(linter, tmp_path, "besar.png", platforms="instagram")
    assert found == []  # 5.5 MB is under Instagram's and the guideline's 8 MB
    found, _ = visual_findings(linter, tmp_path, "besar.png", platforms="instagram, x")
    assert [f.rule for f in found if f.rule == "visual.image-file"] == ["visual.image-file"]
    message = next(f.message for f in found if f.rule == "visual.image-file")
    assert message == "Berkas besar.png berukuran 5.5 MB, melebihi batas 5 MB (X); kompres atau perkecil gambarnya."


def test_low_resolution_at_the_right_ratio(linter, tmp_path):
    poster(tmp_path / "kecil.png", size=(540, 675))
    found, _ = visual_findings(linter, tmp_path, "kecil.png")
    assert [f.message for f in found] == [
        "Resolusi gambar kecil.png (540×675) terlalu kecil untuk Instagram; buat ulang dengan 1080×1350."]
    assert found[0].line == 4 and found[0].column == 1


def test_each_platform_is_checked_on_its_own(linter, tmp_path):
    poster(tmp_path / "x.png", size=(1200, 675))
    found, _ = visual_findings(linter, tmp_path, "x.png", platforms="x, instagram")
    assert len(found) == 1 and "tidak sesuai Instagram" in found[0].message and "rasio 16:9" in found[0].message


def test_a_folder_named_as_image_is_unreadable_and_says_so(linter, tmp_path):
    (tmp_path / "folder.png").mkdir()
    found, _ = visual_findings(linter, tmp_path, "folder.png")
    assert [f.rule for f in found] == ["visual.image-unreadable"]
    assert "adalah folder" in found[0].message


def test_bomb_and_corrupt_files_are_findings_not_crashes(linter, tmp_path):
    examples = REPO / "tests" / "rule_examples" / "visual"
    for name in ("bom.png", "rusak.png"):
        (tmp_path / name).write_bytes((examples / name).read_bytes())
        found, _ = visual_findings(linter, tmp_path, name)
        assert [(f.rule, f.severity) for f in found] == [("visual.image-unreadable", "error")]
    (tmp_path / "teks.png").write_text("bukan gambar", encoding="utf-8")
    found, _ = visual_findings(linter, tmp_path, "teks.png")
    assert "bukan gambar yang dikenali" in found[0].message


def test_an_image_is_read_once_until_it_changes(linter, tmp_path):
    path = poster(tmp_path / "poster.png")
    visual_findings(linter, tmp_path, "poster.png")
    first = visual._probe(path)
    assert visual._probe(path) is first
    poster(path, size=(1080, 1080))
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again = visual._probe(path)
    assert again is not first and (again.width, again.height) == (1080, 1080)


def test_pillow_is_not_imported_for_a_draft_without_image(tmp_path):
    draft = write(tmp_path / "draf.md", "---\nagency: dinkes\n---\n" + CAPTION)
    code = ("import sys; from humaskit.guideline import load_guideline; from humaskit.lint import lint_paths; "
            f"lint_paths([{str(draft)!r}], load_guideline()); print('PIL' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False"
