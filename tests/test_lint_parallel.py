"""Linting a large folder on several processes gives the report one process gives, byte for byte;
the JSON printer writes what the standard library's encoder would."""

from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from humaskit.cli import app
from humaskit.errors import Problem
from humaskit.lint.engine import PARALLEL_FROM, worker_count
from humaskit.lint.finding import FileResult, Finding, Report
from humaskit.lint.printers import as_json

from support import REPO

runner = CliRunner()


def _big_folder(tmp_path):
    """Every example draft many times over, with changes so files differ, and one broken file."""
    folder = tmp_path / "banyak"
    examples = sorted(p for p in (REPO / "examples" / "drafts").iterdir() if p.suffix in (".md", ".txt"))
    count = 0
    while count < PARALLEL_FROM + 40:
        for source in examples:
            text = source.read_text(encoding="utf-8")
            text += f"\nInfo {count}: kamu bisa cek jadwalnya disini ya!!\n" if count % 3 else ""
            target = folder / f"{count // 50:02d}" / f"{count:04d}-{source.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            count += 1
    (folder / "01" / "rusak.md").write_bytes(b"Caf\xe9 kamu")
    return folder, count + 1


def test_a_large_folder_is_split_over_processes_with_the_same_report(tmp_path):
    folder, files = _big_folder(tmp_path)
    assert worker_count(files, 2) == 2  # so the second run below really forks
    outputs = {}
    for fmt in ("json", "text", "sarif"):
        one = runner.invoke(app, ["lint", "--format", fmt, "--jobs", "1", str(folder)])
        two = runner.invoke(app, ["lint", "--format", fmt, "--jobs", "2", str(folder)])
        assert one.exit_code == two.exit_code == 2  # the broken file
        assert one.output == two.output
        outputs[fmt] = two.output
    payload = json.loads(outputs["json"])
    assert payload["files"] == files
    assert len({f["path"] for f in payload["findings"]}) > PARALLEL_FROM
    assert "UTF-8" in payload["errors"][0]["message"]


def test_few_files_or_one_job_stay_in_one_process():
    assert worker_count(PARALLEL_FROM - 1) == 1
    assert worker_count(10_000, 1) == 1
    assert worker_count(10_000, 3) in (1, 3)  # 1 only where fork is unavailable


TEXT = st.text(max_size=30)


@st.composite
def reports(draw):
    findings = [Finding(path=draw(TEXT), line=draw(st.integers(1, 10**6)), column=draw(st.integers(1, 500)),
                        end_line=draw(st.integers(1, 10**6)), end_column=draw(st.integers(1, 500)),
                        rule=draw(TEXT), category=draw(TEXT), severity=draw(st.sampled_from(["error", "warning",
                                                                                               "suggestion"])),
                        message=draw(TEXT), fix=draw(st.none() | TEXT))
                for _ in range(draw(st.integers(0, 4)))]
    problems = [Problem(draw(TEXT), path=draw(TEXT), line=draw(st.none() | st.integers(1, 99)),
                        key=draw(st.none() | TEXT), hint=draw(st.none() | TEXT))
                for _ in range(draw(st.integers(0, 2)))]
    return Report(files=[FileResult("a.md", "", findings)], problems=problems)


@settings(max_examples=300, deadline=None)
@given(reports())
def test_json_report_follows_the_contract_for_any_text(report):
    """Any text in a finding (control characters, lone surrogates excluded by hypothesis' text)
    comes back from the JSON report as it went in, in the shape DESIGN.md names."""
    payload = json.loads(as_json(report))
    assert payload["version"] == 1 and payload["files"] == report.file_count
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "fix"}
    assert [set(f) for f in payload["findings"]] == [keys] * len(report.findings)
    assert payload["findings"] == [f.to_dict() for f in report.findings]
    assert len(payload.get("errors", [])) == len(report.problems)


def test_folder_walk_order_and_filters_match_sorted_paths(tmp_path, monkeypatch):
    from pathlib import Path

    from humaskit.lint.discovery import DRAFT_SUFFIXES, expand_paths

    for name in ["b.md", "a.TXT", "Z.markdown", "c.png", ".hidden.md", "sub/x.md", "sub/.git/y.md",
                 ".cache/z.md", "sub-a/q.md", "sub/deeper/w.txt", "10.md", "9.md"]:
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("kamu", encoding="utf-8")
    (tmp_path / "folder.md").mkdir()  # a folder with a draft's suffix is not a draft
    monkeypatch.chdir(tmp_path)
    for given in (str(tmp_path), ".", "sub", "./sub/"):
        folder = Path(given)
        expected = [str(p) for p in sorted(
            p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(folder).parts))]
        assert expand_paths([given])[0] == expected
    assert len(expand_paths(["."])[0]) == 8


def test_an_unreadable_subfolder_is_reported_and_the_rest_linted(tmp_path, monkeypatch):
    """Stand-in for file permissions: the tests run as root, which reads every folder, so
    os.scandir is made to refuse one folder the way a real permission error does."""
    import os

    from humaskit.cli import app

    (tmp_path / "terkunci").mkdir()
    (tmp_path / "terkunci" / "a.md").write_text("kamu", encoding="utf-8")
    (tmp_path / "b.md").write_text("kamu datang #KotaTasikmalaya #DiskominfoTasikmalaya", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("terkunci"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["lint", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    payload = json.loads(result.output)
    assert payload["errors"][0]["message"].startswith("Folder tidak dapat dibaca (izin ditolak)")
    assert payload["errors"][0]["path"].endswith("terkunci")
    assert {f["path"] for f in payload["findings"]} == {str(tmp_path / "b.md")}
