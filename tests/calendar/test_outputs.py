"""The written calendar: golden bytes, RFC 5545 shape (parsed back by icalendar), stable UIDs,
SEQUENCE on change, byte-identical rebuilds, and the human overview."""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from humaskit.calendar.api import build_calendar, render_outputs, write_outputs

from calhelp import EXAMPLE_PLANS, NOW

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("HUMASKIT_REGEN") == "1"


@pytest.fixture(scope="module")
def example(guideline):
    return build_calendar(guideline, "2026-12", EXAMPLE_PLANS, draft_dirs=[EXAMPLE_PLANS / "drafts"])


@pytest.fixture(scope="module")
def files(example):
    return render_outputs(example, {}, NOW)


@pytest.mark.parametrize("name", ["kalender-2026-12.ics", "kalender-2026-12-dinsos.ics", "kalender-2026-12.csv"])
def test_golden_bytes(files, name):
    golden = GOLDEN / name
    if REGEN:
        golden.write_bytes(files[name])
    assert files[name] == golden.read_bytes(), f"{name} differs; if intended, rerun with HUMASKIT_REGEN=1"


def test_ics_parses_back_with_timezone_stamps_and_unique_uids(files, example):
    raw = files["kalender-2026-12.ics"]
    cal = icalendar.Calendar.from_ical(raw)
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Jakarta"
    events = cal.walk("VEVENT")
    assert len(events) == len(example.schedule.placements) + len(example.days)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(e.decoded("DTSTAMP") == NOW for e in events)
    timed = [e for e in events if isinstance(e.decoded("DTSTART"), datetime)]
    assert timed and all(e.decoded("DTSTART").utcoffset() == timedelta(hours=7) for e in timed)
    natal = [e for e in events if str(e["SUMMARY"]) == "Hari Raya Natal"]
    assert natal and natal[0].decoded("DTSTART") == datetime(2026, 12, 25).date()


def test_crlf_and_folding(files):
    raw = files["kalender-2026-12.ics"]
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines), "long descriptions must be folded"
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character


def test_every_agency_gets_its_own_calendar_with_holidays(files, example, guideline):
    for agency in guideline.agencies:
        cal = icalendar.Calendar.from_ical(files[f"kalender-2026-12-{agency}.ics"])
        summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
        assert "Hari Raya Natal" in summaries and "Cuti Bersama Hari Raya Natal" in summaries
        own = [p for p in example.schedule.placements if p.entry.agency == agency]
        assert len(summaries) == len(own) + len(example.days)


def test_unplanned_commemoration_days_are_added_as_to_be_written(example):
    added = {e.title: e.agency for e in example.added}
    assert added == {"Hari Bela Negara": "setda", "Hari Kesetiakawanan Sosial Nasional": "dinsos"}
    placed = {p.entry.title for p in example.schedule.placements if p.entry.to_write}
    assert set(added) <= placed


def test_rebuild_is_byte_identical_and_a_move_raises_sequence(tmp_path, plans, guideline):
    out = tmp_path / "out"
    build = lambda: build_calendar(guideline, "2026-12", plans, draft_dirs=[plans / "drafts"])
    write_outputs(build(), out, NOW)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    # A later clock changes nothing when nothing changed: stamps come from the state file.
    write_outputs(build(), out, NOW + timedelta(days=3))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first

    text = (plans / "bapenda.yaml").read_text()
    (plans / "bapenda.yaml").write_text(text.replace("date: 2026-12-28", "date: 2026-12-29"))
    later = NOW + timedelta(days=5)
    write_outputs(build(), out, later)
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(
        (out / "kalender-2026-12.ics").read_bytes()).walk("VEVENT")}
    before = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(first["kalender-2026-12.ics"]).walk("VEVENT")}
    assert events.keys() == before.keys()
    moved = [uid for uid in events if events[uid].decoded("DTSTART") != before[uid].decoded("DTSTART")]
    assert moved and all(".bapenda.pbb-jatuh-tempo." in uid for uid in moved)
    for uid, event in events.items():
        if uid in moved:
            assert event["SEQUENCE"] == 1 and event.decoded("DTSTAMP") == later
        else:
            assert event["SEQUENCE"] == 0 and event.decoded("DTSTAMP") == NOW


def test_overview_html_and_csv(files, example):
    html = files["kalender-2026-12.html"].decode()
    assert "Kalender Konten Desember 2026" in html
    assert html.count('class="holiday"') == 2  # 24 (cuti bersama) and 25 December
    assert "#1E8A5A" in html  # Dinkes's palette colour
    assert "Digeser dari pilihan pertama" in html
    raw = files["kalender-2026-12.csv"]
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    placed = [r for r in rows if r["jam"]]
    assert len(placed) == len(example.schedule.placements)
    assert all(re.fullmatch(r"\d\d:\d\d", r["jam"]) for r in placed)


