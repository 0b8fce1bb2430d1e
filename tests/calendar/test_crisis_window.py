"""Crisis windows in the plans: routine and momentum posts are postponed out of them with the reason,
crisis posts take the earliest slots, and bad windows are input errors naming file and line."""

from __future__ import annotations

from datetime import date, datetime

from humaskit.calendar.crisis import Crisis
from humaskit.calendar.schedule import schedule

from calhelp import write_plan
from test_schedule import DEC, at, entry

FLOOD = Crisis("Banjir Cipedes", datetime(2026, 12, 10, 6, 0), datetime(2026, 12, 11, 18, 0))


def test_routine_and_momentum_posts_are_postponed_with_the_reason(guideline):
    routine = entry("rutin", agency="dinsos", day=10, window=(540, 540))
    momentum = entry("peringatan", agency="disdik", day=11, window=(420, 420), priority="momentum")
    result = schedule([routine, momentum], guideline, DEC, 31, [FLOOD])
    times = at(result)
    assert times[("rutin", "pemkot-instagram")] == (12, 540)
    assert times[("peringatan", "pemkot-instagram")] == (12, 420)
    notes = {p.entry.id: p.note for p in result.conflicts}
    assert notes["rutin"].startswith("ditunda: masa krisis 'Banjir Cipedes' (2026-12-10 06:00 s.d. 2026-12-11 18:00)")
    assert notes["peringatan"].startswith("ditunda: masa krisis")
    assert not result.unplaced


def test_a_range_that_outlasts_the_crisis_keeps_its_first_free_time_after_it(guideline):
    routine = entry("rutin", agency="dinsos", day=11, until=13, window=(420, 1259))
    result = schedule([routine], guideline, DEC, 31, [FLOOD])
    assert at(result)[("rutin", "pemkot-instagram")] == (11, 19 * 60)  # the 19:00 slot, after 18:00


def test_announcements_and_other_agencies_are_not_held_back(guideline):
    local = Crisis("Banjir Cipedes", FLOOD.start, FLOOD.end, ("bpbd", "dinsos"))
    announcement = entry("pengumuman", agency="dinsos", day=10, window=(540, 540), priority="announcement")
    other = entry("lain", agency="dishub", day=10, window=(720, 720))
    routine = entry("rutin", agency="dinsos", day=10, window=(900, 1259))
    times = at(schedule([announcement, other, routine], guideline, DEC, 31, [local]))
    assert times[("pengumuman", "pemkot-instagram")] == (10, 540)
    assert times[("lain", "pemkot-instagram")] == (10, 720)
    assert times[("rutin", "pemkot-instagram")] == (11, 19 * 60)


def test_crisis_posts_take_the_earliest_slots(guideline):
    urgent = entry("mendesak", agency="dishub", day=10, window=(420, 1259), priority="urgent")
    crisis = [entry(f"krisis-{i}", agency="bpbd", day=10, window=(420, 1259), priority="crisis") for i in range(2)]
    result = schedule([urgent, *crisis], guideline, DEC, 31, [FLOOD])
    times = at(result)
    # bpbd's two posts need 120 minutes between them: 07:00 and 09:00; the urgent post takes 12:00
    assert sorted(times[(f"krisis-{i}", "pemkot-instagram")] for i in range(2)) == [(10, 420), (10, 540)]
    assert times[("mendesak", "pemkot-instagram")] == (10, 720)


def test_a_crisis_post_on_its_own_account_goes_out_in_quiet_hours(guideline):
    night = (22 * 60 + 30, 22 * 60 + 30)  # 22:30, inside the quiet hours 21:00–06:00
    alert = entry("siaga-malam", agency="bpbd", day=10, window=night, accounts=(), platforms=("instagram",),
                  priority="crisis")
    routine = entry("rutin-malam", agency="bpbd", day=12, window=night, accounts=(), platforms=("instagram",))
    result = schedule([alert, routine], guideline, DEC, 31, [FLOOD])
    assert at(result)[("siaga-malam", "own")] == (10, 22 * 60 + 30)
    assert ("rutin-malam", "own") not in at(result)  # quiet hours still hold for everything else


