"""`humaskit calendar build|check` on the example month and on bad input: Indonesian messages
naming file, line and key; exit 0/1/2 as documented; nothing written on bad input."""

from __future__ import annotations

import subprocess
import sys

from calhelp import NOW, write_guideline, write_plan


def test_check_example_month_passes(cli, plans):
    result = cli("check", "--month", "2026-12", "--plans", plans)
    assert result.exit_code == 0, result.output
    assert "ditambahkan (belum ditulis): 2026-12-20 Hari Kesetiakawanan Sosial Nasional -> dinsos" in result.output
    assert "konflik:" in result.output


def test_build_writes_every_output(cli, plans, tmp_path):
    out = tmp_path / "kalender"
    result = cli("build", "--month", "2026-12", "--plans", plans, "--out", out, "--now", NOW.isoformat())
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "kalender-2026-12.ics" in names and "kalender-2026-12.html" in names and "kalender-2026-12.csv" in names
    assert "kalender-2026-12-dinkes.ics" in names and ".kalender-2026-12.json" in names
    assert not [n for n in names if n.endswith(".tmp")]


def _bad(cli, plans, tmp_path, name, text):
    write_plan(plans, name, text)
    out = tmp_path / "keluar"
    result = cli("build", "--month", "2026-12", "--plans", plans, "--out", out)
    assert result.exit_code == 2, result.output
    assert not out.exists(), "nothing may be written on bad input"
    assert "Traceback" not in result.output
    return result.stderr


def test_malformed_yaml(cli, plans, tmp_path):
    err = _bad(cli, plans, tmp_path, "dlh.yaml", "agency: dlh\nentries:\n  - title: [tidak ditutup\n")
    assert "dlh.yaml:4" in err or "dlh.yaml:3" in err
    assert "YAML tidak valid" in err


def test_unknown_agency_suggests_the_nearest(cli, plans, tmp_path):
    err = _bad(cli, plans, tmp_path, "dlh.yaml", "agency: dinkess\nentries: []\n")
    assert "dlh.yaml:1:1: [agency] perangkat daerah 'dinkess' tidak ada di pedoman. Apakah maksud Anda 'dinkes'?" in err


def test_impossible_date(cli, plans, tmp_path):
    text = "agency: dlh\nentries:\n  - title: Bersih sungai\n    platforms: [instagram]\n    date: 2026-11-31\n"
    err = _bad(cli, plans, tmp_path, "dlh.yaml", text)
    assert "dlh.yaml:5:11: [entries[0].date] tanggal '2026-11-31' tidak ada di kalender." in err
    quoted = text.replace("2026-11-31", '"2026-11-31"')
    err = _bad(cli, plans, tmp_path, "dlh.yaml", quoted)
    assert "dlh.yaml:5:5: [entries[0].date] tanggal '2026-11-31' tidak valid" in err


def test_time_outside_every_slot(cli, plans, tmp_path):
    text = ("agency: dlh\nentries:\n  - title: Bersih sungai\n    accounts: [pemkot-instagram]\n"
            "    date: 2026-12-05\n    time: \"10:00-11:00\"\n")
    err = _bad(cli, plans, tmp_path, "dlh.yaml", text)
    assert "dlh.yaml:6:5: [entries[0].time] jam 10:00-11:00 tidak mengenai satu pun slot akun 'pemkot-instagram'" in err
    quiet = text.replace("accounts: [pemkot-instagram]", "platforms: [instagram]").replace("10:00-11:00", "22:00")
    err = _bad(cli, plans, tmp_path, "dlh.yaml", quiet)
    assert "jam 22:00 seluruhnya berada di jam tenang (21:00-06:00)" in err


def test_every_problem_in_every_file_is_reported_at_once(cli, plans, tmp_path):
    write_plan(plans, "dlh.yaml", "agency: dlh\nentries:\n  - title: A\n    accounts: [pemkot-tiktok]\n"
               "    date: 2026-12-05\n    priority: penting\n")
    err = _bad(cli, plans, tmp_path, "dpupr.yaml", "agency: dpupr\nentri: []\n")
    assert "dpupr.yaml:2:1: [entri] kunci 'entri' tidak dikenal di sini. Apakah maksud Anda 'entries'?" in err
    assert "[entries[0].priority] nilai 'penting' tidak dikenal" in err


def test_account_not_open_to_the_agency_and_duplicate_ids(cli, plans, tmp_path):
    err = _bad(cli, plans, tmp_path, "dlh.yaml", "agency: dlh\nentries:\n  - title: A\n    accounts: [pemkot-x]\n"
               "    date: 2026-12-05\n")
    assert "'dlh' tidak boleh memakai akun bersama 'pemkot-x'" in err
    err = _bad(cli, plans, tmp_path, "dlh.yaml", "agency: dlh\nentries:\n"
               "  - {title: Bersih sungai, platforms: [instagram], date: 2026-12-05}\n"
               "  - {title: Bersih Sungai!, platforms: [instagram], date: 2026-12-06}\n")
    assert "id entri 'bersih-sungai' sudah dipakai" in err


def test_bad_month_and_missing_plans(cli, plans, tmp_path):
    result = cli("check", "--month", "2026-13", "--plans", plans)
    assert result.exit_code == 2 and "bulan '2026-13' tidak valid" in result.stderr
    result = cli("check", "--month", "2026-12", "--plans", tmp_path / "tidak-ada")
    assert result.exit_code == 2 and "Folder rencana tidak ditemukan" in result.stderr


