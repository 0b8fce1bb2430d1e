"""The `humaskit` command line: a thin client of the library API."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from humaskit.calendar.cli import app as calendar_app
from humaskit.clikit import resolve_guideline, user_errors
from humaskit.render.cli import render as render_command

app = typer.Typer(
    name="humaskit",
    help="Alat humas pemerintah daerah: periksa draf unggahan (lint), susun kalender konten "
         "(calendar), dan buat grafis unggahan bermerek (render) sesuai pedoman komunikasi publik.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
guideline_app = typer.Typer(help="Periksa berkas pedoman.", no_args_is_help=True)
app.add_typer(guideline_app, name="guideline")
app.add_typer(calendar_app, name="calendar")
app.command("render")(render_command)

GUIDELINE_OPTION = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: humaskit.yaml "
                                "terdekat, atau pedoman Kota Tasikmalaya).", show_default=False)


@guideline_app.command("check")
def guideline_check(file: Optional[Path] = typer.Argument(None, help="Berkas pedoman YAML.")) -> None:
    """Validasi satu berkas pedoman; semua masalah dilaporkan sekaligus (exit 2 bila ada)."""
    with user_errors():
        guideline = resolve_guideline(file)
        agencies, platforms = len(guideline.agencies), len(guideline.platforms)
        typer.echo(f"{guideline.source}: pedoman valid ({agencies} perangkat daerah, {platforms} platform).")


def main() -> None:
    app()
