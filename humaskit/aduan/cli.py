"""`humaskit aduan`: thin clients of humaskit.aduan.api.

Only typer and the standard library at top level: the main CLI imports this module at start-up,
and `humaskit lint` must not pay for sqlite3 or the complaint code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Penanganan pengaduan warga: catat, impor, tahap, lihat.", no_args_is_help=True)

DB = typer.Option(..., "--db", help="Berkas basis data pengaduan (SQLite).", show_default=False)
GUIDELINE = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: humaskit.yaml terdekat, "
                         "atau pedoman Kota Tasikmalaya).", show_default=False)
ACTOR = typer.Option("petugas", "--oleh", help="Nama petugas yang mencatat.")


def _rules(guideline):
    from humaskit.aduan.api import Rules
    from humaskit.clikit import resolve_guideline

    return Rules(resolve_guideline(guideline))


def _value(fn, key: str):
    from humaskit.aduan.api import RowError
    from humaskit.errors import HumaskitError

    try:
        return fn()
    except RowError as exc:
        raise HumaskitError.single(str(exc), key=key) from None


@app.command("catat")
def catat(
    kanal: str = typer.Option(..., "--kanal", help="Kanal (kunci di aduan.channels, misalnya instagram)."),
    teks: str = typer.Option(..., "--teks", help="Isi pengaduan."),
    kategori: str = typer.Option(..., "--kategori", help="Kategori (kunci di aduan.categories)."),
    diterima: str = typer.Option(..., "--diterima", help="Waktu diterima, misalnya 2026-12-03T09:15."),
    tautan: Optional[str] = typer.Option(None, "--tautan", help="Tautan unggahan atau pesan."),
    akun: Optional[str] = typer.Option(None, "--akun", help="Akun warga."),
    instansi: Optional[str] = typer.Option(None, "--instansi", help="Perangkat daerah (bawaan: dari kategori)."),
    db: Path = DB, guideline: Optional[Path] = GUIDELINE, oleh: str = ACTOR,
) -> None:
    """Catat satu pengaduan; mencetak nomor tiketnya."""
    from humaskit.aduan.api import complaint, record
    from humaskit.aduan.store import Store
    from humaskit.clikit import user_errors

    with user_errors():
        rules = _rules(guideline)
        c = _value(lambda: complaint(rules, {"kanal": kanal, "teks": teks, "kategori": kategori,
                                             "diterima": diterima, "tautan": tautan, "akun": akun,
                                             "instansi": instansi}), "--kategori")
        store = Store(db, create=True)
        typer.echo(record(store, rules, c, oleh))


@app.command("tahap")
def tahap(
    tiket: str = typer.Argument(..., help="Nomor tiket."),
    tahap_baru: str = typer.Argument(..., metavar="TAHAP", help="Tahap baru (kunci di aduan.stages)."),
    waktu: str = typer.Option(..., "--waktu", help="Waktu perubahan, misalnya 2026-12-03T13:00."),
    catatan: Optional[str] = typer.Option(None, "--catatan", help="Catatan (wajib untuk penolakan: alasannya)."),
    db: Path = DB, guideline: Optional[Path] = GUIDELINE, oleh: str = ACTOR,
) -> None:
    """Pindahkan pengaduan ke tahap berikutnya; riwayatnya tidak dapat diubah."""
    from humaskit.aduan.api import move, parse_time
    from humaskit.aduan.store import Store
    from humaskit.clikit import user_errors

    with user_errors():
        rules = _rules(guideline)
        at = _value(lambda: parse_time(waktu, "Waktu"), "--waktu")
        move(Store(db), rules, tiket, tahap_baru, at, oleh, catatan)
        typer.echo(f"{tiket}: {tahap_baru}")


@app.command("lihat")
def lihat(tiket: str = typer.Argument(..., help="Nomor tiket."), db: Path = DB) -> None:
    """Tampilkan satu pengaduan dan riwayat tahapnya."""
    from humaskit.aduan.store import Store
    from humaskit.clikit import user_errors
    from humaskit.errors import HumaskitError

    with user_errors():
        c = Store(db).complaint(tiket)
        if c is None:
            raise HumaskitError.single(f"Tiket '{tiket}' tidak ada di basis data.", path=str(db))
        typer.echo(f"{c['ticket']}  {c['category']}  {c['agency']}  {c['channel']}  tahap: {c['stage']}")
        for e in c["history"]:
            typer.echo(f"  {e['at']}  {e['stage']:<16} {e['actor']}" + (f"  {e['note']}" if e["note"] else ""))


@app.command("impor")
def impor(berkas: Path = typer.Argument(..., help="Berkas CSV (ekspor lembar kerja)."),
          db: Path = DB, guideline: Optional[Path] = GUIDELINE) -> None:
    """Impor pengaduan dari CSV dalam satu transaksi; baris yang salah dilaporkan dengan nomor barisnya
    (exit 2), baris lain tetap diimpor."""
    from humaskit.aduan.api import import_rows, read_rows
    from humaskit.aduan.store import Store
    from humaskit.clikit import print_problems, user_errors
    from humaskit.errors import HumaskitError
    from humaskit.fsutil import read_user_text

    with user_errors():
        rules = _rules(guideline)
        good, bad = read_rows(read_user_text(berkas, what="Berkas CSV"), str(berkas), rules)
        result = import_rows(Store(db, create=True), rules, good) if good else None
        imported = result.imported if result else 0
        skipped = result.skipped if result else 0
        typer.echo(f"{imported} pengaduan diimpor, {skipped} sudah ada (dilewati), {len(bad)} baris ditolak.")
        if bad:
            print_problems(HumaskitError(bad))
            raise typer.Exit(2)
