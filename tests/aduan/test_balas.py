"""`humaskit aduan balas`: replies drafted from the guideline's templates, linted as replies,
never carrying the citizen's personal data."""

from __future__ import annotations

import json

import pytest
from aduan_support import content, run

from humaskit.guideline import load_guideline

NAME, PHONE, NIK, ADDRESS, HANDLE = "Euis Komalasari", "0813-2200-4517", "3278015507900003", \
    "Jl. Cempaka Warna No. 17", "@euis.komala"
LINK = "https://www.instagram.com/p/CxTest123/"
CSV = ("nomor,kanal,tautan,akun,nama,kontak,teks,kategori,diterima\n"
       f'TSM-202611-0007,instagram,{LINK},{HANDLE},{NAME},{PHONE},"Sampah di depan rumah saya, {ADDRESS}, '
       f'NIK {NIK}, belum diangkut",sampah,2026-11-02 08:00\n')
STAGES = [("diterima", None), ("diverifikasi", "2026-11-02T13:30"), ("diteruskan", "2026-11-02T16:00"),
          ("ditindaklanjuti", "2026-11-03T19:00"), ("selesai", "2026-11-05T08:00")]


@pytest.fixture
def db(tmp_path):
    path, source = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    source.write_text(CSV, encoding="utf-8")
    assert run("impor", source, "--db", path).returncode == 0
    return path


def test_each_stage_gets_its_reply_with_ticket_agency_commitment_and_channel(db):
    expected = {  # received Monday 2 November 08:00; sampah: 7 days; first answer: 24 hours
        "diterima": ("Selamat pagi", "paling lambat Selasa, 3 November 2026 pukul 08.00 WIB"),
        "diverifikasi": ("Selamat siang", "paling lambat Senin, 9 November 2026"),
        "diteruskan": ("Selamat sore", "paling lambat Senin, 9 November 2026"),
        "ditindaklanjuti": ("Selamat malam", "paling lambat Senin, 9 November 2026"),
        "selesai": ("Selamat pagi", "dalam waktu 24 jam"),
    }
    for stage, at in STAGES:
        if at:
            assert run("tahap", "TSM-202611-0007", stage, "--db", db, "--waktu", at).returncode == 0
        before = content(db)
        first, again = run("balas", "TSM-202611-0007", "--db", db), run("balas", "TSM-202611-0007", "--db", db)
        assert first.returncode == 0, first.stderr
        assert first.stdout == again.stdout  # same database, same draft
        assert first.stdout.startswith("---\nagency: dlh\nplatforms: [instagram]\nkind: reply\n---\n")
        greeting, commitment = expected[stage]
        reply = first.stdout.split("---\n")[-1]
        assert reply.startswith(greeting) and commitment in reply
        assert "nomor tiket TSM-202611-0007" in reply and "Dinas Lingkungan Hidup Kota Tasikmalaya" in reply
        if stage in ("diterima", "selesai"):
            assert "Komentar Instagram" in reply  # the complaint channel's label
        for private in (NAME, "Euis", PHONE, NIK, ADDRESS, "Cempaka", HANDLE, LINK):
            assert private not in first.stdout
        assert content(db) == before  # drafting writes nothing


def test_a_rejection_reply_gives_the_reason_and_a_personal_reason_is_refused(tmp_path, db):
    assert run("tahap", "TSM-202611-0007", "ditolak", "--db", db, "--waktu", "2026-11-02T10:00", "--catatan",
               "lokasinya berada di wilayah Kabupaten Tasikmalaya").returncode == 0
    result = run("balas", "TSM-202611-0007", "--db", db)
    assert result.returncode == 0 and "karena lokasinya berada di wilayah Kabupaten Tasikmalaya" in result.stdout
    for reason, what in ((f"Ibu {NAME} tidak dapat dihubungi", "nama warga"), ("nomor 0812 3456 7890 tidak aktif",
                         "nomor telepon"), ("NIK 3278 0155 0790 0003 tidak terdaftar", "NIK"),
                         (f"akun {HANDLE} sudah dihapus", "akun warga"), ("surel ke euis@contoh.id gagal", "surel")):
        other = tmp_path / f"{what.replace(' ', '-')}.sqlite"
        assert run("impor", tmp_path / "aduan.csv", "--db", other).returncode == 0
        assert run("tahap", "TSM-202611-0007", "ditolak", "--db", other, "--waktu", "2026-11-02T10:00",
                   "--catatan", reason).returncode == 0
        refused = run("balas", "TSM-202611-0007", "--db", other)
        assert refused.returncode == 2 and "data pribadi" in refused.stderr and what in refused.stderr
        assert refused.stdout == "" and "Traceback" not in refused.stderr


