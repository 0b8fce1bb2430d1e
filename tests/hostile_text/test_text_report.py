"""The text report on hostile captions: a window of the line around each finding, a flood of
findings from one rule summarised (JSON and SARIF keep every finding), controls escaped."""

from __future__ import annotations

import json

from humaskit.lint.finding import Report
from humaskit.lint.printers import SHOWN_PER_RULE, WINDOW, as_json, github, sarif, text


def _report(linter, caption: str) -> Report:
    return Report(files=[linter.lint_text(caption, "panjang.md")])


def test_a_long_one_line_caption_is_shown_as_a_window_per_finding(linter):
    caption = "Warga " + "gak banget " * 5_000 + "ok."  # one line of 55 KB, 10,000 findings
    report = _report(linter, caption)
    printed = text(report)
    assert len(report.findings) > 10_000
    assert max(len(line) for line in printed.splitlines()) < WINDOW + 60
    assert len(printed) < 20_000
    informal = sum(1 for f in report.findings if f.rule == "tone.informal-word")
    assert informal == 10_001  # gak and banget, and ok
    assert f"… dan {informal - SHOWN_PER_RULE} temuan lain dari aturan tone.informal-word" in printed
    # the machine formats keep every finding
    assert len(json.loads(as_json(report))["findings"]) == len(report.findings)
    assert len(json.loads(sarif(report))["runs"][0]["results"]) == len(report.findings)
    assert github(report).count("\n") == len(report.findings)


def test_the_window_marks_the_finding_under_its_characters(linter):
    caption = "Informasi layanan kesehatan " * 10 + "gak" + " dipungut biaya" * 10
    printed = text(_report(linter, caption))
    lines = printed.splitlines()
    at = next(i for i, line in enumerate(lines) if "tone.informal-word" in line)
    source, marker = lines[at + 1], lines[at + 2]
    column = marker.index("^")
    assert source[column:column + 3] == "gak" and marker.count("^") == 3
    assert source.strip().startswith("…") and source.endswith("…")


def test_a_short_line_is_shown_whole(linter):
    caption = "Layanan gak dipungut biaya."
    printed = text(_report(linter, caption))
    assert "      Layanan gak dipungut biaya." in printed.splitlines()


def test_a_finding_on_escaped_characters_is_marked_under_their_escapes(linter):
    printed = text(_report(linter, "Tanggal \u202e41 Desember.\n#KotaTasikmalaya"))
    lines = printed.splitlines()
    at = next(i for i, line in enumerate(lines) if "spelling.bidi-control" in line)
    source, marker = lines[at + 1], lines[at + 2]
    column = marker.index("^")
    assert source[column:column + marker.count("^")] == "\\u202e"
    assert "\u202e" not in printed


def test_a_byte_order_mark_is_not_a_column_of_the_first_line(linter):
    # Notepad on Windows saves UTF-8 with a byte-order mark: columns count as the editor shows them.
    plain, marked = (_report(linter, lead + "Warga gak datang.\n") for lead in ("", "\ufeff"))
    assert [(f.rule, f.line, f.column, f.end_column) for f in marked.findings] == \
        [(f.rule, f.line, f.column, f.end_column) for f in plain.findings]
    assert "\ufeff" not in text(marked) and "spelling.invisible-character" not in text(marked)
