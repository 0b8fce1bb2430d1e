"""`humaskit aduan laporan`: figures against a hand-computed month, the public report without
personal data, escaped and self-contained HTML, deterministic output."""

from __future__ import annotations

import csv
import io
import re

import pytest
from aduan_support import content, run

COLUMNS = "nomor,kanal,akun,nama,kontak,teks,kategori,diterima,diverifikasi,ditindaklanjuti,selesai,ditolak,alasan\n"
# A hand-computed November (first answer within 24 h; sampah 7 days, jalan-rusak 21 days).
# The latest time in the database is G's close, 2026-11-30 10:00: what open tickets are judged by.
MONTH = COLUMNS + """\
A,instagram,@a,,,Sampah menumpuk,sampah,2026-11-02 08:00,2026-11-02 10:00,2026-11-03 08:00,2026-11-05 08:00,,
B,facebook,@b,,,Sampah belum diangkut,sampah,2026-11-03 09:00,2026-11-04 15:00,2026-11-05 09:00,2026-11-13 09:00,,
C,x,@c,,,TPS penuh,sampah,2026-11-10 12:00,2026-11-10 16:00,,,,
D,instagram,@d,,,Jalan berlubang,jalan-rusak,2026-11-05 07:00,2026-11-05 08:00,2026-11-06 07:00,2026-11-07 07:00,,
E,instagram,@e,,,Jalan retak,jalan-rusak,2026-11-06 10:00,,,,2026-11-06 16:00,di luar kota
F,whatsapp,@f,,,Aspal mengelupas,jalan-rusak,2026-11-20 10:00,,,,,
G,instagram,@g,,,Sampah Oktober,sampah,2026-10-30 10:00,2026-10-30 11:00,2026-11-01 10:00,2026-11-30 10:00,,
"""
EXPECTED = [
    # agency, category, received, closed, answer median/p90 (h), resolution median/p90 (days), late answer/resolution
    ["DLH", "Sampah", "3", "2", "4.0", "30.0", "6.5", "10.0", "1", "2"],
    ["DLH", "Jumlah", "3", "2", "4.0", "30.0", "6.5", "10.0", "1", "2"],
    ["DPUPR", "Jalan rusak", "3", "2", "3.5", "6.0", "2.0", "2.0", "1", "0"],
    ["DPUPR", "Jumlah", "3", "2", "3.5", "6.0", "2.0", "2.0", "1", "0"],
    ["Jumlah", "Jumlah", "6", "4", "4.0", "30.0", "3.0", "10.0", "2", "2"],
]


