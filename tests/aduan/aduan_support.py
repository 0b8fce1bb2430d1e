"""Helpers shared by the `humaskit aduan` tests: the command as a user runs it, on real files."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

CLI = [sys.executable, "-m", "humaskit", "aduan"]
HEADER = "kanal,akun,teks,kategori,diterima,diverifikasi,ditindaklanjuti,selesai,ditolak,alasan\n"


def run(*args, env=None, cwd=None):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def catat(db, kategori="jalan-rusak", diterima="2026-11-03T09:15"):
    return run("catat", "--db", db, "--kanal", "instagram", "--teks", "Jalan berlubang di depan sekolah",
               "--kategori", kategori, "--diterima", diterima, "--akun", "@warga")


def content(path) -> list[str]:
    """The database's rows and schema as SQL: what "nothing was written" compares (the file's bytes
    also change when SQLite moves committed pages from the write-ahead log into it)."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()
