"""Careless and hostile calendar input, and outputs other programs open (CSV, .ics, HTML).

Every bad input: exit 2, an Indonesian message naming the file, no traceback, nothing
written, and no byte of the input changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil

import pytest
from typer.testing import CliRunner

from humaskit.cli import app

from calhelp import EXAMPLE_PLANS, REPO, write_plan
from readme_commands import readme_commands


def _run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def _digest(folder) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", readme_commands("calendar"), ids=" ".join)
def test_every_calendar_command_in_the_readme_works_as_typed(command, tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    result = _run(*command)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    if command[1] == "build":
        out = tmp_path / (command[command.index("--out") + 1] if "--out" in command else "kalender")
        assert (out / "kalender-2026-12.ics").is_file() and (out / "kalender-2026-12.csv").is_file()


def test_without_a_plans_folder_the_shipped_example_month_is_used_and_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run("calendar", "build", "--month", "2026-12")
    assert result.exit_code == 0, result.output
    assert "folder plans/ tidak ada; dipakai contoh rencana bawaan" in result.stderr
    assert "--plans FOLDER" in result.stderr
    assert len(list((tmp_path / "kalender").glob("kalender-2026-12*.ics"))) == 15  # the city and its 14 agencies
    assert len(list((tmp_path / "kalender").glob("kalender*.ics"))) == 30  # and their subscription feeds


def test_with_a_city_guideline_a_missing_plans_folder_says_what_to_do(tmp_path, monkeypatch):
    (tmp_path / "pedoman.yaml").write_text("extends: tasikmalaya\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _run("calendar", "check", "--month", "2026-12", "--guideline", "pedoman.yaml")
    assert result.exit_code == 2
    assert "plans: [--plans] Folder rencana tidak ditemukan. Buat folder plans/" in result.stderr
    assert "--plans FOLDER" in result.stderr


def test_plans_given_as_a_file_is_refused(tmp_path):
    plan = write_plan(tmp_path, "dinkes.yaml", "agency: dinkes\n")
    result = _run("calendar", "check", "--month", "2026-12", "--plans", plan)
    assert result.exit_code == 2 and "--plans harus berupa folder" in result.stderr


HOSTILE_TITLES = [
    "=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "+1+2", "-3+4", "@SUM(A1:A2)", "\tTAB=1", "\rCR=1",
    "\x00=NUL lalu rumus", "Biasa saja",
]


def _yaml_quote(text: str) -> str:
    """A double-quoted YAML scalar: YAML files may not hold control characters raw, only escaped."""
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in '"\\\u2028'
                         else c for c in text) + '"'


@pytest.fixture
def hostile_month(tmp_path):
    entries = "".join(f"- title: {_yaml_quote(t)}\n  date: 2026-12-{i + 3:02d}\n  platforms: [instagram]\n"
                      for i, t in enumerate(HOSTILE_TITLES + [
                          "<script>alert(1)</script> \"kutip\" 'x' & <b>",
                          "Baris\rtunggal \x1b[2J esc \x0b vt \x0c ff \x7f del\r\nCRLF \n LF \x85 nel \u2028 ls"]))
    plans = tmp_path / "plans"
    write_plan(plans, "dinkes.yaml", f"agency: dinkes\nentries:\n{entries}")
    result = _run("calendar", "build", "--month", "2026-12", "--plans", plans, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def test_csv_cells_are_quoted_and_formulas_defused(hostile_month):
    raw = (hostile_month / "kalender-2026-12.csv").read_bytes().decode("utf-8-sig")
    for line in raw.split("\r\n")[:-1]:
        assert line.startswith('"') and line.endswith('"'), line
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    titles = [row[3] for row in rows[1:]]
    for cell in (c for row in rows for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), cell
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", cell), repr(cell)
    assert "'=HYPERLINK(\"http://contoh.invalid\",\"klik\")" in titles
    for defused in ("'+1+2", "'-3+4", "'@SUM(A1:A2)", "'\tTAB=1", "' CR=1", "'=NUL lalu rumus"):
        assert defused in titles, defused
    assert "Biasa saja" in titles  # an ordinary title is left as it was


def _unfolded(path) -> list[str]:
    return path.read_bytes().decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_ics_text_has_no_control_characters_and_line_breaks_are_escaped(hostile_month):
    import icalendar

    ics = hostile_month / "kalender-2026-12.ics"
    raw = ics.read_bytes()
    # Only CRLF line ends remain: no lone CR or LF, no other C0 control, no DEL.
    assert raw.count(b"\r") == raw.count(b"\r\n") == raw.count(b"\n")
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", raw.replace(b"\r\n", b""))
    assert "\x85".encode() not in raw and "\u2028".encode() not in raw
    summary = next(line for line in _unfolded(ics) if line.startswith("SUMMARY:") and "tunggal" in line)
    assert summary == ("SUMMARY:[Dinkes] Baris\\ntunggal [2J esc  vt  ff  del\\nCRLF \\n LF  nel \\n ls "
                       "(belum ditulis)")
    calendar = icalendar.Calendar.from_ical(raw)
    events = [c for c in calendar.walk("VEVENT") if "Dinkes" in str(c["SUMMARY"]) and "(belum" in str(c["SUMMARY"])]
    titles = {str(e["SUMMARY"]) for e in events}
    assert "[Dinkes] '=HYPERLINK" not in titles and '[Dinkes] =HYPERLINK("http://contoh.invalid"\\,' not in titles
    assert any(t.startswith('[Dinkes] =HYPERLINK("http://contoh.invalid","klik")') for t in titles)
    assert len([e for e in calendar.walk("VEVENT")]) == raw.count(b"BEGIN:VEVENT")


def test_html_overview_escapes_titles(hostile_month):
    html = (hostile_month / "kalender-2026-12.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "& <b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;kutip&#34; &#39;x&#39; &amp; &lt;b&gt;" in html
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html)


LONG = "panjang " * 5000
BAD_PLANS = {
    "empty file": ("", "dinkes.yaml", "kunci 'agency' wajib diisi"),
    "a list at the top": ("- 1\n- 2\n", "dinkes.yaml:1", "kunci 'agency' wajib diisi"),
    "entries is a number": ("agency: dinkes\nentries: 5\n", "dinkes.yaml:2", "harus berupa daftar"),
    "entry is a number": ("agency: dinkes\nentries:\n- 5\n", "dinkes.yaml:3", "wajib diisi"),
    "title is a list": ("agency: dinkes\nentries:\n- {title: [a], date: 2026-12-03, platforms: [instagram]}\n",
                        "dinkes.yaml:3", "harus berupa teks"),
    "30 February": ("agency: dinkes\nentries:\n- {title: x, date: 2026-02-30, platforms: [instagram]}\n",
                    "dinkes.yaml:3", "2026-02-30"),
    "five-digit year": ("agency: dinkes\nentries:\n- {title: x, date: 99999-12-03, platforms: [instagram]}\n",
                        "dinkes.yaml:3", "tidak valid"),
    "huge number as time": ("agency: dinkes\nentries:\n- {title: x, date: 2026-12-03, time: 99999999999999999999, "
                            "platforms: [instagram]}\n", "dinkes.yaml:3", "tidak valid"),
    "NUL in the draft name": ('agency: dinkes\nentries:\n- {title: x, date: 2026-12-03, draft: "a\\0b.md", '
                              "platforms: [instagram]}\n", "dinkes.yaml:3", "tanpa karakter NUL"),
    "draft is a folder": ("agency: dinkes\nentries:\n- {title: x, date: 2026-12-03, draft: ., "
                          "platforms: [instagram]}\n", "dinkes.yaml:3", "folder"),
    "id that climbs folders": ('agency: dinkes\nentries:\n- {title: x, id: "../../x", date: 2026-12-03, '
                               "platforms: [instagram]}\n", "dinkes.yaml:3", "tidak sesuai format"),
    "unknown agency in unicode": ("agency: dïnkes\n", "dinkes.yaml:1", "tidak ada di pedoman"),
}


@pytest.mark.parametrize("text, where, message", BAD_PLANS.values(), ids=BAD_PLANS)
def test_bad_plans_are_located_and_nothing_is_written(tmp_path, text, where, message):
    plans = tmp_path / "plans"
    write_plan(plans, "dinkes.yaml", text)
    before = _digest(tmp_path)
    result = _run("calendar", "build", "--month", "2026-12", "--plans", plans, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "kesalahan internal" not in result.output
    assert where in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
    assert _digest(tmp_path) == before


@pytest.mark.parametrize("month", ["0000-01", "0001-01", "9999-12", "2026-13", "2026-1", "abcd-ef", "-2026-12"])
def test_impossible_months_are_option_errors(month):
    result = _run("calendar", "check", "--month", month, "--plans", EXAMPLE_PLANS)
    assert result.exit_code == 2 and "--month" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("month", ["1900-01", "2999-12"])
def test_the_first_and_last_representable_months_build(tmp_path, month):
    (tmp_path / "plans").mkdir()
    result = _run("calendar", "build", "--month", month, "--plans", tmp_path / "plans", "--out", tmp_path)
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / f"kalender-{month}.ics").is_file()


def test_valid_but_extreme_titles_build(tmp_path):
    plans = tmp_path / "plans"
    write_plan(plans, "dinkes.yaml", "agency: dinkes\nentries:\n"
               f"- {{title: {LONG.strip()}, date: 2026-12-03, platforms: [instagram]}}\n"
               "- {title: 'Ꙭ𒀱 ﷽ 🏳️‍🌈 ร้ Café', date: 2026-12-04, platforms: [instagram]}\n")
    result = _run("calendar", "build", "--month", "2026-12", "--plans", plans, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    ics = (tmp_path / "out" / "kalender-2026-12.ics").read_bytes()
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75
    assert "Ꙭ𒀱 ﷽ 🏳️‍🌈 ร้ Café" in ics.decode("utf-8").replace("\r\n ", "")


def test_ten_thousand_entries_in_one_plan_finish(tmp_path):
    plans = tmp_path / "plans"
    write_plan(plans, "dinkes.yaml", "agency: dinkes\nentries:\n" + "".join(
        f"- {{title: judul {i}, date: 2026-12-{i % 28 + 1:02d}, platforms: [instagram]}}\n" for i in range(10_000)))
    result = _run("calendar", "build", "--month", "2026-12", "--plans", plans, "--out", tmp_path / "out")
    # More posts than the month has room for: exit 1, and the outputs still say so.
    assert result.exit_code == 1, result.output
    assert "tidak terjadwal" in result.stdout
    assert (tmp_path / "out" / "kalender-2026-12.csv").stat().st_size > 100_000


def test_out_that_is_a_file_or_below_a_file_is_refused(tmp_path):
    target = tmp_path / "bukan-folder"
    target.write_bytes(b"isi pengguna")
    for out in (target, target / "sub"):
        result = _run("calendar", "build", "--month", "2026-12", "--plans", EXAMPLE_PLANS, "--out", out)
        assert result.exit_code == 2 and "[--out]" in result.stderr and "folder" in result.stderr, result.stderr
    assert target.read_bytes() == b"isi pengguna"


def test_output_names_must_stay_inside_the_folder(tmp_path):
    from humaskit.errors import HumaskitError
    from humaskit.outdir import output_file

    assert output_file(tmp_path, "kalender-2026-12.ics") == tmp_path / "kalender-2026-12.ics"
    for name in ("../x.ics", "a/b.ics", "a\\b.ics", "", "..", "/etc/x", "a\0b"):
        with pytest.raises(HumaskitError) as caught:
            output_file(tmp_path, name)
        assert "keluar dari folder --out" in str(caught.value)
