"""The desk's Flask application: log-in, sessions, CSRF, security headers and the role checks
every page goes through. The pages themselves live in one module each (periksa, aduan,
kalender, grafis, pedoman) and only call the library."""

from __future__ import annotations

import hmac
import threading
from pathlib import Path

from flask import Flask, abort, g, redirect, render_template, request, session, url_for

from humaskit.errors import HumaskitError
from humaskit.serve import LOOPBACK
from humaskit.serve.access import allowed, csrf_token, desk, nav, state
from humaskit.serve.desk import MIN_PASSWORD, ROLES, Desk, PaceLimit

MAX_UPLOAD = 2 * 1024 * 1024  # the largest request body: a draft or an image for the visual checks


def create_app(data_dir: str | Path, guideline, *, secure_cookies: bool = True, clock=None,
               hosts=LOOPBACK) -> Flask:
    """The desk over the data folder ``data_dir`` (made by `humaskit serve akun tambah`). Only
    requests whose Host header names one of ``hosts`` (any port) are answered; None answers any."""
    import time

    clock = clock or time.time
    first = Desk(data_dir, create=True, clock=clock)  # migrations run once, here
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=first.secret(),
        SESSION_COOKIE_NAME="humaskit_meja",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        MAX_CONTENT_LENGTH=MAX_UPLOAD,
        MAX_FORM_MEMORY_SIZE=MAX_UPLOAD,
        TEMPLATES_AUTO_RELOAD=False,
    )
    first.close()
    app.jinja_env.autoescape = True  # every template, whatever its name
    app.extensions["humaskit"] = {"guideline": guideline, "folder": Path(data_dir), "clock": clock,
                                  "pace": PaceLimit(clock), "local": threading.local(),
                                  "hosts": None if hosts is None else frozenset(map(host_name, hosts))}

    from humaskit.serve import aduan, grafis, kalender, pedoman, periksa

    for module in (periksa, aduan, kalender, grafis, pedoman):
        app.register_blueprint(module.pages)
    app.before_request(_check_host)
    app.before_request(_load_user)
    app.before_request(_check_csrf)
    app.after_request(_headers)
    app.context_processor(lambda: {"user": g.get("user"), "csrf": csrf_token(), "nav": nav(),
                                   "roles": ROLES, "guideline": guideline})
    app.register_error_handler(HumaskitError, _problem)
    for code in (400, 403, 404, 405, 413, 429):
        app.register_error_handler(code, _http_error)
    app.register_error_handler(500, _internal)
    app.add_url_rule("/", "home", lambda: redirect(url_for("periksa.page")))
    app.add_url_rule("/masuk", "login", _login, methods=["GET", "POST"])
    app.add_url_rule("/keluar", "logout", _logout, methods=["POST"])
    app.add_url_rule("/akun/sandi", "password", allowed("akun")(_password), methods=["GET", "POST"])
    return app


