"""Subscription feeds, per-feed UIDs of special days, every plan problem at once, distinct agency colours."""

from __future__ import annotations

from datetime import timedelta

import icalendar

from humaskit.calendar.api import build_calendar, write_outputs
from humaskit.errors import HumaskitError

from calhelp import NOW, write_plan


def test_stable_feeds_carry_the_month_refresh_hint_and_per_feed_day_uids(tmp_path, plans, guideline):
    out = tmp_path / "out"
    write_outputs(build_calendar(guideline, "2026-12", plans, draft_dirs=[plans / "drafts"]), out, NOW)
    city = (out / "kalender.ics").read_bytes()
    cal = icalendar.Calendar.from_ical(city)
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in city and b"\r\nX-PUBLISHED-TTL:PT6H\r\n" in city
    monthly = icalendar.Calendar.from_ical((out / "kalender-2026-12.ics").read_bytes())
    assert {str(e["UID"]) for e in cal.walk("VEVENT")} == {str(e["UID"]) for e in monthly.walk("VEVENT")}
    dinkes = icalendar.Calendar.from_ical((out / "kalender-dinkes.ics").read_bytes())
    natal = [str(e["UID"]) for c in (cal, dinkes) for e in c.walk("VEVENT") if str(e["SUMMARY"]) == "Hari Raya Natal"]
    assert len(natal) == 2 and natal[0] != natal[1]


def test_feeds_add_later_months_built_into_the_folder_and_rebuilds_are_identical(tmp_path, plans, guideline):
    out = tmp_path / "out"
    build = lambda month: build_calendar(guideline, month, plans, draft_dirs=[plans / "drafts"])
    write_outputs(build("2027-01"), out, NOW)
    write_outputs(build("2026-12"), out, NOW)
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(first["kalender.ics"]).walk("VEVENT")]
    assert "Hari Raya Natal" in summaries and "Tahun Baru Masehi" in summaries
    write_outputs(build("2026-12"), out, NOW + timedelta(days=2))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_every_problem_in_every_plan_at_once(tmp_path, guideline):
    folder = tmp_path / "plans"
    write_plan(folder, "dinkes.yaml", "agency: dinkes\nentries:\n  - title: Satu\n    date: 2026-12-32\n"
               "    platforms: [instagram]\n    priority: urgnt\n    warna: merah\n"
               "  - title: Dua\n    date: 2026-12-05\n    platforms: [instagrm]\n")
    write_plan(folder, "bpbd.yaml", "agency: bpbdx\nentries:\n  - {title: Tiga, date: 2026-13-01, platforms: [x]}\n")
    try:
        build_calendar(guideline, "2026-12", folder)
    except HumaskitError as exc:
        shown = [p.render() for p in exc.problems]
    keys = {p.split(": [", 1)[1].split("] ", 1)[0] for p in shown}
    assert keys == {"agency", "entries[0].date", "entries[0].priority", "entries[0].warna", "entries[1].platforms[0]"}
    assert sum("bpbd.yaml" in p for p in shown) == 2


def test_agency_colours_must_be_distinct(tmp_path):
    from humaskit.guideline import load_guideline

    path = tmp_path / "pedoman.yaml"
    path.write_text("extends: tasikmalaya\nagencies:\n  bapenda: {name: Bapenda, color: emas}\n"
                    "  dinsos: {name: Dinsos, color: merah-bata}\n", encoding="utf-8")
    try:
        load_guideline(path)
        raise AssertionError("duplicate colours accepted")
    except HumaskitError as exc:
        shown = "\n".join(p.render() for p in exc.problems)
    assert "agencies.bapenda.color" in shown and "disdik" in shown and "ΔE 0.0" in shown
    assert "agencies.dinsos.color" in shown and "warna libur kalender" in shown
