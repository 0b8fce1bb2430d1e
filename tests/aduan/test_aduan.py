"""`humaskit aduan` on real SQLite files: commands, stage rules, bad databases, migration,
concurrent writers and a killed import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time

import pytest
from aduan_support import CLI, HEADER, catat, digest, run

from humaskit.aduan.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Store, split_script


def test_catat_numbers_tickets_per_month_and_uses_wal(tmp_path):
    db = tmp_path / "aduan.sqlite"
    first, second, december = catat(db), catat(db), catat(db, diterima="2026-12-01T08:00")
    assert [first.stdout, second.stdout, december.stdout] == ["TSM-202611-0001\n", "TSM-202611-0002\n",
                                                              "TSM-202612-0001\n"]
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT agency FROM complaints").fetchall() == [("dpupr",)] * 3  # suggested by category


def test_bad_input_is_refused_before_the_database_exists(tmp_path):
    db = tmp_path / "aduan.sqlite"
    result = catat(db, kategori="jalan-rsak")
    assert result.returncode == 2 and "Apakah maksud Anda 'jalan-rusak'" in result.stderr
    assert "Traceback" not in result.stderr and not db.exists()
    bad_agency = run("catat", "--db", db, "--kanal", "instagram", "--teks", "x", "--kategori", "sampah",
                     "--diterima", "2026-11-03T09:15", "--instansi", "dinas-x")
    assert bad_agency.returncode == 2 and "Perangkat daerah 'dinas-x'" in bad_agency.stderr and not db.exists()


def test_stage_rules(tmp_path):
    db = tmp_path / "aduan.sqlite"
    ticket = catat(db).stdout.strip()
    before = digest(db)
    skip = run("tahap", ticket, "ditindaklanjuti", "--db", db, "--waktu", "2026-11-03T10:00")
    assert skip.returncode == 2 and "melompati tahap wajib diverifikasi" in skip.stderr
    no_reason = run("tahap", ticket, "ditolak", "--db", db, "--waktu", "2026-11-03T10:00")
    assert no_reason.returncode == 2 and "alasan" in no_reason.stderr
    assert digest(db) == before
    # diteruskan is optional: verified straight to followed up is allowed
    for stage, at in (("diverifikasi", "2026-11-03T10:00"), ("ditindaklanjuti", "2026-11-04T10:00")):
        assert run("tahap", ticket, stage, "--db", db, "--waktu", at).returncode == 0
    back = run("tahap", ticket, "diverifikasi", "--db", db, "--waktu", "2026-11-05T10:00")
    assert back.returncode == 2 and "tidak dapat mundur" in back.stderr
    assert run("tahap", ticket, "selesai", "--db", db, "--waktu", "2026-11-06T10:00").returncode == 0
    after_end = run("tahap", ticket, "ditolak", "--db", db, "--waktu", "2026-11-07T10:00", "--catatan", "x")
    assert after_end.returncode == 2 and "tahap akhir" in after_end.stderr
    shown = run("lihat", ticket, "--db", db)
    assert [line.split()[1] for line in shown.stdout.splitlines()[1:]] == [
        "diterima", "diverifikasi", "ditindaklanjuti", "selesai"]


def test_history_is_append_only(tmp_path):
    db = tmp_path / "aduan.sqlite"
    catat(db)
    con = sqlite3.connect(db)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE events SET actor = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM events")


@pytest.mark.parametrize("damage, words", [
    ("newer", "lebih baru"), ("garbage", "bukan basis data pengaduan yang utuh"), ("foreign", "SQLite lain"),
])
def test_unusable_databases_are_refused_untouched(tmp_path, damage, words):
    db = tmp_path / "aduan.sqlite"
    if damage == "garbage":
        db.write_bytes(b"kanal,teks\n" * 500)
    else:
        catat(db) if damage == "newer" else sqlite3.connect(db).execute("CREATE TABLE other (x)")
        con = sqlite3.connect(db)
        if damage == "newer":
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        con.close()
    before = digest(db)
    for args in (("catat", "--db", db, "--kanal", "instagram", "--teks", "x", "--kategori", "sampah",
                  "--diterima", "2026-11-03T09:15"), ("lihat", "TSM-202611-0001", "--db", db)):
        result = run(*args)
        assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert digest(db) == before


def test_locked_database_is_reported(tmp_path):
    db = tmp_path / "aduan.sqlite"
    catat(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    result = run("catat", "--db", db, "--kanal", "instagram", "--teks", "x", "--kategori", "sampah",
                 "--diterima", "2026-11-03T09:15", env={**os.environ, "HUMASKIT_DB_TIMEOUT": "0.2"})
    holder.execute("ROLLBACK")
    assert result.returncode == 2 and "dikunci proses lain" in result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM complaints").fetchone()[0] == 1


def test_migration_from_the_first_schema(tmp_path):
    db = tmp_path / "aduan.sqlite"
    con = sqlite3.connect(db, isolation_level=None)
    for statement in split_script(MIGRATIONS[0]):
        con.execute(statement)
    con.execute("PRAGMA user_version = 1")
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as the first release wrote it
    con.execute("INSERT INTO complaints VALUES (1, 'TSM-202611-0001', 'instagram', NULL, '@a', 'teks', "
                "'sampah', 'dlh', '2026-11-02T08:00', 'diterima')")
    con.execute("INSERT INTO events VALUES (1, 1, 'diterima', '2026-11-02T08:00', 'lama', NULL)")
    con.execute("INSERT INTO counters VALUES ('TSM-202611-{nomor}', 1)")
    con.close()
    assert catat(db).stdout == "TSM-202611-0002\n"
    store = Store(db)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.complaint("TSM-202611-0001")["history"][0]["actor"] == "lama"


def test_impor_reports_bad_rows_with_lines_and_imports_the_rest(tmp_path):
    db, csv_file = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    csv_file.write_text(HEADER
                        + "instagram,@a,Sampah menumpuk,sampah,2026-11-02 08:00,2026-11-02 09:00,,,,\n"
                        + "facebook,@b,Jalan rusak,jalan-rsak,2026-11-02 08:00,,,,,\n"
                        + 'x,@c,"Lampu mati,\ndua baris",lalu-lintas,03/11/2026 10:00,,2026-11-04 10:00,,,\n'
                        + "lapor,,KTP belum jadi,layanan-kependudukan,2026-11-05 10:00,,,,2026-11-05 11:00,\n"
                        + "whatsapp,@d,Banjir,bencana,2026-11-06 10:00,2026-11-06 10:30,,,2026-11-06 11:00,duplikat\n",
                        encoding="utf-8")
    result = run("impor", csv_file, "--db", db)
    assert result.returncode == 2
    assert "2 pengaduan diimpor" in result.stdout and "3 baris ditolak" in result.stdout
    assert f"{csv_file}:3: [kategori] Kategori 'jalan-rsak'" in result.stderr
    assert f"{csv_file}:4: Tahap 'ditindaklanjuti' melompati tahap wajib diverifikasi" in result.stderr
    # the quoted field spans lines 4-5, so the next rows start on lines 6 and 7
    assert f"{csv_file}:6: Tahap 'ditolak' memerlukan alasan" in result.stderr
    assert f"{csv_file}:7: " not in result.stderr  # rejected with a reason: a good row
    stages = sqlite3.connect(db).execute("SELECT stage FROM complaints ORDER BY id").fetchall()
    assert stages == [("diverifikasi",), ("ditolak",)]


def test_impor_refuses_a_file_with_unknown_columns(tmp_path):
    db, csv_file = tmp_path / "aduan.sqlite", tmp_path / "aduan.csv"
    csv_file.write_text("kanal;teks;kategori;diterima;kategory\ninstagram;x;sampah;2026-11-02 08:00;x\n")
    result = run("impor", csv_file, "--db", db)
    assert result.returncode == 2 and "Kolom 'kategory' tidak dikenal" in result.stderr and not db.exists()


def _rows(n: int, channel: str) -> str:
    return HEADER + "".join(f"{channel},@w{i},Aduan nomor {i},sampah,2026-11-{1 + i % 28:02d} 08:00,,,,,\n"
                            for i in range(n))


def test_two_writer_processes_lose_nothing(tmp_path):
    db = tmp_path / "aduan.sqlite"
    catat(db)
    files = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.csv"
        path.write_text(_rows(300, "instagram" if name == "a" else "facebook"))
        files.append(path)
    writers = [subprocess.Popen([*CLI, "impor", str(f), "--db", str(db)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for f in files]
    singles = [catat(db) for _ in range(5)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0] and all(s.returncode == 0 for s in singles)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT ticket) FROM complaints").fetchone() == (606, 606)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 606
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_9_mid_import_leaves_nothing_half_written(tmp_path):
    db, csv_file = tmp_path / "aduan.sqlite", tmp_path / "big.csv"
    catat(db)
    csv_file.write_text(_rows(60_000, "instagram"))
    wal = tmp_path / "aduan.sqlite-wal"
    proc = subprocess.Popen([*CLI, "impor", str(csv_file), "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60  # "no hang" bound, not a timing assertion
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 1_000_000:  # the transaction is spilling pages: mid-import
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL, "the import finished before it could be killed"
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM complaints").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
