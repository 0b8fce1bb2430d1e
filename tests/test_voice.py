"""One voice across agencies: drafts about the same event must state the same facts."""

from __future__ import annotations

import json
import time

from typer.testing import CliRunner

from humaskit.cli import app
from humaskit.draft import parse_draft
from humaskit.voice import facts

RULE = "voice.conflict"


def _draft(folder, name, agency, caption, event="Vaksinasi Massal", publish="2026-11-28T09:00", extra=""):
    key = f"event: {event}\n" if event else ""
    path = folder / name
    path.write_text(f"---\nagency: {agency}\n{key}publish: {publish}\n{extra}---\n{caption}\n", encoding="utf-8")
    return path


def _lint(*args):
    result = CliRunner().invoke(app, ["lint", "--format", "json", *map(str, args)])
    return result.exit_code, json.loads(result.stdout)["findings"]


def _conflicts(findings):
    return [f for f in findings if f["rule"] == RULE]


def test_conflicting_dates_name_both_agencies_files_and_lines(tmp_path):
    a = _draft(tmp_path, "dinkes.md", "dinkes", "Vaksinasi massal.\nDigelar 1 Desember 2026 di Gedung Dakwah.")
    b = _draft(tmp_path, "diskominfo.md", "diskominfo", "Digelar 2 Desember 2026 di Gedung Dakwah Kota Tasikmalaya.")
    code, findings = _lint(tmp_path)
    found = _conflicts(findings)
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["severity"]) for f in found] == [
        (str(a), 7, 9, "error"), (str(b), 6, 9, "error")]
    message = found[0]["message"]
    assert f"Dinkes menulis 1 Desember 2026 ({a}:7)" in message
    assert f"Diskominfo menulis 2 Desember 2026 ({b}:6)" in message
    assert found[0]["message"] == found[1]["message"] and found[0]["category"] == "voice"


def test_every_kind_of_fact(tmp_path):
    _draft(tmp_path, "a.md", "dinkes", "Pukul 08.00 WIB di Lapangan Dadaha. Info 0812-1111-2222. Biaya Rp25.000,00.")
    _draft(tmp_path, "b.md", "disdik", "Pukul 09.00 WIB di Gedung Kesenian. Info 0812-1111-3333. Biaya Rp20.000,00.")
    kinds = sorted({f["message"].split("(")[1].split(")")[0] for f in _conflicts(_lint(tmp_path)[1])})
    assert kinds == ["jam", "jumlah uang", "nomor telepon", "tempat"]
    _draft(tmp_path, "c.md", "dinsos", "Berkumpul di Jl. Sutisna Senjaya.", event="Jalan Sehat")
    _draft(tmp_path, "d.md", "disparbud", "Berkumpul di Jalan Dr. Soekarno.", event="Jalan Sehat")
    places = [f["message"] for f in _conflicts(_lint(tmp_path)[1]) if "Jalan Sehat" in f["message"]]
    assert places and "Jl. Sutisna Senjaya" in places[0] and "Jalan Dr" in places[0]


def test_the_same_facts_written_differently_agree(tmp_path):
    _draft(tmp_path, "a.md", "dinkes", "Sabtu, 5 Desember 2026 pukul 08.00 WIB, Gedung Dakwah Kota Tasikmalaya; "
           "info +62 812-1111-2222; bantuan Rp1,5 juta dan Rp50.000.")
    _draft(tmp_path, "b.md", "dinsos", "Tanggal 5 Des, jam 08.00, Gedung Dakwah. Info 081211112222. Bantuan Rp50 ribu.")
    _draft(tmp_path, "c.md", "disdik", "Acara pada 5 Desember di Gedung Dakwah.")
    assert _conflicts(_lint(tmp_path)[1]) == []


def test_only_drafts_about_the_same_event_in_the_same_month_are_compared(tmp_path):
    _draft(tmp_path, "a.md", "dinkes", "Digelar 1 Desember 2026.")
    _draft(tmp_path, "b.md", "dinsos", "Digelar 2 Desember 2026.", event="Pasar Murah")
    _draft(tmp_path, "c.md", "disdik", "Digelar 3 Desember 2026.", publish="2026-12-02T09:00")
    _draft(tmp_path, "d.md", "dishub", "Digelar 4 Desember 2026.", event=None)
    assert _conflicts(_lint(tmp_path)[1]) == []


def test_a_shared_campaign_is_a_warning(tmp_path):
    extra = "campaign: hari-aids-sedunia\n"
    _draft(tmp_path, "a.md", "dinkes", "Tes HIV 1 Desember 2026.", event=None, extra=extra)
    _draft(tmp_path, "b.md", "diskominfo", "Tes HIV 2 Desember 2026.", event=None, extra=extra)
    found = _conflicts(_lint(tmp_path)[1])
    assert [f["severity"] for f in found] == ["warning", "warning"]
    assert "kampanye 'Hari AIDS Sedunia 2026'" in found[0]["message"]


