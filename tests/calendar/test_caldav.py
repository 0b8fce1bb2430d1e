"""A real CalDAV server (Radicale on 127.0.0.1, temporary storage): the generated calendar is
accepted, read back with the right event count, and a rebuild after moving one entry updates
that event in place instead of duplicating it."""

from __future__ import annotations

import base64
import hashlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from xml.etree import ElementTree

import icalendar
import pytest

from humaskit.calendar.api import build_calendar, write_outputs

from calhelp import NOW

AUTH = "Basic " + base64.b64encode(b"humas:rahasia").decode()
PROPFIND = b'<?xml version="1.0"?><propfind xmlns="DAV:"><prop><getetag/></prop></propfind>'
REPORT = (b'<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
          b'<D:prop><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR">'
          b'<C:comp-filter name="VEVENT"/></C:comp-filter></C:filter></C:calendar-query>')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def radicale(tmp_path):
    port = _free_port()
    log = (tmp_path / "radicale.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", "", "--server-hosts", f"127.0.0.1:{port}",
         "--auth-type", "none", "--storage-filesystem-folder", str(tmp_path / "storage"),
         "--logging-level", "warning"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert proc.poll() is None, (tmp_path / "radicale.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "Radicale did not start"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


def dav(method: str, url: str, body: bytes | None = None, **headers) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, method=method, headers={"Authorization": AUTH, **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def split_events(ics: bytes) -> dict[str, bytes]:
    """One VCALENDAR per event (with the VTIMEZONE), keyed by UID: what a sync client uploads."""
    head, *blocks = ics.split(b"BEGIN:VEVENT\r\n")
    blocks[-1] = blocks[-1].removesuffix(b"END:VCALENDAR\r\n")
    out = {}
    for block in blocks:
        item = head + b"BEGIN:VEVENT\r\n" + block + b"END:VCALENDAR\r\n"
        [event] = icalendar.Calendar.from_ical(item).walk("VEVENT")
        out[str(event["UID"])] = item
    return out


def href(uid: str) -> str:
    return hashlib.sha256(uid.encode()).hexdigest()[:24] + ".ics"


def count(collection: str) -> int:
    status, body = dav("PROPFIND", collection, PROPFIND, Depth="1", **{"Content-Type": "application/xml"})
    assert status == 207, body
    return body.count(b"<response>") - 1  # minus the collection itself


def upload_each(collection: str, ics: bytes) -> dict[str, bytes]:
    events = split_events(ics)
    for uid, item in events.items():
        status, body = dav("PUT", collection + href(uid), item, **{"Content-Type": "text/calendar; charset=utf-8"})
        assert status in (201, 204), (uid, status, body)
    return events


def server_events(collection: str) -> dict[str, icalendar.Event]:
    status, body = dav("REPORT", collection, REPORT, Depth="1", **{"Content-Type": "application/xml"})
    assert status == 207, body
    events = {}
    for data in ElementTree.fromstring(body).iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
        for event in icalendar.Calendar.from_ical(data.text).walk("VEVENT"):
            events[str(event["UID"])] = event
    return events


def test_upload_read_back_and_update_in_place(radicale, plans, tmp_path, guideline):
    out = tmp_path / "out"
    build = lambda: build_calendar(guideline, "2026-12", plans, draft_dirs=[plans / "drafts"])
    write_outputs(build(), out, NOW)
    first = (out / "kalender-2026-12.ics").read_bytes()

    collection = f"{radicale}/humas/kalender-2026-12/"
    assert dav("MKCALENDAR", collection)[0] == 201
    uploaded = upload_each(collection, first)
    assert count(collection) == len(uploaded) == first.count(b"BEGIN:VEVENT")
    assert set(server_events(collection)) == set(uploaded)

    # The coordinator moves one entry and rebuilds into the same folder.
    plan = plans / "bapenda.yaml"
    plan.write_text(plan.read_text().replace("date: 2026-12-28", "date: 2026-12-29"))
    write_outputs(build(), out, NOW + timedelta(days=1))
    second = (out / "kalender-2026-12.ics").read_bytes()
    assert set(split_events(second)) == set(uploaded)  # same UIDs: nothing new, nothing lost
    upload_each(collection, second)

    assert count(collection) == len(uploaded)
    stored = server_events(collection)
    moved = {uid: e for uid, e in stored.items() if e["SEQUENCE"] == 1}
    assert moved and all(".bapenda.pbb-jatuh-tempo." in uid for uid in moved)
    for event in moved.values():
        assert event.decoded("DTSTART").date().day == 29
    assert all(e["SEQUENCE"] == 0 for uid, e in stored.items() if uid not in moved)


def test_whole_calendar_upload(radicale, plans, tmp_path, guideline):
    """Clients that import the file in one go (PUT of the whole VCALENDAR) see every event once."""
    out = tmp_path / "out"
    write_outputs(build_calendar(guideline, "2026-12", plans, draft_dirs=[plans / "drafts"]), out, NOW)
    ics = (out / "kalender-2026-12-dinkes.ics").read_bytes()
    collection = f"{radicale}/humas/dinkes/"
    status, body = dav("PUT", collection, ics, **{"Content-Type": "text/calendar; charset=utf-8"})
    assert status in (201, 204), body
    assert count(collection) == ics.count(b"BEGIN:VEVENT")
    status, body = dav("PUT", collection, ics, **{"Content-Type": "text/calendar; charset=utf-8"})
    assert status in (201, 204), body
    assert count(collection) == ics.count(b"BEGIN:VEVENT")