def test_more_entries_than_slots_exits_1_but_still_writes(cli, plans, tmp_path):
    entries = "".join(f"  - {{title: Info {i}, accounts: [pemkot-x], date: 2026-12-07}}\n" for i in range(8))
    write_plan(plans, "dishub-2.yaml", "agency: dishub\nentries:\n" + entries)
    out = tmp_path / "kalender"
    result = cli("build", "--month", "2026-12", "--plans", plans, "--out", out, "--now", NOW.isoformat())
    assert result.exit_code == 1, result.output
    lines = [l for l in result.output.splitlines() if l.startswith("tidak terjadwal:")]
    # 5 X slots a day, 2 hours apart at least: dishub fits 3 of its 8 on that day (07:30, 10:00, 13:00 or so).
    assert len(lines) >= 3
    assert all("slot kosong terdekat: 2026-12-0" in l for l in lines)
    assert (out / "kalender-2026-12.html").read_text().count("tidak terjadwal") >= 1
    check = cli("check", "--month", "2026-12", "--plans", plans)
    assert check.exit_code == 1


def test_failing_draft_fails_the_check(cli, plans):
    draft = plans / "drafts" / "dinkes-hari-aids.md"
    draft.write_text(draft.read_text().replace("#KotaTasikmalaya ", ""))  # drops a required hashtag
    result = cli("check", "--month", "2026-12", "--plans", plans)
    assert result.exit_code == 1
    assert "draf gagal:" in result.output and "dinkes-hari-aids.md" in result.output


def test_draft_published_in_quiet_hours_is_bad_input(cli, plans, tmp_path):
    draft = plans / "drafts" / "disdukcapil-layanan-akhir-tahun.md"
    draft.write_text(draft.read_text().replace("2026-12-21T10:00", "2026-12-21T23:00"))
    result = cli("check", "--month", "2026-12", "--plans", plans)
    assert result.exit_code == 2
    assert "disdukcapil-layanan-akhir-tahun.md:4: [publish] waktu tayang 23:00 berada di jam tenang." in result.stderr


def test_overrides_revise_holidays_and_commemoration_days(cli, plans, tmp_path):
    overrides = tmp_path / "koreksi.yaml"
    overrides.write_text("holidays:\n  - {date: 2026-12-24, remove: true}\n"
                         "  - {date: 2026-12-28, name: Cuti Bersama Hari Raya Natal}\n"
                         "momentum:\n  - {name: Hari Bela Negara, date: 2026-12-18}\n")
    result = cli("check", "--month", "2026-12", "--plans", plans, "--overrides", overrides)
    assert result.exit_code == 0, result.output
    assert "2026-12-18 Hari Bela Negara -> setda" in result.output
    overrides.write_text("momentum:\n  - {name: Hari Bela Negeri, date: 2026-12-18}\n")
    result = cli("check", "--month", "2026-12", "--plans", plans, "--overrides", overrides)
    assert result.exit_code == 2
    assert "koreksi.yaml:2:6: [momentum[0].name]" in result.stderr and "'Hari Bela Negara'" in result.stderr


def test_holiday_names_are_indonesian_whatever_the_locale():
    code = ("from humaskit.calendar.holidays_src import national_holidays; import datetime as d; "
            "h = national_holidays(2026); print(h[d.date(2026, 12, 24)]); print(h[d.date(2026, 12, 25)])")
    for lang in ("en_US.UTF-8", "C"):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"LANG": lang, "LC_ALL": lang, "LANGUAGE": "en", "PATH": ""}).stdout
        assert out.splitlines() == ["Cuti Bersama Hari Raya Natal", "Hari Raya Natal"]


def test_guideline_calendar_section_is_checked(cli, plans, tmp_path):
    g = write_guideline(tmp_path, "  holiday_agency: setdaa\n  momentum_accounts: [pemkot-ig]\n")
    result = cli("check", "--month", "2026-12", "--plans", plans, "--guideline", g)
    assert result.exit_code == 2
    assert "pedoman.yaml:3:3: [calendar.holiday_agency] Perangkat daerah 'setdaa'" in result.stderr
    assert "[calendar.momentum_accounts[0]] Akun bersama 'pemkot-ig'" in result.stderr


def test_bad_input_leaves_previous_outputs_untouched(cli, plans, tmp_path):
    out = tmp_path / "kalender"
    assert cli("build", "--month", "2026-12", "--plans", plans, "--out", out, "--now", NOW.isoformat()).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write_plan(plans, "dlh.yaml", "agency: dlh\nentries:\n  - {title: A, platforms: [instagram], date: 2026-02-30}\n")
    result = cli("build", "--month", "2026-12", "--plans", plans, "--out", out)
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_cli_startup_does_not_import_the_calendar_engine():
    code = ("import sys, humaskit.cli; print(sorted(m for m in sys.modules if m in "
            "('holidays', 'jinja2', 'icalendar', 'humaskit.calendar.api', 'humaskit.calendar.outputs', 'humaskit.calendar.result', 'humaskit.calendar.schedule')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_impossible_date_in_a_draft(cli, plans):
    linked = plans / "drafts" / "dinkes-hari-aids.md"
    linked.write_text(linked.read_text().replace("campaign:", "publish: 2026-11-31\ncampaign:"))
    unlinked = plans / "drafts" / "disdukcapil-layanan-akhir-tahun.md"
    unlinked.write_text(unlinked.read_text().replace("publish: 2026-12-21T10:00", "publish: 2026-12-32"))
    result = cli("check", "--month", "2026-12", "--plans", plans)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "dinkes-hari-aids.md:4:10: [publish] tanggal '2026-11-31' tidak ada di kalender." in result.stderr
    assert "disdukcapil-layanan-akhir-tahun.md:4:10: [publish] tanggal '2026-12-32' tidak ada di kalender." in result.stderr
