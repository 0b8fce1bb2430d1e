"""The hostile YAML corpus (corpus/*.yaml) through every command that reads YAML: as a
guideline, as a draft's front matter, as a calendar plan. Each file is refused in bounded
time with exit 2, an Indonesian message naming the file and line, no traceback, and no
byte changed or written anywhere."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = {  # file → what the message must say
    "alias-bomb.yaml": "terlalu besar setelah alias",
    "merge-bomb.yaml": "terlalu besar setelah alias",
    "deep-flow-nesting.yaml": "bersarang terlalu dalam",
    "deep-block-nesting.yaml": "bersarang terlalu dalam",
    "nested-duplicate.yaml": "Kunci 'z' ditulis dua kali",
    "python-tag.yaml": "Tag YAML '!!python/object/apply:os.system' tidak diizinkan",
    "custom-tag.yaml": "Tag YAML '!include' tidak diizinkan",
    "nul-character.yaml": "karakter yang tidak boleh ada di YAML (kode U+0000)",
    "escape-character.yaml": "karakter yang tidak boleh ada di YAML (kode U+001B)",
    "bad-bool-tag.yaml": "nilai 'mungkin' tidak dapat dibaca",
    "impossible-date-key.yaml": "tanggal '2026-02-30' tidak ada di kalender",
    "duplicate-anchor.yaml": "nama jangkar (&nama) dipakai dua kali",
    "two-documents.yaml": "lebih dari satu dokumen YAML",
    "unclosed-quote.yaml": "tanda kutip belum ditutup",
    "tab-indent.yaml": "tab untuk indentasi",
    "collection-key.yaml": "Kunci YAML harus berupa teks",
}
ENGLISH = re.compile(r"Traceback|\b(?:found|expected|could not|while scanning|exceeded|unacceptable)\b")


def test_the_corpus_and_its_expectations_agree():
    assert sorted(p.name for p in CORPUS.glob("*.yaml")) == sorted(EXPECTED)


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _humaskit(*args, cwd):
    return subprocess.run([sys.executable, "-m", "humaskit", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def _as_draft(text: str, folder: Path) -> tuple[list[str], str]:
    path = folder / "draf.md"
    path.write_text("---\n" + text + "---\nHalo warga. #KotaTasikmalaya\n", encoding="utf-8", newline="")
    return ["lint", "--fix", "draf.md"], "draf.md"


def _as_guideline(text: str, folder: Path) -> tuple[list[str], str]:
    (folder / "pedoman.yaml").write_text(text, encoding="utf-8", newline="")
    return ["guideline", "check", "pedoman.yaml"], "pedoman.yaml"


def _as_plan(text: str, folder: Path) -> tuple[list[str], str]:
    (folder / "rencana").mkdir()
    (folder / "rencana" / "dinkes.yaml").write_text(text, encoding="utf-8", newline="")
    return ["calendar", "build", "--month", "2026-12", "--plans", "rencana", "--out", "kalender"], "dinkes.yaml"


CASES = [pytest.param(name, use, id=f"{name}-{use.__name__[4:]}") for name in sorted(EXPECTED)
         for use in (_as_draft, _as_guideline, _as_plan)
         # in a draft the second '---' closes the front matter: what follows is caption
         if not (use is _as_draft and name == "two-documents.yaml")]


@pytest.mark.parametrize("name, use", CASES)
def test_every_hostile_file_is_refused_by_every_reader(tmp_path, name, use):
    text = (CORPUS / name).read_text(encoding="utf-8")
    args, shown = use(text, tmp_path)
    before = _digest(tmp_path)
    started = time.monotonic()
    done = _humaskit(*args, cwd=tmp_path)
    assert time.monotonic() - started < 60, "no hang"
    out = done.stdout + done.stderr
    assert done.returncode == 2, out
    assert EXPECTED[name] in out, out
    located = re.search(re.escape(shown) + r":(\d+)", out)
    assert located, f"no file:line in {out!r}"
    assert not ENGLISH.search(out), out
    assert _digest(tmp_path) == before, "a file was changed or written"


def test_a_valid_merge_key_with_an_override_is_accepted_everywhere(tmp_path):
    """`<<: *base` with an override is plain YAML 1.1, not a duplicate key."""
    (tmp_path / "draf.md").write_text(
        "---\nagency: dinkes\nplatforms: [instagram]\nfields:\n  <<: &dasar {judul: Lama, isi: Isi layanan}\n"
        "  judul: Baru\n---\nDinas Kesehatan membuka layanan imunisasi. #KotaTasikmalaya\n", encoding="utf-8")
    from humaskit.draft import load_draft

    assert load_draft(tmp_path / "draf.md").fields == {"judul": "Baru", "isi": "Isi layanan"}
    (tmp_path / "pedoman.yaml").write_text(
        "extends: tasikmalaya\nname: &nama Pedoman Uji\ntone:\n  <<: {register: formal}\n  register: friendly\n",
        encoding="utf-8")
    done = _humaskit("guideline", "check", "pedoman.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