PLAN = """\
agency: bpbd
crisis:
  - name: Banjir Cipedes
    start: 2026-12-10T06:00
    end: 2026-12-11T18:00
entries:
  - {id: siaga, title: Siaga banjir, draft: drafts/bpbd-krisis.md, accounts: [pemkot-instagram]}
"""
CRISIS_DRAFT = """\
---
agency: bpbd
kind: crisis
platforms: [instagram]
publish: 2026-12-10T09:00
image: dinkes-hari-aids.png
alt: Peta genangan banjir di Kelurahan Nagarasari, Kecamatan Cipedes.
---
Pembaruan pukul 09.00 WIB: banjir menggenangi Kelurahan Nagarasari, Kecamatan Cipedes. Warga diimbau segera
mengungsi ke Gedung Dakwah. Hubungi 112. Sumber: pemantauan BPBD. #KotaTasikmalaya #BPBDTasikmalaya
"""


def test_check_reports_postponed_posts_and_schedules_the_crisis_draft_first(cli, plans):
    write_plan(plans, "bpbd-krisis.yaml", PLAN)
    write_plan(plans / "drafts", "bpbd-krisis.md", CRISIS_DRAFT)
    write_plan(plans, "dinsos-rutin.yaml", "agency: dinsos\nentries:\n"
               "  - {id: senam, title: Senam pagi, accounts: [pemkot-instagram], date: 2026-12-10, time: '09:00'}\n")
    result = cli("check", "--month", "2026-12", "--plans", plans)
    assert result.exit_code == 0, result.output
    assert ("konflik: " in result.output and "dinsos 'Senam pagi' dijadwalkan 2026-12-12 09:00 karena ditunda: "
            "masa krisis 'Banjir Cipedes'" in result.output)
    assert "bpbd 'Siaga banjir' dijadwalkan" not in result.output  # its first choice, 09:00 on the 10th


def test_bad_windows_are_input_errors_with_file_and_line(cli, plans, tmp_path):
    write_plan(plans, "bpbd-krisis.yaml", "agency: bpbd\ncrisis:\n  - name: Banjir\n    start: 2026-12-11T18:00\n"
               "    end: 2026-12-10T06:00\n    agencies: [dinsoss]\n")
    result = cli("check", "--month", "2026-12", "--plans", plans)
    assert result.exit_code == 2
    assert "bpbd-krisis.yaml:5" in result.stderr and "tidak sesudah awalnya" in result.stderr
    assert "bpbd-krisis.yaml:6" in result.stderr and "dinsos" in result.stderr
    assert "Traceback" not in result.output


def test_draft_kind_crisis_makes_the_entry_a_crisis_post(plans, guideline):
    from humaskit.calendar.plans import load_entries

    write_plan(plans, "bpbd-krisis.yaml", PLAN)
    write_plan(plans / "drafts", "bpbd-krisis.md", CRISIS_DRAFT)
    entries, _, _, crises = load_entries(guideline, 2026, 12, plans)
    assert [e.priority for e in entries if e.id == "siaga"] == ["crisis"]
    assert crises == [FLOOD]
    assert date(2026, 12, 10) == crises[0].start.date()


def test_the_printed_month_marks_the_crisis_days_and_lists_the_window(guideline, plans):
    import re

    from humaskit.calendar.api import build_calendar
    from humaskit.calendar.overview import html_bytes

    write_plan(plans, "bpbd-krisis.yaml", PLAN)
    write_plan(plans / "drafts", "bpbd-krisis.md", CRISIS_DRAFT)
    html = html_bytes(build_calendar(guideline, "2026-12", plans_dir=plans)).decode()
    marked = re.findall(r'<td class="[^"]*\bcrisis\b[^"]*"><div class="cell"><div class="num">(\d+)</div>', html)
    assert marked == ["10", "11"]
    assert html.count("&#9888; krisis: Banjir Cipedes") == 2 and "masa krisis (unggahan rutin" in html
    assert re.search(r"<td>Banjir Cipedes</td><td>10/12 06\.00</td><td>11/12 18\.00</td><td>seluruh kota</td>", html)
