"""The wheel carries the shipped guidelines, templates and data, and works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from support import REPO


def test_wheel_works_outside_the_checkout(tmp_path):
    built = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(built), str(REPO)], check=True)
    [wheel] = built.glob("humaskit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "humaskit/_shipped/guidelines/tasikmalaya.yaml" in names
    assert "humaskit/_shipped/guidelines/nasional.yaml" in names
    assert any(n.startswith("humaskit/_shipped/templates/") for n in names)
    assert "humaskit/data/kata_baku.tsv" in names
    assert "humaskit/handbook/templates/pedoman.html.j2" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    draft = elsewhere / "a.md"
    draft.write_text("---\nagency: dinkes\nplatforms: [facebook]\n---\nDinkes menghimbau kamu.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(site), HUMASKIT_NO_CACHE="1")
    check = subprocess.run([sys.executable, "-m", "humaskit", "guideline", "check"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert str(site) in check.stdout, "the shipped guideline must come from the installed package"
    lint = subprocess.run([sys.executable, "-m", "humaskit", "lint", "a.md", "--format", "json"], cwd=elsewhere,
                          env=env, capture_output=True, text=True)
    assert lint.returncode == 1 and "terminology.kata-baku" in lint.stdout
    book = subprocess.run([sys.executable, "-m", "humaskit", "guideline", "render", "--out", "buku"], cwd=elsewhere,
                          env=env, capture_output=True, text=True)
    assert book.returncode == 0, book.stderr
    assert "Pemerintah Kota Tasikmalaya" in (elsewhere / "buku" / "pedoman.html").read_text(encoding="utf-8")
