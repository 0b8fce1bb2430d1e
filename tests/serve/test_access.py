"""Who may do what: every role against every page, and staff kept to their own agency's
complaints and proposals, through Flask's test client over a real database file."""

from __future__ import annotations

import re

import pytest

from deskhelp import ACCOUNTS

PAGES = {  # page: roles that open it
    "/periksa": {"staf", "desainer", "koordinator"},
    "/kalender": {"staf", "desainer", "koordinator"},
    "/aduan": {"staf", "koordinator"},
    "/grafis": {"desainer", "koordinator"},
    "/pedoman": {"staf", "desainer", "koordinator"},
    "/akun/sandi": {"staf", "desainer", "koordinator"},
}
COMPLAINT = {"kanal": "instagram", "kategori": "jalan-rusak", "teks": "Jalan di Cihideung berlubang.",
             "diterima": "2026-12-01T09:15"}


@pytest.mark.parametrize("name", list(ACCOUNTS))
@pytest.mark.parametrize("url", list(PAGES))
def test_each_role_opens_exactly_its_pages(browser, name, url):
    response = browser(name).get(url)
    assert response.status_code == (200 if ACCOUNTS[name][0] in PAGES[url] else 403)


@pytest.mark.parametrize("url", [*PAGES, "/kalender/2026-12.ics", "/aduan/TSM-202612-0001"])
def test_nobody_signed_in_is_sent_to_the_login(browser, url):
    response = browser().get(url)
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]


def _record(b, **values) -> str:
    response = b.post("/aduan", {**COMPLAINT, **values})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[1]


def _stage(data_dir, ticket: str) -> str:
    from humaskit.aduan.store import Store

    return Store(data_dir / "humaskit.db").complaint(ticket)["stage"]


def test_staff_see_and_move_only_their_agencys_complaints(browser, data_dir):
    koor, budi, siti = browser("koor"), browser("budi"), browser("siti")
    ticket = _record(koor)  # jalan-rusak belongs to dpupr (budi)
    assert ticket in budi.get("/aduan").get_data(as_text=True)
    assert budi.get(f"/aduan/{ticket}").status_code == 200
    assert ticket not in siti.get("/aduan").get_data(as_text=True)
    assert siti.get(f"/aduan/{ticket}").status_code == 403
    moved = siti.post(f"/aduan/{ticket}/tahap", {"tahap": "diverifikasi", "waktu": "2026-12-01T10:00"})
    assert moved.status_code == 403
    assert _stage(data_dir, ticket) == "diterima"
    assert budi.post(f"/aduan/{ticket}/tahap", {"tahap": "diverifikasi", "waktu": "2026-12-01T10:00"}).status_code == 302
    assert _stage(data_dir, ticket) == "diverifikasi"
    assert "<td>diverifikasi</td><td>budi</td>" in koor.get(f"/aduan/{ticket}").get_data(as_text=True)


def test_staff_record_complaints_for_their_own_agency_only(browser, data_dir):
    siti = browser("siti")
    ticket = _record(siti, instansi="dpupr")  # the form field is ignored for staff
    assert browser("budi").get(f"/aduan/{ticket}").status_code == 403
    assert "Dinas Kesehatan" in siti.get(f"/aduan/{ticket}").get_data(as_text=True)


def test_a_stage_the_guideline_forbids_is_refused_with_its_reason(browser):
    koor = browser("koor")
    ticket = _record(koor)
    response = koor.post(f"/aduan/{ticket}/tahap", {"tahap": "selesai", "waktu": "2026-12-01T10:00"})
    assert response.status_code == 400 and "melompati tahap wajib" in response.get_data(as_text=True)


def _propose(b, **values):
    form = {"judul": "Posyandu Desember", "teks": "Posyandu buka Sabtu pukul 08.00 WIB. #KotaTasikmalaya "
            "#DinkesTasikmalaya", "kanal": "platform:facebook", "tanggal": "2026-12-12", "jam": "09:00", **values}
    return b.post("/kalender/usul", form)


def test_proposals_stay_with_their_agency_until_the_coordinator_approves(browser):
    siti, budi, koor, desain = browser("siti"), browser("budi"), browser("koor"), browser("desain")
    assert _propose(siti).status_code == 302
    assert "Posyandu Desember" in siti.get("/kalender?bulan=2026-12").get_data(as_text=True)
    assert "Posyandu Desember" not in budi.get("/kalender?bulan=2026-12").get_data(as_text=True)
    assert "Posyandu Desember" not in desain.get("/kalender?bulan=2026-12").get_data(as_text=True)
    assert _propose(desain).status_code == 403
    assert siti.post("/kalender/usul/1", {"aksi": "setujui"}).status_code == 403
    assert b"Posyandu Desember" not in koor.get("/kalender/2026-12.ics").data
    assert koor.post("/kalender/usul/1", {"aksi": "setujui"}).status_code == 302
    ics = budi.get("/kalender/2026-12.ics").data  # the approved month is the city's shared schedule
    assert b"Posyandu Desember" in ics and b"DTSTART;TZID=Asia/Jakarta:20261212T090000" in ics
    assert b"Posyandu Desember" in budi.get("/kalender/2026-12/bulan.html").data
    assert b"Posyandu Desember" not in budi.get("/kalender/2026-12.ics?instansi=dpupr").data


