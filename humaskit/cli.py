"""The `humaskit` command line: a thin client of the library API."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from humaskit.aduan.cli import app as aduan_app
from humaskit.calendar.cli import app as calendar_app
from humaskit.clikit import user_errors
from humaskit.guideline import resolve_guideline
from humaskit.render.cli import render as render_command
from humaskit.serve.cli import app as serve_app

app = typer.Typer(
    name="humaskit",
    help="Alat humas pemerintah daerah: periksa draf unggahan (lint), susun kalender konten "
         "(calendar), dan buat grafis unggahan bermerek (render) sesuai pedoman komunikasi publik.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
guideline_app = typer.Typer(help="Periksa berkas pedoman atau tulis sebagai buku panduan.", no_args_is_help=True)
app.add_typer(guideline_app, name="guideline")
app.add_typer(calendar_app, name="calendar")
app.add_typer(aduan_app, name="aduan")
app.add_typer(serve_app, name="serve")
app.command("render")(render_command)


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"humaskit {version('humaskit')}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", help="Tampilkan versi humaskit lalu keluar.",
                                       callback=_show_version, is_eager=True)) -> None:
    pass


GUIDELINE_OPTION = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: humaskit.yaml "
                                "terdekat, atau pedoman Kota Tasikmalaya).", show_default=False)


@guideline_app.command("check")
def guideline_check(file: Optional[Path] = typer.Argument(None, help="Berkas pedoman YAML.")) -> None:
    """Validasi satu berkas pedoman; semua masalah dilaporkan sekaligus (exit 2 bila ada)."""
    with user_errors():
        guideline = resolve_guideline(file)
        # The brand kit's files are opened for real (Pillow, imported only here and in render):
        # a truncated logo or a FIFO as a font fails now, not in the middle of a render batch.
        from humaskit.render.brand import load_brand

        load_brand(guideline)
        agencies, platforms = len(guideline.agencies), len(guideline.platforms)
        typer.echo(f"{guideline.source}: pedoman valid ({agencies} perangkat daerah, {platforms} platform).")


@guideline_app.command("render")
def guideline_render(
    file: Optional[Path] = typer.Argument(None, help="Berkas pedoman YAML (bawaan: humaskit.yaml terdekat, atau "
                                          "pedoman Kota Tasikmalaya).", show_default=False),
    out: Path = typer.Option(Path("pedoman"), "--out", "-o", help="Folder keluaran (dibuat bila belum ada)."),
) -> None:
    """Tulis pedoman sebagai buku panduan (satu berkas HTML, siap dicetak A4) dari berkas pedoman dan aturan lint yang sama."""
    with user_errors():
        from humaskit.handbook import write_handbook

        target = write_handbook(resolve_guideline(file), out)
    typer.echo(f"Buku pedoman ditulis ke {target}.")


@app.command("lint")
def lint(
    paths: List[str] = typer.Argument(..., help="Berkas draf (.md/.txt), folder, atau - untuk masukan standar."),
    guideline: Optional[Path] = GUIDELINE_OPTION,
    output_format: str = typer.Option("text", "--format", "-f", help="Format laporan: text, json, sarif, github."),
    fix: bool = typer.Option(False, "--fix", help="Terapkan perbaikan otomatis yang aman ke berkas."),
    diff: bool = typer.Option(False, "--diff", help="Tampilkan perbaikan sebagai diff tanpa menulis berkas."),
    fail_on: str = typer.Option("error", "--fail-on", help="Tingkat temuan yang membuat exit 1: error, warning, "
                                "suggestion."),
    platform: Optional[List[str]] = typer.Option(None, "--platform", "-p", help="Platform untuk draf tanpa front "
                                                 "matter (boleh diulang)."),
    agency: Optional[str] = typer.Option(None, "--agency", "-a", help="Perangkat daerah untuk draf tanpa front matter."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Jenis draf tanpa front matter: post, reply, atau crisis."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Hanya aturan/kategori ini (boleh diulang)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Lewati aturan/kategori ini (boleh diulang)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Jumlah proses paralel untuk folder besar "
                             "(0 = semua inti CPU, 1 = satu proses)."),
) -> None:
    """Periksa draf unggahan terhadap pedoman; temuan dalam bahasa Indonesia, dengan perbaikan."""
    from humaskit.lint.api import run_lint

    with user_errors():
        code = run_lint(paths, guideline_path=guideline, output_format=output_format, fix=fix, diff=diff,
                        fail_on=fail_on, platforms=platform, agency=agency, kind=kind,
                        select=select or (), ignore=ignore or (), jobs=jobs)
    raise typer.Exit(code)


@app.command("rules")
def rules(
    rule_id: Optional[str] = typer.Argument(None, help="Id aturan (misalnya tone.informal-word) atau kategori."),
    guideline: Optional[Path] = GUIDELINE_OPTION,
    output_format: str = typer.Option("text", "--format", "-f", help="text atau markdown."),
) -> None:
    """Tampilkan dokumentasi setiap aturan: id, kategori, alasan, contoh salah dan benar."""
    from humaskit.lint.api import describe_rules

    with user_errors():
        typer.echo(describe_rules(rule_id, guideline_path=guideline, output_format=output_format), nl=False)


def _app_for(args: list[str]) -> typer.Typer:
    """The app to run for ``args``: for a top-level command (lint, rules, render), a copy of the
    app holding that command alone, so typer builds one command instead of the whole tree (about
    10 ms of a lint that must feel instant); anything else (a group, --help, a typo) gets the
    whole app. The command, its options and its messages are the same objects either way."""
    import copy

    first = args[0] if args else None
    chosen = [c for c in app.registered_commands if c.name == first]
    if not chosen:
        return app
    lean = copy.copy(app)
    lean.registered_commands, lean.registered_groups = chosen, []
    return lean


def main() -> None:
    """Run the CLI; command-line mistakes are explained in Indonesian (exit 2)."""
    import os
    import sys

    from humaskit.clikit import localise_help, usage_error_types, usage_message

    usage_error, abort = usage_error_types()
    localise_help()
    try:
        code = _app_for(sys.argv[1:])(prog_name="humaskit", standalone_mode=False)
        code = code if isinstance(code, int) else 0
    except usage_error as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare group command: its help is the answer
            code = 0
        else:
            print(f"galat: {usage_message(exc)}", file=sys.stderr)
            code = 2
    except abort:
        print("Dihentikan.", file=sys.stderr)
        code = 130
    except Exception as exc:  # a bug, not bad input: still no traceback for humas staff
        if os.environ.get("HUMASKIT_DEBUG") == "1":
            raise
        print(f"galat: terjadi kesalahan internal humaskit ({type(exc).__name__}: {exc}). Jalankan ulang dengan "
              "HUMASKIT_DEBUG=1 untuk rinciannya dan laporkan ke pengelola humaskit.", file=sys.stderr)
        code = 2
    # Every file was written and closed by now; skipping the interpreter's teardown of the
    # loaded dictionary and lexicons saves ~40 ms of a lint that must feel instant.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