def _db(tmp_path, text: str = MONTH):
    db, source = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    source.write_text(text, encoding="utf-8")
    result = run("impor", source, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def _csv(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_figures_match_the_hand_computed_month(tmp_path):
    db = _db(tmp_path)
    before = content(db)
    result = run("laporan", "--month", "2026-11", "--db", db, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    rows = _csv(tmp_path / "out" / "aduan-2026-11.csv")
    assert rows[1:6] == EXPECTED
    assert [r[0] for r in rows[8:]] == ["A", "B", "D", "E", "C", "F"]  # tickets by time received; G is October
    assert rows[11][3:] == ["Ditolak", "2026-11-06 10:00", "2026-11-06 16:00", "2026-11-06 16:00"]
    assert "angka per 2026-11-30 10:00" in result.stdout
    assert re.search(r"Jumlah\s+Jumlah\s+6\s+4\s+4,0\s+30,0\s+3,0\s+10,0\s+2\s+2", result.stdout)
    assert content(db) == before  # a report writes nothing to the database


def test_the_public_report_holds_no_personal_data(tmp_path):
    people = [("Asep Saepudin", "0812-2233-4455", "3278010203040005", "Jl. Mitra Batik No. 12", "@asep.tsm"),
              ("Neng Lilis", "+62 857 1111 2222", "3278024405060007", "Perum Bumi Resik Blok C-3", "@lilis_n"),
              ("Dadan Hermawan", "081399887766", "3278030708090001", "Kampung Cikalang RT 02/RW 05", "@dadanh")]
    lines = [COLUMNS.replace("nomor,", "tautan,")]
    for i, (name, phone, nik, address, handle) in enumerate(people):
        lines.append(f"https://www.instagram.com/p/Priv{i}/,instagram,{handle},{name},{phone},"
                     f'"Saya {name}, NIK {nik}, rumah di {address}, hubungi {phone}",sampah,2026-11-0{i + 2} 08:00,'
                     f"2026-11-0{i + 2} 09:00,,,,\n")
    db = _db(tmp_path, "".join(lines))
    out = tmp_path / "out"
    result = run("laporan", "--month", "2026-11", "--publik", "--db", db, "--out", out)
    assert result.returncode == 0, result.stderr
    html = (out / "aduan-publik-2026-11.html").read_text(encoding="utf-8")
    table = (out / "aduan-publik-2026-11.csv").read_text(encoding="utf-8")
    assert "TSM-202611-0003" in html and "TSM-202611-0003" in table and "Diverifikasi" in table
    for name, phone, nik, address, handle in people:
        for private in (name, name.split()[0], phone, phone.replace("-", ""), nik, address, handle, "Priv"):
            for where, text in (("html", html), ("csv", table), ("terminal", result.stdout)):
                assert private not in text, (private, where)
    assert not re.search(r"@\w", html.split("</style>")[1] + table)  # no handle of any shape
    # the internal report shows only what the guideline allows (Tasikmalaya: nothing personal)
    internal = run("laporan", "--month", "2026-11", "--db", db, "--out", out)
    assert internal.returncode == 0
    for name, phone, nik, address, handle in people:
        assert name not in (out / "aduan-2026-11.html").read_text(encoding="utf-8")
        assert handle not in (out / "aduan-2026-11.csv").read_text(encoding="utf-8")


def test_the_internal_report_shows_the_personal_data_the_guideline_allows(tmp_path):
    db = _db(tmp_path)
    pedoman = tmp_path / "kota.yaml"
    pedoman.write_text("extends: tasikmalaya\naduan:\n  report_personal_data: [akun]\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("laporan", "--month", "2026-11", "--db", db, "--out", out, "--guideline", pedoman).returncode == 0
    rows = _csv(out / "aduan-2026-11.csv")
    assert rows[7][-1] == "akun" and rows[8][0] == "A" and rows[8][-1] == "'@a"  # defused as a formula start
    public = run("laporan", "--month", "2026-11", "--publik", "--db", db, "--out", out, "--guideline", pedoman)
    assert public.returncode == 0 and "@a" not in (out / "aduan-publik-2026-11.csv").read_text(encoding="utf-8")


def test_html_is_self_contained_escaped_and_the_same_every_time(tmp_path):
    db = _db(tmp_path, MONTH.replace("@a", "@a<script>x</script><b>"))
    pedoman = tmp_path / "kota.yaml"
    pedoman.write_text('extends: tasikmalaya\naduan:\n  report_personal_data: [akun]\n  categories:\n'
                       '    sampah: {label: "Sampah <i>&</i>", agency: dlh, resolution_days: 7}\n', encoding="utf-8")
    out = tmp_path / "out"
    runs = []
    for _ in range(2):
        assert run("laporan", "--month", "2026-11", "--db", db, "--out", out, "--guideline", pedoman).returncode == 0
        runs.append((out / "aduan-2026-11.html").read_bytes() + (out / "aduan-2026-11.csv").read_bytes())
    assert runs[0] == runs[1]
    html = (out / "aduan-2026-11.html").read_text(encoding="utf-8")
    assert "@a&lt;script&gt;x&lt;/script&gt;&lt;b&gt;" in html and "Sampah &lt;i&gt;&amp;&lt;/i&gt;" in html
    assert "<script" not in html and "<b>" not in html and "<i>" not in html
    assert html.count("<svg") == 2  # one chart per agency: DLH and DPUPR
    assert not re.search(r"\b(?:src|href)=|@import|url\(", html)  # nothing fetched from anywhere


@pytest.mark.parametrize("month", ["2026-13", "26-11", "2026-1", "1999-12", "bulan"])
def test_a_bad_month_is_exit_2_and_writes_nothing(tmp_path, month):
    db = _db(tmp_path)
    result = run("laporan", "--month", month, "--db", db, "--out", tmp_path / "out")
    assert result.returncode == 2 and "tidak valid" in result.stderr and not (tmp_path / "out").exists()


def test_an_empty_month_says_so(tmp_path):
    db = _db(tmp_path)
    result = run("laporan", "--month", "2025-01", "--db", db, "--out", tmp_path / "out")
    assert result.returncode == 0 and "Tidak ada pengaduan yang diterima pada 2025-01" in result.stdout
    assert _csv(tmp_path / "out" / "aduan-2025-01.csv")[0][0] == "perangkat_daerah"