def test_guideline_timezone_sets_the_vtimezone(tmp_path, plans):
    from humaskit.guideline import load_guideline

    from calhelp import write_guideline

    path = write_guideline(tmp_path, "  quiet_hours: {start: \"22:00\", end: \"05:00\"}\n")
    path.write_text(path.read_text() + "timezone: Asia/Makassar\n")
    result = build_calendar(load_guideline(path), "2026-12", plans, draft_dirs=[plans / "drafts"])
    cal = icalendar.Calendar.from_ical(render_outputs(result, {}, NOW)["kalender-2026-12.ics"])
    [zone] = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Makassar" and str(zone.walk("STANDARD")[0]["TZNAME"]) == "WITA"
    timed = [e for e in cal.walk("VEVENT") if isinstance(e.decoded("DTSTART"), datetime)]
    assert timed and all(e.decoded("DTSTART").utcoffset() == timedelta(hours=8) for e in timed)


def test_unlinked_draft_with_publish_is_scheduled_at_its_time(example):
    [placed] = [p for p in example.schedule.placements if p.entry.id == "draf-disdukcapil-layanan-akhir-tahun"]
    assert (placed.day.isoformat(), placed.minute, placed.platforms) == ("2026-12-21", 600, ("instagram", "facebook"))
    assert example.drafts[placed.entry.draft].failed is False


def test_unreadable_state_file_means_a_first_build(tmp_path, plans, guideline):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".kalender-2026-12.json").write_text("{rusak")
    result = build_calendar(guideline, "2026-12", plans, draft_dirs=[plans / "drafts"])
    write_outputs(result, out, NOW)
    cal = icalendar.Calendar.from_ical((out / "kalender-2026-12.ics").read_bytes())
    assert {e["SEQUENCE"] for e in cal.walk("VEVENT")} == {0}



def test_a_state_that_is_not_a_regular_file_means_a_first_build_and_is_never_opened(tmp_path):
    from humaskit.calendar.api import read_state

    os.mkfifo(tmp_path / "pipa.json")  # opened, it would wait for a writer for ever
    (tmp_path / "folder.json").mkdir()
    assert [read_state(tmp_path / name) for name in ("pipa.json", "folder.json", "hilang.json")] == [{}, {}, {}]


def test_csv_names_channels_as_a_person_reads_them(tmp_path, guideline):
    """Accounts and platforms by their names (as in the HTML), never the guideline keys, also for
    entries that could not be placed."""
    from calhelp import write_plan

    for agency, count in (("setda", 2), ("diskominfo", 1), ("dinkes", 2), ("dishub", 1), ("bpbd", 1)):
        entries = "".join(f"  - {{id: x{i}, title: Unggahan {agency} {i}, accounts: [pemkot-x], "
                          "platforms: [instagram], date: 2026-12-02}\n" for i in range(count))
        # pemkot-x has 5 slots a day: two of the seven are left over
        write_plan(tmp_path / "rencana", f"{agency}.yaml", f"agency: {agency}\nentries:\n{entries}")
    result = build_calendar(guideline, "2026-12", tmp_path / "rencana")
    assert len(result.schedule.unplaced) == 2
    raw = render_outputs(result, {}, NOW)["kalender-2026-12.csv"]
    rows = [r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))) if r["judul"].startswith("Unggahan")]
    left = [r for r in rows if r["status"] == "tidak terjadwal"]
    assert len(left) == 2 and all(r["akun"] == "X @pemkottsm" for r in left)
    assert {r["akun"] for r in rows} == {"X @pemkottsm", "akun sendiri: Instagram"}
    assert {r["platform"] for r in rows} <= {"X", "Instagram"}
    keys = set(guideline["calendar"]["shared_accounts"]) | set(guideline.platforms) | {"own"}
    assert not any(r[column] in keys for r in rows for column in ("akun", "platform"))


@pytest.mark.parametrize("count", [30, 3000])  # 3000: serialised on every core where there are several
def test_shared_serialisation_gives_the_bytes_of_serialising_each_event_whole(count):
    """Copies that differ only in UID reuse one serialisation with their own identity lines, and a
    large month is split over worker processes: the bytes are those of each event serialised alone,
    also where copies carry other stamps and UIDs long enough to fold."""
    from datetime import date

    from humaskit.calendar.ics import Event, Stamp, event_block, event_bytes

    day = Event(uid="", summary="Hari Ibu; libur, \\ cuti", start=date(2026, 12, 22), end=date(2026, 12, 23),
                description="Penanggung jawab: Dinas Sosial\nTagar: #HariIbu", categories=("Hari peringatan",))
    start = datetime(2026, 12, 1, 9)
    events = [Event(uid=f"2026-12.pd{i:05d}.e.own@pemerintah-kota-tasikmalaya.humaskit", summary=f"Unggahan {i}",
                    start=start, end=start + timedelta(minutes=30), description=f"Nomor {i}\nbaris kedua")
              for i in range(count)]
    events += [Event(**{**day.__dict__, "uid": f"20261222.peringatan.hari-ibu.{'x' * i}@kota.humaskit"})
               for i in range(40)]
    stamps = {e.uid: Stamp(i % 3, NOW + timedelta(days=i % 5)) for i, e in enumerate(events)}
    shared = event_bytes(events, stamps, "Asia/Jayapura")
    assert list(shared) == [e.uid for e in events]
    assert all(shared[e.uid] == event_block(e, stamps[e.uid], "Asia/Jayapura") for e in events)
    assert len({shared[e.uid] for e in events}) == len(events)