def _guideline(tmp_path, reply: str | None):
    """A city pedoman whose first stage answers with ``reply`` (None: it has no reply template)."""
    base = load_guideline()
    lines = ["extends: tasikmalaya", "aduan:", "  stages:"]
    for stage in base["aduan"]["stages"]:
        text = reply if stage["key"] == "diterima" else stage["reply"]
        lines += [f"    - key: {stage['key']}", f"      label: {stage['label']}",
                  f"      required: {str(stage['required']).lower()}",
                  f"      rejection: {str(stage['rejection']).lower()}"]
        lines += [f"      reply: {json.dumps(text)}"] if text is not None else []
    path = tmp_path / "kota.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_template_that_breaks_the_pedoman_is_caught(tmp_path, db):
    pedoman = _guideline(tmp_path, "Itu bukan urusan kami, silahkan lapor ke dinas lain. Tiket {{ tiket }}.")
    result = run("balas", "TSM-202611-0007", "--db", db, "--guideline", pedoman)
    assert result.returncode == 1
    assert "reply.defensive" in result.stderr and "reply.greeting" in result.stderr
    assert "melanggar pedoman" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("template, words", [
    ("Selamat pagi {{ tiket ", "Templat jawaban tidak valid"),
    ("Selamat pagi {{ nama }}", "nilai yang tidak ada"),
    ("Selamat pagi {{ akun }}", "nilai yang tidak ada"),
    ("{{ tiket.__class__.__mro__[1].__subclasses__() }}", "diblokir"),
    ("{% for i in range(90000) %}Selamat pagi. {% endfor %}", "lebih dari 5000 karakter"),
    ("{{ 1 // 0 }}", "gagal diisi"),
    ("", "tidak boleh kosong"),
    (None, "belum punya templat jawaban"),
])
def test_a_broken_template_is_a_clear_error_naming_the_guideline(tmp_path, db, template, words):
    pedoman = _guideline(tmp_path, template)
    before = content(db)
    result = run("balas", "TSM-202611-0007", "--db", db, "--guideline", pedoman)
    assert result.returncode == 2 and words in result.stderr, result.stderr
    assert "kota.yaml" in result.stderr and "Traceback" not in result.stderr and result.stdout == ""
    assert content(db) == before


def test_an_unknown_ticket_is_exit_2(db):
    result = run("balas", "TSM-209901-0001", "--db", db)
    assert result.returncode == 2 and "tidak ada di basis data" in result.stderr


def test_a_stage_the_edited_guideline_no_longer_has_is_named(tmp_path, db):
    assert run("tahap", "TSM-202611-0007", "diverifikasi", "--db", db, "--waktu", "2026-11-02T10:00").returncode == 0
    assert run("tahap", "TSM-202611-0007", "diteruskan", "--db", db, "--waktu", "2026-11-02T11:00").returncode == 0
    pedoman = tmp_path / "kota.yaml"
    pedoman.write_text("extends: tasikmalaya\naduan:\n  stages:\n"
                       + "".join(f"    - {{key: {k}, label: {k.title()}, reply: 'Tiket {{{{ tiket }}}}'}}\n"
                                 for k in ("diterima", "diverifikasi", "selesai")), encoding="utf-8")
    for args in (("balas", "TSM-202611-0007"), ("tahap", "TSM-202611-0007", "selesai", "--waktu", "2026-11-03T10:00")):
        result = run(*args, "--db", db, "--guideline", pedoman)
        assert result.returncode == 2 and "Tahap 'diteruskan' tiket TSM-202611-0007 tidak ada lagi" in result.stderr
        assert "Traceback" not in result.stderr
