"""`humaskit serve`: start the desk, and `humaskit serve akun ...` to manage its accounts.

Only typer at top level: the main CLI imports this module at start-up, and `humaskit lint` must
not pay for Flask, waitress or sqlite3."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from humaskit.serve import LOOPBACK

app = typer.Typer(help="Meja humas di peramban: periksa draf, kalender, aduan, grafis dan pedoman untuk staf "
                       "yang tidak memakai terminal.", invoke_without_command=True)
akun_app = typer.Typer(help="Kelola akun meja humas (staf, desainer, koordinator).", no_args_is_help=True)
app.add_typer(akun_app, name="akun")

DATA = typer.Option(Path("meja-humas"), "--data", help="Folder data meja humas (basis data humaskit.db; basis "
                    "data yang sama untuk 'humaskit aduan --db').")
GUIDELINE = typer.Option(None, "--guideline", "-g", help="Berkas pedoman (bawaan: humaskit.yaml terdekat, "
                         "atau pedoman Kota Tasikmalaya).", show_default=False)
SANDI_STDIN = typer.Option(False, "--sandi-stdin", help="Baca kata sandi dari masukan standar (untuk skrip) "
                           "alih-alih menanyakannya.")


@app.callback()
def serve(
    ctx: typer.Context,
    data: Path = DATA,
    host: str = typer.Option("127.0.0.1", "--host", help="Alamat yang didengarkan; 0.0.0.0 untuk jaringan kantor."),
    port: int = typer.Option(8080, "--port", min=1, max=65535, help="Nomor port."),
    threads: int = typer.Option(8, "--threads", min=1, max=64, help="Jumlah utas pelayan."),
    https_proxy: bool = typer.Option(False, "--https-proxy", help="Meja humas berada di balik proksi HTTPS: "
                                     "kuki sesi hanya dikirim lewat HTTPS."),
    names: list[str] = typer.Option([], "--nama-host", help="Nama atau alamat yang boleh dipakai membuka meja "
                                    "humas (bisa diulang), misalnya humas.kantor.lan; bawaan: semua nama bila "
                                    "--host bukan komputer ini.", show_default=False),
    guideline: Optional[Path] = GUIDELINE,
) -> None:
    """Jalankan meja humas (bawaan: hanya untuk komputer ini, http://127.0.0.1:8080)."""
    if ctx.invoked_subcommand is not None:
        return
    from humaskit.clikit import user_errors

    with user_errors():
        create_app, server = _web_stack()
        from humaskit.guideline import resolve_guideline
        from humaskit.serve.desk import Desk

        rules = resolve_guideline(guideline)
        desk = Desk(data, create=True)
        accounts = len(desk.users())
        desk.close()
        # A Secure cookie is sent only over HTTPS, and by browsers also to http://127.0.0.1; on plain
        # http across the office network it would never come back, so it is Secure only where it works.
        secure = https_proxy or host in LOOPBACK
        hosts = None if host not in LOOPBACK and not names else (*LOOPBACK, *_host_names(names))
        application = create_app(data, rules, secure_cookies=secure, hosts=hosts)
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"Meja humas berjalan di http://{shown}:{port}/ (data: {data}). Tekan Ctrl-C untuk berhenti.")
        if not accounts:
            typer.echo("Belum ada akun: buat dulu dengan 'humaskit serve akun tambah NAMA --peran koordinator "
                       f"--data {data}'.", err=True)
        if host not in LOOPBACK and not https_proxy:
            typer.echo("Perhatian: lalu lintas di jaringan kantor tidak dienkripsi (HTTP). Pasang proksi HTTPS bila "
                       "jaringan tidak tepercaya, lalu jalankan dengan --https-proxy.", err=True)
        server(application, host=host, port=port, threads=threads, ident="humaskit")


def _web_stack():
    """(create_app, waitress.serve), or a clear message when the extra is not installed."""
    from humaskit.errors import HumaskitError

    try:
        from waitress import serve as waitress_serve

        from humaskit.serve.app import create_app
    except ImportError:
        raise HumaskitError.single("Meja humas memerlukan paket tambahan: pasang dengan "
                                   "pip install 'humaskit[desk]'.") from None
    return create_app, waitress_serve