def host_name(host: str) -> str:
    """The name in a Host header or a --host option, without its port: 'LocalHost.:8080' and
    '[::1]:8080' are 'localhost' and '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def _check_host() -> None:
    allowed_hosts = state()["hosts"]
    if allowed_hosts is not None and host_name(request.host) not in allowed_hosts:
        abort(400, f"Meja humas ini tidak melayani alamat '{request.headers.get('Host', '')[:80]}'. Buka lewat "
                   f"{' atau '.join(sorted(allowed_hosts))}, dengan nomor port yang sama.")


def _load_user() -> None:
    token = session.get("token")
    g.user = desk().session(token) if isinstance(token, str) else None


def _check_csrf() -> None:
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf") or ""
    if not hmac.compare_digest(sent.encode(), csrf_token().encode()):
        abort(400, "Token formulir tidak cocok (halaman terlalu lama terbuka, atau formulir dari situs lain). "
                   "Muat ulang halaman lalu coba lagi.")


def _headers(response):
    # Everything is served from the package: no other origin is ever needed.
    response.headers.setdefault("Content-Security-Policy", (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'self'; form-action 'self'; base-uri 'none'"))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def _client_address() -> str:
    return request.remote_addr or "-"


def _login():
    message = None
    status = 200
    if request.method == "POST":
        name = request.form.get("nama", "").strip().lower()[:40]
        password = request.form.get("sandi", "")[:1000]
        d = desk()
        if d.login_blocked(name, _client_address()):
            message, status = "Terlalu banyak percobaan masuk yang gagal. Tunggu 15 menit lalu coba lagi.", 429
        else:
            tokens = d.login(name, password, _client_address())
            if tokens:
                session.clear()  # a new session on every log-in: no fixation
                session["token"] = tokens[0]
                target = request.args.get("lanjut", "")
                safe = target.startswith("/") and not target.startswith("//") and "\\" not in target
                return redirect(target if safe else url_for("periksa.page"))
            message, status = "Nama akun atau kata sandi salah.", 401
    no_accounts = not desk().users()
    return render_template("login.html", message=message, no_accounts=no_accounts), status


def _logout():
    token = session.get("token")
    if isinstance(token, str):
        desk().logout(token)
    session.clear()
    return redirect(url_for("login"))


def _password():
    """One's own password: the old one first (a wrong one counts as a failed log-in), the new one
    twice. Every other session of the account ends."""
    message, status, done = None, 200, False
    if request.method == "POST":
        d, name = desk(), g.user["name"]
        new = request.form.get("sandi_baru", "")[:1000]
        if d.login_blocked(name, _client_address()):
            message, status = "Terlalu banyak percobaan kata sandi yang salah. Tunggu 15 menit lalu coba lagi.", 429
        elif not d.password_matches(name, request.form.get("sandi_lama", "")[:1000]):
            message, status = "Kata sandi lama salah; kata sandi tidak diganti.", 400
        elif new != request.form.get("sandi_ulang", "")[:1000]:
            message, status = "Kedua kata sandi baru tidak sama; kata sandi tidak diganti.", 400
        else:
            try:
                d.set_password(name, new, keep_session=session["token"])
                done = True
            except HumaskitError as exc:  # too short
                message, status = " ".join(p.message for p in exc.problems), 400
    return render_template("sandi.html", message=message, done=done, minimum=MIN_PASSWORD), status


def _problem(error: HumaskitError):
    """Bad input from a form: the library's Indonesian message, on the page, with status 400."""
    return render_template("error.html", code=400, messages=[p.render() for p in error.problems]), 400


def _internal(error):
    """A bug, not bad input: logged with its traceback for the maintainer, told in Indonesian."""
    from flask import current_app

    current_app.logger.error("kesalahan internal humaskit pada %s", request.path,
                             exc_info=getattr(error, "original_exception", error))
    message = ("Terjadi kesalahan internal humaskit; tidak ada yang diubah oleh permintaan ini. Laporkan ke "
               "pengelola humaskit beserta waktu kejadiannya.")
    if request.path.startswith("/api/"):
        return {"error": message}, 500
    return render_template("error.html", code=500, title="Kesalahan internal", messages=[message]), 500


_TITLES = {400: "Permintaan tidak valid", 403: "Tidak diizinkan", 404: "Tidak ditemukan",
           405: "Cara membuka tidak didukung", 413: "Berkas terlalu besar", 429: "Terlalu banyak permintaan"}


def _http_error(error):
    code = getattr(error, "code", 400) or 400
    described = error.description if isinstance(error.description, str) else ""
    if code == 413:
        described = f"Berkas atau isian melebihi {MAX_UPLOAD // (1024 * 1024)} MB."
    elif code in (404, 405) or described.startswith(("The ", "You ", "Bad ")):
        described = _TITLES[code] + "."  # Werkzeug's own English descriptions are not shown
    if request.path.startswith("/api/"):
        return {"error": described}, code
    return render_template("error.html", code=code, title=_TITLES.get(code, "Galat"), messages=[described]), code