def test_sending_a_proposal_back_needs_a_note_and_keeps_it_off_the_month(browser):
    siti, koor = browser("siti"), browser("koor")
    _propose(siti)
    assert koor.post("/kalender/usul/1", {"aksi": "kembalikan"}).status_code == 400
    assert koor.post("/kalender/usul/1", {"aksi": "kembalikan", "catatan": "Tambah foto kegiatan"}).status_code == 302
    assert "Tambah foto kegiatan" in siti.get("/kalender?bulan=2026-12").get_data(as_text=True)
    assert b"Posyandu Desember" not in koor.get("/kalender/2026-12.ics").data
    assert browser("budi").get("/kalender?bulan=2026-12&ubah=1").status_code == 403
    form = siti.get("/kalender?bulan=2026-12&ubah=1").get_data(as_text=True)
    assert 'name="ganti" value="1"' in form and "Posyandu Desember" in form
    assert _propose(siti, ganti="1", judul="Posyandu Desember (dengan foto)").status_code == 302
    assert koor.post("/kalender/usul/1", {"aksi": "setujui"}).status_code == 302
    assert b"Posyandu Desember (dengan foto)" in koor.get("/kalender/2026-12.ics").data
    assert _propose(siti, ganti="1").status_code == 400  # approved now: no longer open to change


@pytest.mark.parametrize("values, message", [
    ({"kanal": "akun:pemkot-x"}, "Pilih akun atau platform"),
    ({"jam": "23:00"}, "jam tenang"),
    ({"kanal": "akun:pemkot-instagram", "jam": "20:00"}, "Tidak ada slot"),
    ({"tanggal": "2026-02-30"}, "Tanggal tidak valid"),
])
def test_a_proposal_the_calendar_rules_cannot_place_is_refused(browser, values, message):
    b = browser("budi")  # dpupr may not use the shared X account
    response = _propose(b, **values)
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_staff_may_not_lint_as_another_agency(browser):
    siti = browser("siti")
    assert siti.api("/api/periksa", {"teks": "Halo", "agency": "dpupr"}).status_code == 403
    answer = siti.api("/api/periksa", {"teks": "---\nagency: dpupr\n---\nHalo"}).get_json()
    assert answer["findings"] == [] and "hanya untuk 'dinkes'" in answer["problems"][0]


def test_graphics_are_previewed_and_downloaded_by_designers_only(browser, guideline):
    import io
    import zipfile

    from humaskit.render.template import load_template

    form = {"isian-judul": "Rapat Koordinasi", "isian-tanggal": "Sabtu, 5 Desember 2026", "isian-waktu": "09.00 WIB",
            "isian-tempat": "Balai Kota", "instansi": "dinkes"}
    desain = browser("desain")
    preview = desain.post("/grafis?templat=agenda", {**form, "ukuran": "story", "aksi": "pratinjau"})
    assert preview.status_code == 200 and b'src="data:image/png;base64,iVBOR' in preview.data
    archive = desain.post("/grafis?templat=agenda", {**form, "ukuran": "all", "aksi": "unduh"})
    names = zipfile.ZipFile(io.BytesIO(archive.data)).namelist()
    assert archive.mimetype == "application/zip" and "agenda-rapat-koordinasi-story.png" in names
    assert len([n for n in names if n.endswith(".png")]) == len(load_template("agenda", guideline).sizes) > 1
    missing = desain.post("/grafis?templat=agenda", {**form, "isian-tempat": "", "aksi": "pratinjau"})
    assert missing.status_code == 400 and "wajib diisi" in missing.get_data(as_text=True)
    live = desain.client.post("/api/grafis?templat=agenda", data={**form, "ukuran": "all"},
                              headers={"X-CSRF-Token": desain.csrf}).get_json()
    assert live["errors"] == [] and live["src"].startswith("data:image/png;base64,") and "Balai Kota" in live["alt"]
    half = desain.client.post("/api/grafis?templat=agenda", data={"isian-judul": "Rapat"},
                              headers={"X-CSRF-Token": desain.csrf}).get_json()
    assert "src" not in half and any("wajib diisi" in e for e in half["errors"])
    assert browser("siti").post("/grafis?templat=agenda", {**form, "aksi": "unduh"}).status_code == 403
    assert desain.get("/grafis?templat=../../etc/passwd").status_code == 404


