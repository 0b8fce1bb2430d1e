"""One reader for every user file: clear errors, and limits that fit the kind of file."""

from __future__ import annotations

import pytest

from humaskit.errors import HumaskitError
from humaskit.fsutil import read_user_text
from humaskit.guideline import load_guideline
from humaskit.draft import read_text


def test_a_large_data_file_is_read_but_a_large_draft_is_refused(tmp_path):
    big = tmp_path / "baris.csv"
    big.write_text("judul,isi\n" + "Pengumuman,Isi pengumuman layanan\n" * 60_000, encoding="utf-8")  # ~2 MB
    assert read_user_text(big, what="Berkas CSV").startswith("judul,isi")
    with pytest.raises(HumaskitError) as info:
        read_text(big)
    assert "Takarir" in str(info.value)


def test_guideline_with_a_byte_order_mark_and_a_bad_byte(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffextends: tasikmalaya\nname: Pedoman BOM\n".encode("utf-8"))
    assert load_guideline(path)["name"] == "Pedoman BOM"
    path.write_bytes(b"name: Caf\xe9\n")
    with pytest.raises(HumaskitError) as info:
        load_guideline(path)
    assert "Berkas pedoman bukan teks UTF-8" in str(info.value) and info.value.problems[0].line == 1
