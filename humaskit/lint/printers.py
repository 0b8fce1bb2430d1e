"""Printers: separate functions over one Report (text, json, sarif, github)."""

from __future__ import annotations

import json
import os

from humaskit import __version__
from humaskit.guideline.vocabulary import SEVERITIES, SEVERITY_LABELS
from humaskit.lint.finding import Report
from humaskit.lint.view import printable

_COLOURS = {"error": "31", "warning": "33", "suggestion": "36", "dim": "2", "bold": "1"}


def _paint(text: str, style: str, colour: bool) -> str:
    return f"\x1b[{_COLOURS[style]}m{text}\x1b[0m" if colour else text


# The text report shows at most this many characters of the line around a finding, not the
# whole line (a one-line caption of a megabyte would be printed once per finding).
WINDOW = 100
# Findings of one rule shown per file; the rest are counted in one line (JSON and SARIF keep all).
SHOWN_PER_RULE = 20


def text(report: Report, *, colour: bool = False) -> str:
    """Human report: grouped by file, the source around each finding with a marker, the
    suggestion, a summary. Everything from the input is shown with its control characters
    escaped, so a caption cannot drive the terminal."""
    out: list[str] = []
    for result in report.files:
        if not result.findings and not result.notes:
            continue
        out.append(_paint(printable(result.path), "bold", colour))
        shown: dict[str, int] = {}
        for f in result.findings:
            shown[f.rule] = shown.get(f.rule, 0) + 1
            if shown[f.rule] > SHOWN_PER_RULE:
                continue
            label = _paint(SEVERITY_LABELS[f.severity], f.severity, colour)
            out.append(f"  {f.line}:{f.column}  {label}  {printable(f.message)}  {_paint(f.rule, 'dim', colour)}")
            source, indent, width = _window(result.text, f.start, f.end)
            if source is not None:
                out.append(f"      {source}")
                out.append("      " + " " * indent + _paint("^" * max(1, width), f.severity, colour))
            if f.fix is not None:
                fix = printable(f.fix.strip()) or "(hapus)"
                out.append(f"      {_paint('perbaikan:', 'dim', colour)} {fix}")
        for rule_id, count in shown.items():
            if count > SHOWN_PER_RULE:
                out.append(f"  … dan {count - SHOWN_PER_RULE} temuan lain dari aturan {rule_id}")
        for note in result.notes:
            out.append(f"  {_paint('catatan:', 'dim', colour)} {printable(note)}")
        out.append("")
    for problem in report.problems:
        out.append(_paint("galat: ", "error", colour) + printable(problem.render()))
    for notice in report.notices:
        out.append(_paint("info: ", "dim", colour) + printable(notice))
    if report.guideline:
        out.append(_paint("pedoman: ", "dim", colour) + printable(report.guideline))
    counts = [f"{report.count(s)} {SEVERITY_LABELS[s]}" for s in SEVERITIES]
    fixable = sum(1 for f in report.findings if f.fix is not None)
    summary = f"{report.file_count} berkas diperiksa: {', '.join(counts)}"
    if fixable:
        summary += f"; {fixable} dapat diperbaiki otomatis dengan --fix"
    if report.problems:
        summary += f"; {len(report.problems)} masalah masukan"
    out.append(summary + ".")
    return "\n".join(out) + "\n"


def _window(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The part of the finding's line shown under it (at most WINDOW characters, with … where
    the line goes on), the marker's indent and width. A finding that runs past its line is
    marked to the end of the line."""
    if not 0 <= start <= len(text):
        return None, 0, 0
    first = text.rfind("\n", 0, start) + 1 or int(text.startswith("\ufeff"))
    last = text.find("\n", start)
    last = len(text) if last == -1 else last
    if last > first and text[last - 1] == "\r":
        last -= 1
    start = min(start, last)
    end = max(start, min(end, last))
    marked = min(end - start, WINDOW - 30)  # a long span is marked only in part, with context left
    left = max(first, start - 30)
    right = min(last, max(start + marked, left + WINDOW))
    left = max(first, min(left, right - WINDOW))
    head = ("…" if left > first else "") + _shown(text[left:start])
    body = _shown(text[start:start + marked])
    tail = _shown(text[start + marked:right]) + ("…" if right < last else "")
    return head + body + tail, len(head), len(body)


def _shown(source: str) -> str:
    return printable(source.replace("\t", " "))


def json_payload(report: Report) -> dict:
    """The JSON report (its shape: README, "humaskit lint", json) as plain data."""
    payload = {"version": 1, "files": report.file_count}
    if report.guideline:
        payload["guideline"] = report.guideline
    payload["findings"] = [f.to_dict() for f in report.findings]
    if report.problems:
        payload["errors"] = _errors(report.problems)
    return payload


def _errors(problems) -> list[dict]:
    return [{"path": p.path, "line": p.line, "column": p.column, "key": p.key,
             "message": p.message + (f" {p.hint}" if p.hint else "")} for p in problems]


def as_json(report: Report) -> str:
    """The JSON report, written by the standard library (two-space indent, UTF-8 as is)."""
    return json.dumps(json_payload(report), ensure_ascii=False, indent=2) + "\n"


_SARIF_LEVEL = {"error": "error", "warning": "warning", "suggestion": "note"}


def sarif(report: Report) -> str:
    from humaskit.lint.registry import load_rules

    registry = load_rules()
    used = sorted({f.rule for f in report.findings})
    rules = []
    for rule_id in used:
        rule = registry.get(rule_id)
        entry = {"id": rule_id}
        if rule:
            entry.update({"shortDescription": {"text": rule.summary},
                          "fullDescription": {"text": rule.what or rule.summary},
                          "help": {"text": rule.why or rule.summary},
                          "properties": {"category": rule.category}})
        rules.append(entry)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    results = []
    for f in report.findings:
        result = {
            "ruleId": f.rule, "ruleIndex": index[f.rule], "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.path.replace(os.sep, "/")},
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": f.end_line, "endColumn": f.end_column},
            }}],
        }
        if f.fix is not None:
            result["fixes"] = [{"description": {"text": f"Ganti dengan: {f.fix}"}, "artifactChanges": [{
                "artifactLocation": {"uri": f.path.replace(os.sep, "/")},
                "replacements": [{"deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                                    "endLine": f.end_line, "endColumn": f.end_column},
                                  "insertedContent": {"text": f.fix}}],
            }]}]
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "humaskit", "version": __version__,
                                "informationUri": "https://pypi.org/project/humaskit/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            **({"properties": {"guideline": report.guideline}} if report.guideline else {}),
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    value = printable(value)  # line breaks are encoded above; other controls must not reach the log
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


_GH_LEVEL = {"error": "error", "warning": "warning", "suggestion": "notice"}


def github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    out = [f"::notice title=humaskit::Pedoman: {_gh_escape(report.guideline)}"] if report.guideline else []
    for f in report.findings:
        props = (f"file={_gh_escape(f.path, True)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_gh_escape(f.rule, True)}")
        out.append(f"::{_GH_LEVEL[f.severity]} {props}::{_gh_escape(f.message)}")
    for p in report.problems:
        where = f" file={_gh_escape(p.path or '', True)}" + (f",line={p.line}" if p.line else "")
        out.append(f"::error{where}::{_gh_escape(p.message)}")
    return "\n".join(out) + ("\n" if out else "")


PRINTERS = {"text": text, "json": as_json, "sarif": sarif, "github": github}
