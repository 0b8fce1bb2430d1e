"""`humaskit calendar build|check`: thin clients of humaskit.calendar.api.

Only typer and the standard library at top level: the main CLI imports this module at
start-up, and `humaskit lint` must not pay for holidays, jinja2 or the scheduler.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(help="Kalender konten bulanan lintas perangkat daerah.", no_args_is_help=True)

MONTH = typer.Option(..., "--month", "-m", help="Bulan kalender, YYYY-MM (misalnya 2026-12).", show_default=False)
PLANS = typer.Option(None, "--plans", help="Folder berkas rencana (*.yaml) perangkat daerah (bawaan: plans/; "
                     "bila folder itu tidak ada dan pedoman bawaan dipakai: contoh rencana Kota Tasikmalaya).",
                     show_default=False)
DEFAULT_PLANS = Path("plans")
DRAFTS = typer.Option(None, "--drafts", help="Folder draf; draf dengan `publish` di bulan ini ikut dijadwalkan "
                      "(boleh diulang; bawaan: subfolder drafts/ di folder rencana bila ada).", show_default=False)
OVERRIDES = typer.Option(None, "--overrides", help="Berkas koreksi tanggal libur/peringatan "
                         "(bawaan: calendar.overrides di pedoman).", show_default=False)
GUIDELINE = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: humaskit.yaml terdekat, "
                         "atau pedoman Kota Tasikmalaya).", show_default=False)


def _build(month, plans, drafts, overrides, guideline):
    from humaskit.calendar.api import build_calendar
    from humaskit.guideline import resolve_guideline

    g = resolve_guideline(guideline)
    plans = _plans_dir(plans, g)
    if drafts is None:
        default = plans / "drafts"
        drafts = [default] if default.is_dir() else []
    return build_calendar(g, month, plans, draft_dirs=drafts, overrides=overrides)


def _plans_dir(option: Path | None, guideline) -> Path:
    """--plans, else ./plans, else (with the shipped guideline, as a newcomer has) the shipped example plans."""
    import sys

    from humaskit.errors import HumaskitError
    from humaskit.resources import shipped_dir, shipped_guideline

    if option is not None or DEFAULT_PLANS.is_dir():
        return option or DEFAULT_PLANS
    example = shipped_dir("examples") / "plans"
    if guideline.source == shipped_guideline() and example.is_dir():
        print(f"catatan: folder {DEFAULT_PLANS}/ tidak ada; dipakai contoh rencana bawaan Kota Tasikmalaya "
              f"({example}). Tunjuk folder rencana Anda dengan --plans FOLDER.", file=sys.stderr)
        return example
    raise HumaskitError.single(
        f"Folder rencana tidak ditemukan. Buat folder {DEFAULT_PLANS}/ berisi satu berkas rencana YAML per perangkat "
        "daerah (format: docs/calendar.md), atau tunjuk foldernya dengan --plans FOLDER.",
        path=str(DEFAULT_PLANS), key="--plans")


def _now(option: str | None):
    """The build clock for DTSTAMP of new or changed events: --now, else SOURCE_DATE_EPOCH, else now."""
    from datetime import datetime, timezone

    from humaskit.errors import HumaskitError

    if option:
        try:
            value = datetime.fromisoformat(option)
        except ValueError:
            raise HumaskitError.single(f"waktu '{option}' tidak valid; tulis misalnya 2026-11-28T10:00:00+07:00.",
                                       key="--now") from None
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise HumaskitError.single(f"SOURCE_DATE_EPOCH '{epoch}' bukan detik Unix.", key="SOURCE_DATE_EPOCH") from None
    return datetime.now(timezone.utc)


def _report(result) -> None:
    from humaskit.calendar.api import describe_conflicts, describe_unplaced
    from humaskit.calendar.schedule import clock

    placed = len(result.schedule.placements)
    typer.echo(f"Kalender {result.label}: {len(result.entries) + len(result.added)} entri, {placed} penayangan "
               f"terjadwal, {len(result.days)} hari libur/peringatan.")
    if result.outside:
        typer.echo(f"{result.outside} entri rencana untuk bulan lain dilewati.")
    for entry in result.added:
        typer.echo(f"ditambahkan (belum ditulis): {entry.first_day} {entry.title} -> {entry.agency}")
    for p in result.schedule.conflicts:
        typer.echo(f"konflik: {p.entry.origin}: {p.entry.agency} '{p.entry.title}' dijadwalkan {p.day} "
                   f"{clock(p.minute)} karena {p.note}.")
    for line in describe_unplaced(result):
        typer.echo(f"tidak terjadwal: {line}")
    for line in describe_conflicts(result):
        typer.echo(f"tidak seragam: {line}")
    for status in result.failed_drafts:
        detail = status.problem or f"{status.errors} galat; jalankan: humaskit lint {status.path}"
        typer.echo(f"draf gagal: {status.path}: {detail}")


@app.command("build")
def build(month: str = MONTH, plans: Optional[Path] = PLANS, out: Path = typer.Option(Path("kalender"), "--out", "-o",
          help="Folder keluaran (.ics, .html, .csv)."), drafts: Optional[List[Path]] = DRAFTS,
          overrides: Optional[Path] = OVERRIDES, guideline: Optional[Path] = GUIDELINE,
          now: Optional[str] = typer.Option(None, "--now", help="Jam pembuatan untuk DTSTAMP acara baru/berubah "
                                            "(ISO 8601; bawaan: SOURCE_DATE_EPOCH, atau jam sekarang).",
                                            show_default=False)) -> None:
    """Susun kalender bulanan dan tulis .ics (seluruh kota + per perangkat daerah), HTML, dan CSV.

    Keluaran tetap ditulis bila ada entri yang tidak terjadwal atau draf yang gagal pemeriksaan (agar koordinator melihatnya di ringkasan), lalu exit 1. Masukan yang salah: tidak ada berkas yang ditulis, exit 2.
    """
    from humaskit.calendar.api import write_outputs
    from humaskit.clikit import user_errors

    with user_errors():
        clock_now = _now(now)
        result = _build(month, plans, drafts, overrides, guideline)
        _report(result)
        written = write_outputs(result, out, clock_now)
        for note in result.notes:
            typer.echo(f"catatan: {note}")
        typer.echo(f"{len(written)} berkas ditulis ke {out}.")
    raise typer.Exit(result.exit_code)


@app.command("check")
def check(month: str = MONTH, plans: Optional[Path] = PLANS, drafts: Optional[List[Path]] = DRAFTS,
          overrides: Optional[Path] = OVERRIDES, guideline: Optional[Path] = GUIDELINE) -> None:
    """Jalankan seluruh penyusunan tanpa menulis berkas.

    Exit 0: semua terjadwal dan semua draf lolos; 1: ada entri tidak terjadwal atau draf gagal pemeriksaan; 2: masukan salah.
    """
    from humaskit.clikit import user_errors

    with user_errors():
        result = _build(month, plans, drafts, overrides, guideline)
        _report(result)
    raise typer.Exit(result.exit_code)
