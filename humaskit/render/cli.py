"""`humaskit render`: a thin client of :mod:`humaskit.render.api` (typer and stdlib only at import)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer


def render(
    template: Optional[str] = typer.Argument(None, help="Nama templat bawaan (misalnya pengumuman) atau berkas "
                                                        "templat YAML.", show_default=False),
    data: Optional[Path] = typer.Option(None, "--data", "-d", help="Isian: draf (.md: isian dari `fields:` "
                                        "di front matter), berkas YAML, atau CSV (satu grafis per baris).",
                                        show_default=False),
    size: List[str] = typer.Option(["all"], "--size", "-s", help="Ukuran: all, atau nama ukuran (boleh diulang "
                                   "atau dipisah koma), misalnya instagram-feed,story."),
    out: Path = typer.Option(Path("."), "--out", "-o", help="Folder keluaran (dibuat bila belum ada)."),
    fmt: str = typer.Option("png", "--format", "-f", help="Format keluaran: png atau jpeg."),
    quality: int = typer.Option(90, "--quality", "-q", min=1, max=100, help="Kualitas JPEG (1-100)."),
    alt: bool = typer.Option(False, "--alt", help="Tulis saran teks alternatif (.alt.txt) di samping tiap "
                             "gambar."),
    debug: bool = typer.Option(False, "--debug", help="Gambar kotak tiap lapisan dan zona aman, ke "
                             "berkas *.debug.png tersendiri (grafis unggahan tidak ditimpa)."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Jumlah proses paralel (0 = semua inti CPU)."),
    list_templates: bool = typer.Option(False, "--list", help="Tampilkan templat bawaan beserta isian dan "
                                        "ukurannya."),
    guideline: Optional[Path] = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: "
                                             "humaskit.yaml terdekat, atau pedoman Kota Tasikmalaya).",
                                             show_default=False),
) -> None:
    """Buat grafis unggahan bermerek dari templat: warna dan fon hanya dari pedoman, teks menyesuaikan kotaknya, satu berkas per ukuran platform.

    Contoh: humaskit render agenda --data examples/render/agenda.csv --size all --out grafis/

    Dari draf (.md): `fields:` di front matter berisi isian templat (nama isian: lihat --list), misalnya `fields: {hari: Hari Ibu, tanggal: 22 Desember 2026, ucapan: ...}`; `template:` menyebut templat (jadi boleh dihilangkan dari perintah); isian lain diambil dari draf menurut `draft:` di templat (title, caption, date, day), misalnya `hari-besar` dari `publish` dan takarir. Contoh: examples/render/hari-ibu.md.

    Sebelum digambar, teks setiap isian diperiksa aturan lint (nada, istilah, ejaan, tata bahasa): galat menghentikan butir itu, peringatan ditampilkan.

    Exit 0: semua grafis dibuat; 1: ada galat lint di teks grafis, atau sebagian butir gagal (yang lain tetap dibuat); 2: tidak ada yang dapat dibuat (templat, pedoman, data, atau opsi salah).
    """
    from humaskit.clikit import user_errors
    from humaskit.errors import HumaskitError
    from humaskit.guideline import resolve_guideline

    with user_errors():
        g = resolve_guideline(guideline)
        if list_templates:
            _list(g)
            return
        if not template and data is not None and data.suffix.lower() in (".md", ".markdown", ".txt"):
            from humaskit.draft import load_draft

            template = load_draft(data, guideline=g).template
        if not template or data is None:
            raise HumaskitError.single("Sebutkan templat dan --data, misalnya: humaskit render pengumuman "
                                       "--data pengumuman.yaml (lihat templat dengan --list).")
        fmt = fmt.lower()
        if fmt not in ("png", "jpeg", "jpg"):
            raise HumaskitError.single(f"Format '{fmt}' tidak dikenal; pilihan: png, jpeg.", key="--format")
        from humaskit.render.api import Options
        from humaskit.render.batch import render_file

        options = Options(fmt="png" if fmt == "png" else "jpeg", quality=quality, debug=debug, alt=alt)
        report = render_file(template, str(data), g, out, sizes=size, options=options, jobs=jobs,
                             progress=sys.stderr.isatty())
    for warning in report.warnings:
        typer.echo(f"peringatan: {warning}", err=True)
    for problem in report.failed:
        typer.echo(f"galat: {problem.render()}", err=True)
    failed_items = len({(p.path, p.line) for p in report.failed})
    summary = f"{len(report.written)} gambar ditulis ke {out}"
    if failed_items:
        summary += f"; {failed_items} dari {report.items} butir gagal"
    typer.echo(summary + ".")
    if report.exit_code:
        raise typer.Exit(report.exit_code)


def _list(guideline) -> None:
    from humaskit.render.template import load_template, template_names

    for name in template_names():
        template = load_template(name, guideline)
        fields = ", ".join(f"{k}{'' if v['required'] and v['default'] is None else '?'}"
                           for k, v in template.fields.items())
        typer.echo(f"{name}: {template.name}. Isian: {fields}. Ukuran: {', '.join(template.sizes)}.")
