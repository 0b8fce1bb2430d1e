"""The desk as staff use it: a real `humaskit serve` on a free port of 127.0.0.1 and the system
Chromium driven by Playwright. Set HUMASKIT_SCREENSHOTS=docs/img to refresh the README's pictures."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deskhelp import PASSWORD
from support import REPO

from browser import launch, playwright

expect = playwright.expect
SHOTS = os.environ.get("HUMASKIT_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _humaskit(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "humaskit", *args], capture_output=True, text=True, cwd=REPO,
                          **kwargs)


@pytest.fixture
def server(tmp_path):
    data = tmp_path / "meja"
    for name, role, agency in (("koor", "koordinator", None), ("siti", "staf", "dinkes"), ("budi", "staf", "dpupr"),
                               ("desain", "desainer", None)):
        extra = ["--instansi", agency] if agency else []
        done = _humaskit("serve", "akun", "tambah", name, "--peran", role, *extra, "--sandi-stdin",
                         "--data", str(data), input=PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")  # a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen([sys.executable, "-m", "humaskit", "serve", "--data", str(data), "--port", str(port)],
                               cwd=REPO, stdout=log, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60  # a generous bound: the server only has to start
    while True:
        try:
            urllib.request.urlopen(url + "/masuk", timeout=5).read()
            break
        except OSError:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "the desk did not start"
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=30)
    log.close()
    assert "Traceback" not in (tmp_path / "serve.log").read_text()


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"serve-{name}.png"), full_page=True)


def _login(page, url: str, name: str) -> None:
    page.goto(url + "/masuk")
    page.fill("input[name=nama]", name)
    page.fill("input[name=sandi]", PASSWORD)
    page.click("button:has-text('Masuk')")
    page.wait_for_url(url + "/periksa")


def test_staff_types_a_caption_sees_the_finding_marked_and_applies_its_fix(server):
    with playwright.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        _login(page, server, "siti")
        page.click("#teks")
        page.keyboard.type("Info penting, posyandu gak buka Senin. Datang Sabtu pukul 08.00 WIB. #KotaTasikmalaya")
        mark = page.locator("#sorot mark", has_text="gak")
        mark.wait_for()
        assert "kata gaul" in mark.get_attribute("title")
        assert page.locator("#hitungan").inner_text().startswith(("Instagram", "Facebook"))
        _shot(page, "periksa")
        item = page.locator("#temuan li", has_text="'gak'")
        item.locator("button.fix").click()
        expect(page.locator("#teks")).to_have_value(re.compile(r"^Info penting, posyandu tidak buka Senin"))
        expect(page.locator("#sorot mark", has_text="gak")).to_have_count(0)
        page.click("#terapkan-semua")  # the agency's required hashtag and 'informasi'
        expect(page.locator("#teks")).to_have_value(re.compile(r"^Informasi penting, posyandu tidak.*#DinkesTasikmalaya$"))
        expect(page.locator("#temuan li", has_text="Tagar wajib")).to_have_count(0)
        browser.close()


def test_a_post_is_proposed_approved_and_a_complaint_answered_by_the_right_people(server):
    with playwright.sync_playwright() as p:
        browser = launch(p)
        staff = browser.new_page(viewport={"width": 1200, "height": 900})
        _login(staff, server, "siti")
        staff.goto(server + "/kalender?bulan=2026-12")
        staff.fill("input[name=judul]", "Posyandu Desember")
        staff.select_option("select[name=kanal]", "platform:facebook")
        staff.fill("input[name=tanggal]", "2026-12-12")
        staff.fill("input[name=jam]", "09:00")
        staff.fill("textarea[name=teks]", "Posyandu buka Sabtu pukul 08.00 WIB. #KotaTasikmalaya #DinkesTasikmalaya")
        staff.click("button:has-text('Ajukan')")
        expect(staff.locator("table")).to_contain_text("menunggu persetujuan")

        coordinator = browser.new_page(viewport={"width": 1200, "height": 1000})
        _login(coordinator, server, "koor")
        coordinator.goto(server + "/kalender?bulan=2026-12")
        coordinator.click("button:has-text('Setujui')")
        expect(coordinator.locator("table")).to_contain_text("disetujui")
        month = coordinator.frame_locator("iframe.month")
        expect(month.locator("body")).to_contain_text("Posyandu Desember")
        _shot(coordinator, "kalender")
        with coordinator.expect_download() as download:
            coordinator.click("text=Unduh .ics kota")
        assert b"Posyandu Desember" in Path(download.value.path()).read_bytes()

        # a complaint about a road belongs to DPUPR: recorded by the coordinator, answered by DPUPR's staff
        coordinator.goto(server + "/aduan")
        coordinator.select_option("select[name=kategori]", "jalan-rusak")
        coordinator.fill("input[name=diterima]", "2026-12-01T09:15")
        coordinator.fill("textarea[name=teks]", "Jalan di Cihideung berlubang <b>besar</b>.")
        coordinator.click("button:has-text('Catat')")
        expect(coordinator.locator("h1")).to_contain_text("Pengaduan TSM-202612-")
        ticket = coordinator.locator("h1").inner_text().split()[-1]
        expect(coordinator.locator("blockquote")).to_have_text("Jalan di Cihideung berlubang <b>besar</b>.")
        _shot(coordinator, "aduan")

        road = browser.new_page()
        _login(road, server, "budi")
        road.goto(f"{server}/aduan/{ticket}")
        road.select_option("select[name=tahap]", "diverifikasi")
        road.fill("input[name=waktu]", "2026-12-01T10:00")
        road.click("button:has-text('Simpan')")
        expect(road.locator("table")).to_contain_text("diverifikasi")
        road.click("button:has-text('Susun jawaban')")  # the answer, from the stage's template, linted
        expect(road.locator("#jawaban")).to_contain_text(ticket)
        expect(road.locator("#temuan-jawaban")).to_be_visible()
        answer = staff.goto(f"{server}/aduan/{ticket}")  # Dinkes' staff may not open it
        assert answer.status == 403
        expect(staff.locator("h1")).to_have_text("Tidak diizinkan")

        designer = browser.new_page(viewport={"width": 1200, "height": 1100})
        _login(designer, server, "desain")
        designer.goto(server + "/grafis?templat=agenda")
        for name, value in (("judul", "Rapat Koordinasi"), ("tanggal", "Sabtu, 5 Desember 2026"),
                            ("waktu", "09.00 WIB"), ("tempat", "Balai Kota")):
            designer.fill(f"textarea[name=isian-{name}]", value)
        # the preview follows the form without a click
        expect(designer.locator("figure.preview img")).to_have_attribute("alt", re.compile("Balai Kota"))
        assert designer.locator("figure.preview img").get_attribute("src").startswith("data:image/png;base64,")
        _shot(designer, "grafis")
        with designer.expect_download() as download:
            designer.click("button:has-text('Unduh')")
        assert download.value.suggested_filename == "agenda-rapat-koordinasi-instagram-feed.png"
        assert Path(download.value.path()).read_bytes().startswith(b"\x89PNG")

        designer.goto(server + "/pedoman?cari=gaes")  # the handbook, searched
        expect(designer.locator("main")).to_contain_text("gaes")
        _shot(designer, "pedoman")
        designer.click("main a[href*='/pedoman/buku#']")
        expect(designer.locator("h1").first).to_contain_text("Pedoman Komunikasi Publik")
        browser.close()


def test_the_real_server_refuses_a_rebound_name(server):
    # a page of penyerang.example whose name now resolves to 127.0.0.1: the browser sends its own name
    asked = urllib.request.Request(server + "/masuk", headers={"Host": "penyerang.example:8080"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(asked, timeout=30)
    assert refused.value.code == 400 and "tidak melayani alamat" in refused.value.read().decode()
    assert urllib.request.urlopen(server + "/masuk", timeout=30).status == 200
