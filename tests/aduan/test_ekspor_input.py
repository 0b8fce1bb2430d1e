"""`humaskit aduan ekspor`, the database named in humaskit.yaml, and bad input refused with the
database untouched: malformed CSV rows, corrupt database files."""

from __future__ import annotations

import sqlite3

import pytest
from aduan_support import HEADER, catat, content, digest, run

from humaskit.aduan.store import APPLICATION_ID


def test_ekspor_writes_a_whole_copy_that_opens(tmp_path):
    db, copy = tmp_path / "aduan.sqlite", tmp_path / "cadangan.db"
    for _ in range(3):
        catat(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer in the middle of a transaction
    holder.execute("INSERT INTO counters VALUES ('belum-disimpan', 1)")
    result = run("ekspor", copy, "--db", db)
    holder.execute("ROLLBACK")
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("SELECT ticket FROM complaints ORDER BY id").fetchall() == [
        ("TSM-202611-0001",), ("TSM-202611-0002",), ("TSM-202611-0003",)]
    assert con.execute("SELECT count(*) FROM counters WHERE scope = 'belum-disimpan'").fetchone()[0] == 0
    con.close()
    assert run("lihat", "TSM-202611-0002", "--db", copy).returncode == 0  # the copy is a working database
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_ekspor_never_overwrites_by_surprise(tmp_path):
    db, copy = tmp_path / "aduan.sqlite", tmp_path / "cadangan.db"
    catat(db)
    copy.write_text("catatan penting", encoding="utf-8")
    refused = run("ekspor", copy, "--db", db)
    assert refused.returncode == 2 and "--timpa" in refused.stderr and copy.read_text() == "catatan penting"
    before = content(db)
    itself = run("ekspor", db, "--db", db, "--timpa")
    assert itself.returncode == 2 and "basis data yang dicadangkan" in itself.stderr and content(db) == before
    assert run("ekspor", copy, "--db", db, "--timpa").returncode == 0
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM complaints").fetchone()[0] == 1


def test_the_database_named_in_humaskit_yaml_is_used(tmp_path):
    (tmp_path / "humaskit.yaml").write_text("guideline: tasikmalaya\naduan_db: data/aduan.sqlite\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "draf").mkdir()
    result = run("catat", "--kanal", "x", "--teks", "Lampu mati", "--kategori", "lalu-lintas",
                 "--diterima", "2026-11-03T09:15", cwd=tmp_path / "draf")
    assert result.returncode == 0 and result.stdout == "TSM-202611-0001\n"
    assert sqlite3.connect(tmp_path / "data" / "aduan.sqlite").execute("SELECT agency FROM complaints").fetchall() \
        == [("dishub",)]
    assert run("lihat", "TSM-202611-0001", cwd=tmp_path / "draf").returncode == 0
    (tmp_path / "humaskit.yaml").write_text("guideline: tasikmalaya\naduan_db: ''\n", encoding="utf-8")
    empty = run("lihat", "TSM-202611-0001", cwd=tmp_path)
    assert empty.returncode == 2 and "humaskit.yaml:2" in empty.stderr and "aduan_db" in empty.stderr
    (tmp_path / "humaskit.yaml").write_text("guideline: tasikmalaya\naduan_bd: a.sqlite\n", encoding="utf-8")
    typo = run("lihat", "TSM-202611-0001", cwd=tmp_path)
    assert typo.returncode == 2 and "Apakah maksud Anda 'aduan_db'" in typo.stderr


def test_without_db_or_humaskit_yaml_the_user_is_told_how(tmp_path):
    result = run("lihat", "TSM-202611-0001", cwd=tmp_path)
    assert result.returncode == 2 and "--db" in result.stderr and "aduan_db" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_malformed_rows_are_reported_by_line_and_the_rest_imported(tmp_path):
    db, source = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    source.write_text("nomor," + HEADER
                      + "X-1,instagram,@a,Sampah,sampah,2026-11-02 08:00,,,,,\n"
                      + "X-2,instagram,@b,Sampah,sampah,2026-11-02 08:00,,,\n"  # too few cells
                      + "X-3,instagram,@c,Sampah,sampah,kemarin sore,,,,,\n"
                      + "X-4,instagram,@d,Sampah,sampah,2099-01-01 08:00,,,,,\n"
                      + "X-1,instagram,@e,Sampah,sampah,2026-11-03 08:00,,,,,\n"
                      + "X 5;DROP,instagram,@f,Sampah,sampah,2026-11-03 08:00,,,,,\n"
                      + "X-6,instagram,@g,Sampah,sampah,2026-11-03 08:00,2026-11-02 08:00,,,,\n"
                      + "X-7,telegram,@h,Sampah,sampah,2026-11-03 08:00,,,,,\n"
                      + ",,,,,,,,,,\n"
                      + "X-8,facebook,@i,Jalan,jalan-rusak,04/11/2026 10:00,,,,,\n", encoding="utf-8")
    result = run("impor", source, "--db", db)
    assert result.returncode == 2 and "2 pengaduan diimpor" in result.stdout and "7 baris ditolak" in result.stdout
    for line, words in ((3, "Baris ini berisi 9 kolom, judulnya 11"), (4, "Waktu diterima 'kemarin sore' tidak valid"),
                        (5, "di luar rentang"), (6, "sudah dipakai di baris 2"), (7, "Nomor tiket 'X 5;DROP'"),
                        (8, "lebih awal dari waktu diterima"), (9, "Kanal 'telegram' tidak dikenal")):
        shown = [m for m in result.stderr.splitlines() if m.startswith(f"galat: {source}:{line}: ")]
        assert len(shown) == 1 and words in shown[0], (line, result.stderr)
    assert "Traceback" not in result.stderr and f"{source}:10:" not in result.stderr  # a blank row is skipped
    assert sqlite3.connect(db).execute("SELECT ticket FROM complaints ORDER BY id").fetchall() == [("X-1",), ("X-8",)]
    again = run("impor", source, "--db", db)  # the corrected file can be imported again
    assert "0 pengaduan diimpor, 2 sudah ada (dilewati)" in again.stdout


@pytest.mark.parametrize("damage", ["truncated", "scribbled"])
def test_a_corrupt_database_is_refused_untouched(tmp_path, damage):
    db, source = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    source.write_text(HEADER + "".join(f"instagram,@w{i},Aduan {i} {'x' * 200},sampah,2026-11-02 08:00,,,,,\n"
                                       for i in range(400)), encoding="utf-8")
    assert run("impor", source, "--db", db).returncode == 0
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db.read_bytes())
    if damage == "truncated":
        data = data[:len(data) // 2]
    else:
        page = 4096
        data[page * 2:page * 6] = b"\xa5" * (page * 4)  # b-tree pages overwritten, header intact
    db.write_bytes(bytes(data))
    before = digest(db)
    for args in (("catat", "--db", db, "--kanal", "instagram", "--teks", "x", "--kategori", "sampah",
                  "--diterima", "2026-11-03T09:15"), ("laporan", "--month", "2026-11", "--db", db, "--out",
                                                      tmp_path / "out"), ("impor", source, "--db", db)):
        result = run(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "bukan basis data pengaduan yang utuh" in result.stderr and "Traceback" not in result.stderr
    assert digest(db) == before


def test_a_wrong_choice_names_its_option_or_column_and_lists_the_choices(tmp_path):
    db = tmp_path / "aduan.sqlite"
    kanal = run("catat", "--db", db, "--kanal", "ig", "--teks", "Lampu mati", "--kategori", "sampah")
    assert kanal.returncode == 2 and "[--kanal] Kanal 'ig' tidak dikenal" in kanal.stderr
    assert "Pilihan: facebook, instagram" in kanal.stderr and not db.exists()
    csv = tmp_path / "aduan.csv"
    csv.write_text(HEADER + "instagram,@w,Sampah,sampahh,2026-11-03 09:00,,,,,\n", encoding="utf-8")
    imported = run("impor", csv, "--db", db)
    assert imported.returncode == 2 and "aduan.csv:2: [kategori] Kategori 'sampahh' tidak dikenal" in imported.stderr
    assert "Apakah maksud Anda 'sampah'?" in imported.stderr


def test_catat_and_tahap_default_to_now(tmp_path):
    from datetime import datetime

    db = tmp_path / "aduan.sqlite"
    before = datetime.now().isoformat(timespec="minutes")
    ticket = run("catat", "--db", db, "--kanal", "instagram", "--teks", "Sampah menumpuk", "--kategori", "sampah")
    assert ticket.returncode == 0, ticket.stderr
    moved = run("tahap", ticket.stdout.strip(), "diverifikasi", "--db", db)
    assert moved.returncode == 0, moved.stderr
    after = datetime.now().isoformat(timespec="minutes")
    times = [row[0] for row in sqlite3.connect(db).execute("SELECT at FROM events ORDER BY id")]
    assert len(times) == 2 and all(before <= t <= after for t in times)


def test_a_spreadsheet_may_write_keys_as_people_do(tmp_path):
    db, csv = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    csv.write_text("Kanal;Akun;Teks;Kategori;Instansi;Diterima\n"
                   "Instagram;@a;Sampah menumpuk;Sampah;;01/11/2026 09:00\n"
                   "WhatsApp;@b;Jalan berlubang;Jalan Rusak;;2026-11-02 10:00\n"
                   "x;@c;Puskesmas tutup;Layanan kesehatan;Dinkes;2026-11-02 11:00\n", encoding="utf-8")
    result = run("impor", csv, "--db", db)
    assert result.returncode == 0, result.stderr
    rows = sqlite3.connect(db).execute("SELECT channel, category, agency FROM complaints ORDER BY id").fetchall()
    assert rows == [("instagram", "sampah", "dlh"), ("whatsapp", "jalan-rusak", "dpupr"), ("x", "kesehatan", "dinkes")]