def test_subscription_feeds_need_no_log_in_but_their_secret_address(browser, app):
    import re
    from datetime import date

    today = date.today()
    later = date(today.year + (today.month == 12), today.month % 12 + 1, 12)
    siti, koor = browser("siti"), browser("koor")
    _propose(siti, tanggal=f"{today:%Y-%m}-12", judul="Posyandu bulan ini")
    _propose(siti, tanggal=later.isoformat(), judul="Posyandu bulan depan")
    for number in (1, 2):
        koor.post(f"/kalender/usul/{number}", {"aksi": "setujui"})
    page = siti.get("/kalender").get_data(as_text=True)
    urls = re.findall(r"<code>http://localhost(/langganan/[0-9a-f]{32}/kalender(?:-[a-z]+)?\.ics)</code>", page)
    assert len(urls) == 2 and urls[1].endswith("/kalender-dinkes.ics")  # the city's and her agency's only
    for url in urls:
        feed = browser().get(url)  # a calendar app: no cookie
        assert feed.status_code == 200 and feed.mimetype == "text/calendar"
        assert b"REFRESH-INTERVAL" in feed.data
        assert b"Posyandu bulan ini" in feed.data and b"Posyandu bulan depan" in feed.data
    assert browser().get(urls[0].replace(urls[0][12:20], "00000000")).status_code == 404
    assert browser().get(urls[1].replace("kalender-dinkes", "kalender-dpupr")).status_code == 404


def test_a_reply_is_drafted_from_the_stage_template_and_linted_for_its_agency_only(browser):
    koor, budi, siti = browser("koor"), browser("budi"), browser("siti")
    ticket = _record(koor, akun="@warga_cihideung")
    page = budi.post(f"/aduan/{ticket}/jawaban")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and ticket in html.split('id="jawaban"')[1].split("</textarea>")[0]
    assert 'name="kind" value="reply"' in html and 'id="temuan-jawaban"' in html
    assert "@warga_cihideung" not in html.split('id="jawaban"')[1].split("</textarea>")[0]
    assert siti.post(f"/aduan/{ticket}/jawaban").status_code == 403


def test_the_monthly_report_is_the_coordinators_and_the_public_one_has_no_personal_data(browser):
    koor = browser("koor")
    _record(koor, akun="@warga_cihideung", nama="Ibu Sari Rahayu")
    full = koor.get("/aduan/laporan?bulan=2026-12")
    public = koor.get("/aduan/laporan?bulan=2026-12&publik=1")
    assert full.status_code == public.status_code == 200 and full.mimetype == "text/html"
    assert b"TSM-202612-0001" in public.data
    assert b"Sari Rahayu" not in public.data and b"warga_cihideung" not in public.data
    csv = koor.get("/aduan/laporan?bulan=2026-12&format=csv")
    assert csv.mimetype == "text/csv" and '"TSM-202612-0001","DPUPR","Jalan rusak"' in csv.get_data(as_text=True)
    assert browser("budi").get("/aduan/laporan?bulan=2026-12").status_code == 403
    assert koor.get("/aduan/laporan?bulan=2026-13").status_code == 400


def test_the_handbook_opens_from_pedoman_for_a_signed_in_user_only(browser):
    koor = browser("koor")
    assert 'href="/pedoman/buku"' in koor.get("/pedoman").get_data(as_text=True)
    response = koor.get("/pedoman/buku")
    assert response.status_code == 200 and "Daftar isi" in response.get_data(as_text=True)
    assert "script-src" not in response.headers["Content-Security-Policy"]  # the book runs no script
    assert browser().get("/pedoman/buku").status_code == 302


def test_pedoman_searches_the_rules_and_the_handbook(browser):
    koor = browser("koor")
    everything = koor.get("/pedoman").get_data(as_text=True).count('<article class="rule"')
    html = koor.get("/pedoman?cari=gaes").get_data(as_text=True)
    # 'gaes' is in the book's word lists, not in any rule's text: two chapters, linked by their anchors
    assert re.findall(r'<li><a href="/pedoman/buku#([a-z-]+)">', html) == ["kata", "lampiran"]
    assert "gaes → Sahabat" in html and "<article" not in html
    book = koor.get("/pedoman/buku").get_data(as_text=True)
    assert 'id="kata"' in book and 'id="lampiran"' in book
    emoji = koor.get("/pedoman?cari=Emoji  TONE.emoji").get_data(as_text=True)  # every word, any case
    found = re.findall(r'<article class="rule" id="([^"]+)"', emoji)
    assert found and len(found) < everything and all(rule.startswith("tone.emoji") for rule in found)
    nothing = koor.get("/pedoman?cari=zzqxv").get_data(as_text=True)
    assert "0 bab buku pedoman dan 0 aturan memuat" in nothing and "<article" not in nothing


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "%", "x" * 5000, "\u202e tagar"])
def test_a_hostile_search_is_shown_as_text(browser, query):
    response = browser("siti").get("/pedoman", query_string={"cari": query})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<script>alert" not in html and "x" * 201 not in html
