"""`humaskit aduan`: thin clients of humaskit.aduan.api.

Only typer and the standard library at top level: the main CLI imports this module at start-up,
and `humaskit lint` must not pay for sqlite3 or the complaint code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Penanganan pengaduan warga: catat, impor, tahap, lihat, balas, laporan, ekspor.",
                  no_args_is_help=True)

DB = typer.Option(None, "--db", help="Berkas basis data pengaduan (SQLite; bawaan: aduan_db di humaskit.yaml "
                  "terdekat).", show_default=False)
GUIDELINE = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: humaskit.yaml terdekat, "
                         "atau pedoman Kota Tasikmalaya).", show_default=False)
ACTOR = typer.Option("petugas", "--oleh", help="Nama petugas yang mencatat.")


def _rules(guideline):
    from humaskit.aduan.api import Rules
    from humaskit.guideline import resolve_guideline

    return Rules(resolve_guideline(guideline))


def _store(option: Path | None, *, create: bool = False):
    """The complaint database: --db, else ``aduan_db`` in the nearest humaskit.yaml (relative to it)."""
    from humaskit.aduan.store import Store
    from humaskit.errors import HumaskitError, Problem
    from humaskit.guideline.loader import CONFIG_NAME, find_config

    if option is None:
        folder, values, located = find_config() or (None, {}, None)
        name = values.get("aduan_db")
        if "aduan_db" in values and (not isinstance(name, str) or not name.strip()):
            raise HumaskitError([Problem("kunci 'aduan_db' harus berisi nama berkas basis data pengaduan.",
                                         **located.where(("aduan_db",)))])
        if name is None:
            raise HumaskitError.single(f"Basis data pengaduan belum ditentukan: pakai --db BERKAS, atau tulis "
                                       f"'aduan_db: aduan.sqlite' di {CONFIG_NAME}.", key="--db")
        option = folder / name
    return Store(option, create=create)


def _value(fn, key: str):
    from humaskit.aduan.api import RowError
    from humaskit.errors import HumaskitError

    try:
        return fn()
    except RowError as exc:
        raise HumaskitError.single(str(exc), key=f"--{exc.column}" if exc.column else key) from None


@app.command("catat")
def catat(
    kanal: str = typer.Option(..., "--kanal", help="Kanal (kunci di aduan.channels, misalnya instagram)."),
    teks: str = typer.Option(..., "--teks", help="Isi pengaduan."),
    kategori: str = typer.Option(..., "--kategori", help="Kategori (kunci di aduan.categories)."),
    diterima: Optional[str] = typer.Option(None, "--diterima", help="Waktu diterima, misalnya 2026-12-03T09:15 "
                                           "(bawaan: sekarang)."),
    tautan: Optional[str] = typer.Option(None, "--tautan", help="Tautan unggahan atau pesan."),
    akun: Optional[str] = typer.Option(None, "--akun", help="Akun warga."),
    instansi: Optional[str] = typer.Option(None, "--instansi", help="Perangkat daerah (bawaan: dari kategori)."),
    db: Path = DB, guideline: Optional[Path] = GUIDELINE, oleh: str = ACTOR,
) -> None:
    """Catat satu pengaduan; mencetak nomor tiketnya."""
    from humaskit.aduan.api import complaint, current_time, record
    from humaskit.clikit import user_errors

    with user_errors():
        rules = _rules(guideline)
        c = _value(lambda: complaint(rules, {"kanal": kanal, "teks": teks, "kategori": kategori,
                                             "diterima": diterima or current_time(), "tautan": tautan, "akun": akun,
                                             "instansi": instansi}), None)
        typer.echo(record(_store(db, create=True), rules, c, oleh))


@app.command("tahap")
def tahap(
    tiket: str = typer.Argument(..., help="Nomor tiket."),
    tahap_baru: str = typer.Argument(..., metavar="TAHAP", help="Tahap baru (kunci di aduan.stages)."),
    waktu: Optional[str] = typer.Option(None, "--waktu", help="Waktu perubahan, misalnya 2026-12-03T13:00 "
                                        "(bawaan: sekarang)."),
    catatan: Optional[str] = typer.Option(None, "--catatan", help="Catatan (wajib untuk penolakan: alasannya)."),
    db: Path = DB, guideline: Optional[Path] = GUIDELINE, oleh: str = ACTOR,
) -> None:
    """Pindahkan pengaduan ke tahap berikutnya; riwayatnya tidak dapat diubah."""
    from humaskit.aduan.api import current_time, move, parse_time
    from humaskit.clikit import user_errors

    with user_errors():
        rules = _rules(guideline)
        at = _value(lambda: parse_time(waktu or current_time(), "Waktu"), "--waktu")
        move(_store(db), rules, tiket, tahap_baru, at, oleh, catatan)
        typer.echo(f"{tiket}: {tahap_baru}")


@app.command("lihat")
def lihat(tiket: str = typer.Argument(..., help="Nomor tiket."), db: Path = DB) -> None:
    """Tampilkan satu pengaduan dan riwayat tahapnya."""
    from humaskit.clikit import user_errors
    from humaskit.errors import HumaskitError

    with user_errors():
        store = _store(db)
        c = store.complaint(tiket)
        if c is None:
            raise HumaskitError.single(f"Tiket '{tiket}' tidak ada di basis data.", path=store.path)
        typer.echo(f"{c['ticket']}  {c['category']}  {c['agency']}  {c['channel']}  tahap: {c['stage']}")
        for e in c["history"]:
            typer.echo(f"  {e['at']}  {e['stage']:<16} {e['actor']}" + (f"  {e['note']}" if e["note"] else ""))


@app.command("impor")
def impor(berkas: Path = typer.Argument(..., help="Berkas CSV (ekspor lembar kerja)."),
          db: Path = DB, guideline: Optional[Path] = GUIDELINE) -> None:
    """Impor pengaduan dari CSV dalam satu transaksi; baris yang salah dilaporkan dengan nomor barisnya
    (exit 2), baris lain tetap diimpor."""
    from humaskit.aduan.api import import_rows, read_rows
    from humaskit.clikit import print_problems, user_errors
    from humaskit.errors import HumaskitError
    from humaskit.fsutil import read_user_text

    with user_errors():
        rules = _rules(guideline)
        good, bad = read_rows(read_user_text(berkas, what="Berkas CSV"), str(berkas), rules)
        result = import_rows(_store(db, create=True), rules, good) if good else None
        imported = result.imported if result else 0
        skipped = result.skipped if result else 0
        typer.echo(f"{imported} pengaduan diimpor, {skipped} sudah ada (dilewati), {len(bad)} baris ditolak.")
        if bad:
            print_problems(HumaskitError(bad))
            raise typer.Exit(2)


@app.command("ekspor")
def ekspor(keluaran: Path = typer.Argument(..., metavar="BERKAS", help="Berkas cadangan yang ditulis (.db)."),
           db: Path = DB, timpa: bool = typer.Option(False, "--timpa", help="Timpa berkas cadangan yang sudah ada.")
           ) -> None:
    """Cadangkan basis data pengaduan (salinan utuh, juga saat staf lain sedang menulis)."""
    import os

    from humaskit.clikit import user_errors
    from humaskit.errors import HumaskitError

    with user_errors():
        store = _store(db)
        if os.path.lexists(keluaran):
            same = os.path.exists(keluaran) and os.path.samefile(keluaran, store.path)
            if same or not timpa:
                reason = "itu basis data yang dicadangkan" if same else "pakai --timpa untuk menimpanya"
                raise HumaskitError.single(f"Berkas cadangan sudah ada ({reason}); tidak ada yang ditulis.",
                                           path=str(keluaran))
        store.backup(keluaran)
        typer.echo(f"Cadangan ditulis: {keluaran}")


@app.command("balas")
def balas(tiket: str = typer.Argument(..., help="Nomor tiket."), db: Path = DB,
          guideline: Optional[Path] = GUIDELINE) -> None:
    """Susun draf jawaban untuk tahap tiket saat ini dari templat pedoman, lalu periksa sebagai jawaban
    pengaduan. Temuan dicetak ke stderr; ada galat: draf tidak dicetak, exit 1."""
    import sys

    from humaskit.aduan.reply import draft_text, lint_reply
    from humaskit.clikit import user_errors
    from humaskit.errors import HumaskitError
    from humaskit.lint.printers import PRINTERS

    with user_errors():
        rules = _rules(guideline)
        store = _store(db)
        c = store.complaint(tiket)
        if c is None:
            raise HumaskitError.single(f"Tiket '{tiket}' tidak ada di basis data.", path=store.path)
        text = draft_text(rules, c)
        report = lint_reply(rules, c, text)
    if report.findings:
        sys.stderr.write(PRINTERS["text"](report))
    code = report.exit_code()
    if code == 0:
        typer.echo(text, nl=False)
    else:
        typer.echo("Draf jawaban melanggar pedoman dan tidak ditampilkan; perbaiki templat di aduan.stages "
                   "pedoman.", err=True)
    raise typer.Exit(code)


@app.command("laporan")
def laporan(month: str = typer.Option(..., "--month", "-m", help="Bulan diterimanya pengaduan, YYYY-MM.",
                                      show_default=False),
            publik: bool = typer.Option(False, "--publik", help="Laporan publik: tiap tiket dengan tahap dan "
                                        "tanggalnya, tanpa data pribadi."),
            out: Path = typer.Option(Path("laporan"), "--out", "-o", help="Folder keluaran (.html, .csv)."),
            db: Path = DB, guideline: Optional[Path] = GUIDELINE) -> None:
    """Angka sebulan per perangkat daerah dan kategori: diterima, ditutup, median dan persentil ke-90 waktu
    jawaban pertama dan penyelesaian, yang lewat batas layanan; ditulis sebagai HTML dan CSV, dan
    ditampilkan di terminal."""
    import shutil

    from rich.console import Console

    from humaskit.aduan import report
    from humaskit.clikit import user_errors
    from humaskit.fsutil import atomic_write
    from humaskit.outdir import check_out_dir, output_file

    with user_errors():
        report.month_bounds(month)
        rules = _rules(guideline)
        check_out_dir(out)
        result = report.build(_store(db), rules, month, public=publik)
        base = f"aduan-{'publik-' if publik else ''}{result.month}"
        files = {f"{base}.html": report.html_bytes(rules, result, public=publik),
                 f"{base}.csv": report.csv_bytes(rules, result, public=publik)}
        for name, data in files.items():
            atomic_write(output_file(out, name), data, what="Berkas laporan")
        # a pipe gets the whole table; a narrow terminal wraps lines rather than hide the names
        width = max(shutil.get_terminal_size((120, 24)).columns, 100)
        report.print_table(rules, result, Console(highlight=False, width=width))
        typer.echo(f"{len(result.tickets)} pengaduan; {len(files)} berkas ditulis ke {out}.")