def test_one_file_ignore_and_inline_switch(tmp_path):
    a = _draft(tmp_path, "a.md", "dinkes", "Digelar 1 Desember 2026.")
    _draft(tmp_path, "b.md", "dinsos", "<!-- humaskit-disable-next-line voice -->\nDigelar 2 Desember 2026.")
    assert _conflicts(_lint(a)[1]) == []
    assert _conflicts(_lint(tmp_path, "--ignore", "voice")[1]) == []
    assert [f["path"] for f in _conflicts(_lint(tmp_path)[1])] == [str(a)]


def test_many_drafts_about_one_event_do_not_hang_or_flood(tmp_path):
    for i in range(300):
        _draft(tmp_path, f"d{i:03d}.md", "dinkes", f"Digelar {i % 28 + 1} Desember 2026 pukul {i % 24:02d}.00 WIB.")
    start = time.perf_counter()
    code, findings = _lint(tmp_path, "--select", RULE)
    assert time.perf_counter() - start < 60  # no hang; 300 drafts
    found = _conflicts(findings)
    assert code == 1 and 0 < len(found) <= 2 * 2 * 300


def test_facts_read_from_the_caption_only():
    draft = parse_draft("---\nagency: dinkes\ntitle: 9 Desember\n---\nPada 1 Desember pukul 08.00 WIB di Balai Kota.\n"
                        "Kontak (0265) 331234, Rp10.000,00.\n", "a.md")
    assert [(f.kind, f.value) for f in facts(draft)] == [
        ("date", (1, 12)), ("time", (8, 0)), ("place", "balai kota"), ("phone", "0265331234"), ("amount", 1000000)]
    amounts = parse_draft("Rp1,5 juta, Rp1.500.000,00, Rp1.500.000 dan Rp1,5 jt.", "b.md")
    assert {f.value for f in facts(amounts)} == {150_000_000}


def _plans_with_a_conflict(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    _draft(plans, "dinkes.md", "dinkes", "Digelar 1 Desember 2026. #KotaTasikmalaya #DinkesTasikmalaya",
           extra="platforms: [facebook]\n")
    _draft(plans, "dinsos.md", "dinsos", "Digelar 2 Desember 2026. #KotaTasikmalaya #DinsosTasikmalaya",
           extra="platforms: [facebook]\n", publish="2026-11-28T12:00")
    for agency in ("dinkes", "dinsos"):
        (plans / f"{agency}.yaml").write_text(f"agency: {agency}\nentries:\n  - {{title: Vaksinasi, draft: {agency}.md, "
                                              "date: 2026-12-01, platforms: [facebook]}\n", encoding="utf-8")
    return plans


def test_calendar_check_reports_conflicts_between_scheduled_drafts(tmp_path):
    plans = _plans_with_a_conflict(tmp_path)
    result = CliRunner().invoke(app, ["calendar", "check", "--month", "2026-12", "--plans", str(plans)])
    assert result.exit_code == 1, result.output
    assert ("tidak seragam: Fakta tidak seragam tentang acara 'Vaksinasi Massal' (tanggal): Dinkes menulis "
            "1 Desember 2026 (dinkes.md:7), Dinsos menulis 2 Desember 2026 (dinsos.md:7)") in result.output


def test_the_readme_commands_of_this_section_work_as_typed(monkeypatch):
    import shlex

    from support import REPO

    monkeypatch.chdir(REPO)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Crisis posts, one voice, personal data", 1)[1].split("\n## ", 1)[0]
    commands = [shlex.split(line)[1:] for line in section.splitlines() if line.startswith("humaskit lint ")]
    assert len(commands) == 2
    rules = []
    for args in commands:
        result = CliRunner().invoke(app, [*args, "--format", "json"])
        assert result.exit_code == 1, result.output
        rules += [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "crisis.update-time" in rules and rules.count(RULE) == 2


def test_the_guideline_sets_the_severity_for_lint_and_calendar(tmp_path):
    plans = _plans_with_a_conflict(tmp_path)
    city = tmp_path / "kota.yaml"
    city.write_text("extends: tasikmalaya\nrules:\n  voice.conflict: warning\n", encoding="utf-8")
    code, findings = _lint(plans / "dinkes.md", plans / "dinsos.md", "--guideline", city)
    assert code == 0 and [f["severity"] for f in _conflicts(findings)] == ["warning", "warning"]
    result = CliRunner().invoke(app, ["calendar", "check", "--month", "2026-12", "--plans", str(plans), "-g", str(city)])
    assert result.exit_code == 0 and "tidak seragam:" in result.output, result.output
    city.write_text("extends: tasikmalaya\nrules:\n  voice.conflict: off\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["calendar", "check", "--month", "2026-12", "--plans", str(plans), "-g", str(city)])
    assert result.exit_code == 0 and "tidak seragam:" not in result.output
