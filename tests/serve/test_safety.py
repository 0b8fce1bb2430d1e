"""The desk's safety: CSRF on every form and the JSON endpoint, log-in rate limiting, sessions,
escaping of user text, upload limits, and where data is written."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys

import pytest

from deskhelp import PASSWORD
from support import REPO, loaded_by_lint

SCRIPT = "<script>alert('x')</script>"


@pytest.mark.parametrize("url, form", [
    ("/masuk", {"nama": "koor", "sandi": PASSWORD}),
    ("/aduan", {"kanal": "instagram", "kategori": "sampah", "teks": "x", "diterima": "2026-12-01T09:00"}),
    ("/kalender/usul", {"judul": "x"}),
    ("/kalender/usul/1", {"aksi": "setujui"}),
    ("/periksa", {"teks": "Halo"}),
    ("/grafis", {"aksi": "pratinjau"}),
    ("/keluar", {}),
    ("/akun/sandi", {"sandi_lama": PASSWORD, "sandi_baru": "sandi-baru-9876", "sandi_ulang": "sandi-baru-9876"}),
])
@pytest.mark.parametrize("token", [None, "salah"])
def test_every_form_needs_the_sessions_csrf_token(browser, url, form, token):
    koor = browser("koor")
    data = dict(form) if token is None else {**form, "csrf": token}
    response = koor.client.post(url, data=data)
    assert response.status_code == 400 and "Token formulir tidak cocok" in response.get_data(as_text=True)
    assert koor.get("/periksa").status_code == 200  # still signed in: nothing was done


def test_the_json_endpoint_needs_the_token_in_its_header(browser):
    siti = browser("siti")
    assert siti.client.post("/api/periksa", json={"teks": "Halo"}).status_code == 400
    assert siti.api("/api/periksa", {"teks": "Halo"}).status_code == 200


def test_log_in_is_rate_limited_per_account_and_lifted_after_the_window(browser, clock):
    b = browser()
    for _ in range(5):
        assert b.login("koor", "salah-sandi-123").status_code == 401
    blocked = b.login("koor")  # the right password, but too soon
    assert blocked.status_code == 429 and "Terlalu banyak percobaan" in blocked.get_data(as_text=True)
    assert browser().login("siti").status_code == 302  # another account is not blocked
    clock.now += 15 * 60 + 1
    assert b.login("koor").status_code == 302


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8080", "LocalHost.:8080", "[::1]:8080"])
def test_this_computers_names_open_the_desk(browser, host):
    page = browser().get("/masuk", headers={"Host": host})
    assert page.status_code == 200 and "Nama akun" in page.get_data(as_text=True)


@pytest.mark.parametrize("host", ["penyerang.example:8080", "127.0.0.1.penyerang.example", "localhost:8080@x",
                                  "[::1", "", "10.0.0.5:8080"])
def test_a_request_for_another_name_is_refused_when_bound_to_this_computer(browser, host):
    # DNS rebinding: a page of penyerang.example, its name now resolving to 127.0.0.1, calls the desk
    b = browser()
    page = b.get("/masuk", headers={"Host": host})
    assert page.status_code == 400 and "tidak melayani alamat" in page.get_data(as_text=True)
    api = b.client.post("/api/periksa", json={"teks": "Halo"}, headers={"Host": host})
    assert api.status_code == 400 and "localhost" in api.get_json()["error"]  # refused before anything else


def test_on_the_office_network_any_name_or_only_the_listed_ones(data_dir, guideline):
    from humaskit.serve import LOOPBACK
    from humaskit.serve.app import create_app

    anyone = create_app(data_dir, guideline, hosts=None).test_client()
    assert anyone.get("/masuk", headers={"Host": "192.168.1.20:8080"}).status_code == 200
    listed = create_app(data_dir, guideline, hosts=(*LOOPBACK, "Humas.Kantor.lan")).test_client()
    assert listed.get("/masuk", headers={"Host": "humas.kantor.lan:8080"}).status_code == 200
    assert listed.get("/masuk", headers={"Host": "127.0.0.1:8080"}).status_code == 200
    assert listed.get("/masuk", headers={"Host": "192.168.1.20:8080"}).status_code == 400


def test_a_host_name_with_a_scheme_is_refused_before_the_desk_starts(tmp_path):
    done = subprocess.run([sys.executable, "-m", "humaskit", "serve", "--data", str(tmp_path), "--host", "0.0.0.0",
                           "--nama-host", "http://humas.kantor.lan/"], capture_output=True, text=True, cwd=REPO,
                          timeout=60)
    assert done.returncode == 2 and "--nama-host" in done.stderr and "tanpa http://" in done.stderr


def _change(b, old=PASSWORD, new="sandi-baru-9876", again=None):
    return b.post("/akun/sandi", {"sandi_lama": old, "sandi_baru": new, "sandi_ulang": new if again is None else again})


def test_a_user_changes_their_own_password_and_their_other_sessions_end(browser):
    siti, elsewhere = browser("siti"), browser("siti")
    assert 'href="/akun/sandi"' in siti.get("/periksa").get_data(as_text=True)
    for answer, message in ((_change(siti, old="bukan-sandinya"), "Kata sandi lama salah"),
                            (_change(siti, again="sandi-lain-9876"), "tidak sama"),
                            (_change(siti, new="pendek"), "terlalu pendek: paling sedikit 10")):
        assert answer.status_code == 400 and message in answer.get_data(as_text=True)
    assert browser().login("siti").status_code == 302  # nothing changed yet
    done = _change(siti)
    assert done.status_code == 200 and "Kata sandi diganti" in done.get_data(as_text=True)
    assert siti.get("/periksa").status_code == 200  # this session goes on
    assert elsewhere.get("/periksa").status_code == 302  # the others end
    assert browser().login("siti").status_code == 401
    assert browser().login("siti", "sandi-baru-9876").status_code == 302
    assert browser().login("budi").status_code == 302  # another account is untouched


def test_wrong_old_passwords_count_as_failed_log_ins(browser):
    siti = browser("siti")
    for _ in range(5):
        assert _change(siti, old="tebakan-sandi-1").status_code == 400
    blocked = _change(siti)  # the right one, too soon
    assert blocked.status_code == 429 and "Tunggu 15 menit" in blocked.get_data(as_text=True)
    assert browser().login("siti").status_code == 429


def _cli_password(data_dir, name, password):
    return subprocess.run([sys.executable, "-m", "humaskit", "serve", "akun", "sandi", name, "--sandi-stdin",
                           "--data", str(data_dir)], input=password + "\n", capture_output=True, text=True, cwd=REPO)


def test_the_coordinator_resets_a_password_from_the_cli(browser, data_dir):
    siti = browser("siti")
    done = _cli_password(data_dir, "siti", "sandi-dari-koor-1")
    assert done.returncode == 0 and "diganti" in done.stdout, done.stderr
    assert siti.get("/periksa").status_code == 302  # the open session ended
    assert browser().login("siti").status_code == 401
    assert browser().login("siti", "sandi-dari-koor-1").status_code == 302
    for name, password, message in (("sitii", "sandi-dari-koor-1", "tidak ada"), ("siti", "pendek", "terlalu pendek")):
        refused = _cli_password(data_dir, name, password)
        assert refused.returncode == 2 and message in refused.stderr and "Traceback" not in refused.stderr
    assert browser().login("siti", "sandi-dari-koor-1").status_code == 302
    unknown = _cli_password(data_dir, "sitii", "")  # told before any password is asked for
    assert unknown.returncode == 2 and "tidak ada" in unknown.stderr


def test_the_as_you_type_check_is_limited_per_session_and_lifted_after_a_minute(browser, clock):
    from humaskit.serve.desk import LIMITS

    siti, other = browser("siti"), browser("siti")
    allowed, window = LIMITS["p"]
    assert allowed >= 240 and window == 60  # generous: typing, debounced at 250 ms, sends at most 240 a minute
    for _ in range(allowed):
        assert siti.api("/api/periksa", {"teks": "Halo"}).status_code == 200
    refused = siti.api("/api/periksa", {"teks": "Halo"})
    assert refused.status_code == 429 and "Terlalu banyak pemeriksaan" in refused.get_json()["error"]
    assert other.api("/api/periksa", {"teks": "Halo"}).status_code == 200  # per session, not per account
    assert siti.post("/periksa", {"teks": "Halo"}).status_code == 200  # the form is not the as-you-type check
    clock.now += window + 1
    assert siti.api("/api/periksa", {"teks": "Halo"}).status_code == 200


def test_an_older_desk_database_is_migrated_and_keeps_limiting_log_ins(data_dir, browser):
    db = sqlite3.connect(data_dir / "humaskit.db")  # as the first release of the desk left it
    db.executescript("DROP TABLE desk_events; CREATE TABLE desk_logins (key TEXT NOT NULL, at REAL NOT NULL);"
                     "CREATE INDEX desk_logins_key ON desk_logins(key, at); UPDATE desk_schema SET version = 1;")
    db.close()
    b = browser()
    for _ in range(5):
        assert b.login("koor", "salah-sandi-123").status_code == 401
    assert b.login("koor").status_code == 429
    tables = {r[0] for r in sqlite3.connect(data_dir / "humaskit.db").execute("SELECT name FROM sqlite_master")}
    assert "desk_events" in tables and "desk_logins" not in tables


def test_unknown_accounts_fail_like_wrong_passwords(browser):
    unknown, wrong = browser().login("tidak-ada"), browser().login("koor", "salah-sandi-123")
    assert unknown.status_code == wrong.status_code == 401
    for page in (unknown, wrong):  # one message for both: the page never tells which names exist
        assert "Nama akun atau kata sandi salah." in page.get_data(as_text=True)


def test_session_cookie_is_httponly_samesite_and_secure_when_asked(data_dir, guideline):
    from humaskit.serve.app import create_app

    client = create_app(data_dir, guideline, secure_cookies=True).test_client()
    cookie = client.get("/masuk").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_logging_out_ends_the_session_on_the_server(browser):
    siti = browser("siti")
    stolen = siti.client.get_cookie("humaskit_meja").value
    assert siti.post("/keluar").status_code == 302
    thief = browser()
    thief.client.set_cookie("humaskit_meja", stolen)
    assert thief.get("/periksa").status_code == 302


def test_a_removed_account_is_signed_out_at_once(browser, data_dir):
    siti = browser("siti")
    done = subprocess.run([sys.executable, "-m", "humaskit", "serve", "akun", "hapus", "siti", "--data", str(data_dir)],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert siti.get("/periksa").status_code == 302
    again = subprocess.run([sys.executable, "-m", "humaskit", "serve", "akun", "hapus", "sitii", "--data",
                            str(data_dir)], capture_output=True, text=True, cwd=REPO)
    assert again.returncode == 2 and "tidak ada" in again.stderr


def test_passwords_are_stored_as_scrypt_hashes(data_dir):
    assert data_dir.stat().st_mode & 0o077 == 0  # the data folder is the desk user's alone
    rows = sqlite3.connect(data_dir / "humaskit.db").execute("SELECT password FROM desk_users").fetchall()
    assert rows and all(r[0].startswith("scrypt$16384$8$1$") and PASSWORD not in r[0] for r in rows)


def test_a_script_in_a_caption_or_complaint_is_shown_as_text(browser):
    koor = browser("koor")
    page = koor.post("/periksa", {"teks": f"Info {SCRIPT} #KotaTasikmalaya", "platforms": "facebook"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and SCRIPT not in html and "&lt;script&gt;" in html
    done = koor.post("/aduan", {"kanal": "instagram", "kategori": "sampah", "teks": SCRIPT,
                                "diterima": "2026-12-01T09:00", "akun": '"><img src=x onerror=alert(1)>'})
    detail = koor.get(done.headers["Location"]).get_data(as_text=True)
    assert SCRIPT not in detail and "<img src=x" not in detail and "&lt;script&gt;" in detail
    assert "script-src 'self'" in koor.get("/periksa").headers["Content-Security-Policy"]


def _upload(b, name: str, data: bytes):
    return b.post("/periksa", {"berkas": (io.BytesIO(data), name), "platforms": "facebook"},
                  content_type="multipart/form-data")


def test_an_uploaded_draft_is_linted_with_its_front_matter(browser):
    siti = browser("siti")
    page = _upload(siti, "draf.md", "---\nplatforms: [facebook]\n---\nInfo gaes #KotaTasikmalaya\n".encode())
    assert page.status_code == 200 and "kata gaul" in page.get_data(as_text=True)


@pytest.mark.parametrize("name, data, status, message", [
    ("surat.docx", b"PK\x03\x04", 400, "dokumen pengolah kata"),
    ("poster.png", b"\x89PNG", 400, "Gambar bukan draf"),
    ("draf.txt", b"\xff\xfe\x00k", 400, "UTF-8"),
    ("draf.txt", b"a" * (3 * 1024 * 1024), 413, "melebihi 2 MB"),
])
def test_uploads_are_limited_in_type_and_size(browser, name, data, status, message):
    response = _upload(browser("siti"), name, data)
    assert response.status_code == status and message in response.get_data(as_text=True)


def test_a_path_in_pasted_front_matter_is_never_opened(browser, tmp_path):
    secret = tmp_path / "rahasia.png"
    secret.write_bytes(b"not an image")
    answer = browser("koor").api("/api/periksa", {"teks": f"---\nimage: {secret}\nalt: x\n---\nHalo"}).get_json()
    assert "tidak dibuka" in answer["problems"][0]
    assert not any(f["rule"].startswith("visual.") for f in answer["findings"])


def test_the_desk_writes_only_into_its_data_folder(browser, data_dir, tmp_path, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    koor = browser("koor")
    koor.post("/aduan", {"kanal": "instagram", "kategori": "sampah", "teks": "x", "diterima": "2026-12-01T09:00"})
    koor.post("/kalender/usul", {"instansi": "dinkes", "judul": "x", "teks": "y", "kanal": "platform:facebook",
                                 "tanggal": "2026-12-12", "jam": "09:00"})
    koor.get("/kalender/2026-12.ics")
    koor.post("/grafis?templat=agenda", {"isian-judul": "a", "isian-tanggal": "b", "isian-waktu": "c",
                                          "isian-tempat": "d", "aksi": "unduh"})
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "data"]
    assert {p.name for p in data_dir.iterdir()} <= {"humaskit.db", "humaskit.db-wal", "humaskit.db-shm", "unggahan"}


def test_lint_loads_no_part_of_the_web_stack():
    assert loaded_by_lint({"flask", "werkzeug", "waitress", "sqlite3"}) == []


@pytest.mark.parametrize("args, message", [
    (["staf-x", "--peran", "staf"], "harus punya perangkat daerah"),
    (["staf-x", "--peran", "staf", "--instansi", "dinkesx"], "tidak ada di pedoman"),
    (["koor2", "--peran", "koordinator", "--instansi", "dinkes"], "hanya untuk staf"),
    (["koor2", "--peran", "kordinator"], "tidak dikenal"),
    (["Koor Dua", "--peran", "koordinator"], "tidak valid"),
])
def test_account_mistakes_are_refused_in_indonesian(tmp_path, args, message):
    done = subprocess.run([sys.executable, "-m", "humaskit", "serve", "akun", "tambah", *args, "--sandi-stdin",
                           "--data", str(tmp_path)], input=PASSWORD + "\n", capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr


def test_a_short_password_or_a_taken_name_is_refused(data_dir, guideline):
    from humaskit.errors import HumaskitError
    from humaskit.serve.desk import Desk

    desk = Desk(data_dir)
    with pytest.raises(HumaskitError, match="terlalu pendek"):
        desk.add_user("baru", "desainer", None, "pendek", guideline)
    with pytest.raises(HumaskitError, match="sudah ada"):
        desk.add_user("koor", "desainer", None, PASSWORD, guideline)


def test_an_uploaded_image_gets_the_visual_checks_and_is_not_kept(browser, data_dir):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (250, 0, 200)).save(buffer, "PNG")  # small, wrong aspect, off-palette
    page = browser("siti").post("/periksa", {
        "teks": "Posyandu buka Sabtu. #KotaTasikmalaya #DinkesTasikmalaya", "platforms": "instagram",
        "alt": "Poster jadwal posyandu", "gambar": (io.BytesIO(buffer.getvalue()), "poster.png")},
        content_type="multipart/form-data")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Temuan pada gambar" in html and "visual." in html
    assert data_dir.joinpath("unggahan").is_dir() and list(data_dir.joinpath("unggahan").iterdir()) == []


def test_a_file_that_only_claims_to_be_an_image_is_refused(browser):
    page = browser("siti").post("/periksa", {"teks": "Halo", "gambar": (io.BytesIO(b"<svg onload=x>"), "a.png")},
                                content_type="multipart/form-data")
    assert page.status_code == 400 and "PNG atau JPEG" in page.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/kalender?bulan=2026-13", "/kalender/20x6-12.ics", "/kalender/1800-01/bulan.html",
                                 "/aduan/%00%ff", "/aduan/" + "A" * 5000, "/grafis?templat=%2e%2e", "/tidak-ada"])
def test_hostile_addresses_get_an_indonesian_page_not_a_crash(browser, url):
    response = browser("koor").get(url)
    assert response.status_code in (400, 404) and "<html lang=\"id\">" in response.get_data(as_text=True)


@pytest.mark.parametrize("body", [[], {"teks": 5}, {"teks": "x", "platforms": "instagram", "agency": 7},
                                  {"teks": "x", "agency": "tidak-ada"}, {"teks": "\x00"}, {"teks": "x" * 100_001}])
def test_hostile_json_is_refused_with_a_message(browser, body):
    response = browser("koor").api("/api/periksa", body)
    assert response.status_code in (200, 400) and response.is_json
    assert response.status_code == 200 or response.get_json()["error"]


def test_a_proposal_far_outside_the_calendar_years_is_refused(browser):
    response = browser("siti").post("/kalender/usul", {"judul": "x", "teks": "y", "kanal": "platform:facebook",
                                                       "tanggal": "9999-12-01", "jam": "09:00"})
    assert response.status_code == 400 and "Tanggal tidak valid" in response.get_data(as_text=True)


def test_a_bug_is_told_in_indonesian_without_a_traceback(app, browser, monkeypatch):
    import humaskit.serve.pedoman as pedoman

    app.config["TESTING"] = False  # as in production: the error handler answers, not the test client
    monkeypatch.setattr(pedoman, "_rules", lambda: 1 / 0)
    response = browser("koor").get("/pedoman")
    html = response.get_data(as_text=True)
    assert response.status_code == 500 and "kesalahan internal humaskit" in html and "ZeroDivision" not in html


def test_without_the_desk_extra_serve_says_what_to_install(tmp_path):
    probe = ("import sys\n"
             "sys.modules['waitress'] = None  # as if `pip install humaskit` without [desk]\n"
             "from humaskit.cli import main\n"
             f"sys.argv = ['humaskit', 'serve', '--data', {str(tmp_path / 'meja')!r}]\n"
             "main()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2 and "pip install 'humaskit[desk]'" in done.stderr
    assert not (tmp_path / "meja").exists()