def _host_names(names: list[str]) -> list[str]:
    import re

    from humaskit.errors import HumaskitError

    for name in names:
        if not re.fullmatch(r"\[?[A-Za-z0-9.:-]+\]?", name.strip()):
            raise HumaskitError.single(f"Nama host '{name}' tidak valid: tulis namanya saja, tanpa http:// atau "
                                       "garis miring, misalnya humas.kantor.lan.", key="--nama-host")
    return names


@akun_app.command("tambah")
def tambah(
    nama: str = typer.Argument(..., help="Nama akun (huruf kecil, angka, titik, garis bawah, tanda minus)."),
    peran: str = typer.Option(..., "--peran", help="staf, desainer, atau koordinator."),
    instansi: Optional[str] = typer.Option(None, "--instansi", help="Perangkat daerah akun staf (kunci di pedoman)."),
    sandi_stdin: bool = SANDI_STDIN,
    data: Path = DATA,
    guideline: Optional[Path] = GUIDELINE,
) -> None:
    """Tambah akun; kata sandi ditanyakan dua kali dan disimpan sebagai hash scrypt."""
    from humaskit.clikit import user_errors
    from humaskit.guideline import resolve_guideline
    from humaskit.serve.desk import Desk

    with user_errors():
        rules = resolve_guideline(guideline)
        password = _read_password(sandi_stdin)
        desk = Desk(data, create=True)
        desk.add_user(nama.strip(), peran.strip(), (instansi or "").strip() or None, password, rules)
        desk.close()
        typer.echo(f"Akun '{nama}' ({peran}{' ' + instansi if instansi else ''}) dibuat di {data}.")


def _ask_password() -> str:
    """Asked twice, with the mismatch message in Indonesian (click's own is in English)."""
    from humaskit.errors import HumaskitError

    for _ in range(3):
        password = typer.prompt("Kata sandi", hide_input=True)
        if typer.prompt("Ulangi kata sandi", hide_input=True) == password:
            return password
        typer.echo("Kedua kata sandi tidak sama; ulangi.", err=True)
    raise HumaskitError.single("Kata sandi tiga kali tidak sama; tidak ada yang diubah.")


def _read_password(from_stdin: bool) -> str:
    import sys

    return sys.stdin.readline().rstrip("\r\n") if from_stdin else _ask_password()


@akun_app.command("sandi")
def sandi(nama: str = typer.Argument(..., help="Nama akun."), sandi_stdin: bool = SANDI_STDIN,
          data: Path = DATA) -> None:
    """Atur ulang kata sandi akun (yang lupa kata sandinya); sesinya yang masih terbuka langsung berakhir."""
    from humaskit.clikit import user_errors
    from humaskit.serve.desk import Desk

    with user_errors():
        desk = Desk(data)
        desk.user_id(nama.strip())  # an unknown name is said before the password is asked for
        password = _read_password(sandi_stdin)
        desk.set_password(nama.strip(), password)
        desk.close()
        typer.echo(f"Kata sandi akun '{nama}' diganti; sesinya yang terbuka telah diakhiri.")


@akun_app.command("hapus")
def hapus(nama: str = typer.Argument(..., help="Nama akun."), data: Path = DATA) -> None:
    """Hapus akun; sesinya yang masih terbuka langsung berakhir."""
    from humaskit.clikit import user_errors
    from humaskit.serve.desk import Desk

    with user_errors():
        desk = Desk(data)
        desk.remove_user(nama.strip())
        desk.close()
        typer.echo(f"Akun '{nama}' dihapus.")


@akun_app.command("daftar")
def daftar(data: Path = DATA) -> None:
    """Tampilkan semua akun (tanpa kata sandi)."""
    from humaskit.clikit import user_errors
    from humaskit.serve.desk import Desk

    with user_errors():
        desk = Desk(data)
        for user in desk.users():
            typer.echo(f"{user['name']:<20} {user['role']:<12} {user['agency'] or '-':<14} {user['created']}")
        desk.close()
