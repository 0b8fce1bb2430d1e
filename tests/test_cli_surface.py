"""What a new user meets first, through the real entry point (`python -m humaskit`, as the
installed `humaskit` script runs it): help screens in Indonesian, `--version`, and `lint`
refusing paths that hold no draft instead of turning a typo green."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from support import REPO

# Words the CLI framework writes in English unless humaskit says them in Indonesian.
ENGLISH = ("Usage", "Options", "Arguments", "Commands", "Show this message", "[required]", "[default",
           "[OPTIONS]", "COMMAND [ARGS]")


def humaskit(*args, cwd=REPO, input=None):
    env = {**os.environ, "COLUMNS": "200"}  # wide, so no phrase is cut across lines
    return subprocess.run([sys.executable, "-m", "humaskit", *args], capture_output=True, text=True,
                          cwd=cwd, input=input, env=env)


def both(done) -> str:
    """What the user sees: the text report goes to stdout, errors outside a report to stderr."""
    return done.stdout + done.stderr


def _commands():
    """Every command path of the app, read from the app itself so a new command is covered."""
    from typer.main import get_command

    from humaskit.cli import app

    paths = []

    def walk(command, prefix):
        paths.append(prefix)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, prefix + [name])

    walk(get_command(app), [])
    return paths


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "humaskit")
def test_every_help_screen_is_indonesian(command):
    done = humaskit(*command, "--help")
    assert done.returncode == 0, done.stderr
    assert "Penggunaan:" in done.stdout and "Tampilkan bantuan ini lalu keluar." in done.stdout
    for word in ENGLISH:
        assert word not in done.stdout, f"English '{word}' in help of {command}"


def test_required_and_default_markers_are_indonesian():
    done = humaskit("lint", "--help")
    assert "[wajib]" in done.stdout and "[bawaan: text]" in done.stdout


def test_version():
    done = humaskit("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"humaskit {version('humaskit')}"


@pytest.mark.parametrize("group", [[], ["calendar"], ["guideline"]])
def test_a_bare_group_shows_its_help_without_an_empty_error(group):
    done = humaskit(*group)
    assert done.returncode == 0
    assert "Penggunaan:" in done.stdout and done.stderr == ""


def test_no_usage_error_has_an_empty_reason():
    from humaskit.clikit import usage_message

    class Blank(Exception):
        ctx = None

        def format_message(self):
            return "  "

    message = usage_message(Blank())
    assert message.strip() and "  " not in message and not message.endswith(":")


def _digest(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("name,content,expected", [
    ("rencana.yaml", "agency: dinkes\nentries: []\n", "humaskit calendar build"),
    ("pedoman.yml", "extends: tasikmalaya\n", "humaskit guideline check"),
    ("siaran.docx", "PK\x03\x04", "salin takarir ke berkas .md atau .txt"),
    ("poster.png", "\x89PNG", "image:"),
    ("jadwal.csv", "judul,tanggal\n", ".md atau .txt"),
    ("catatan.json", "{}", ".md atau .txt"),
])
@pytest.mark.parametrize("fix", [False, True])
def test_lint_refuses_a_file_that_is_not_a_draft_and_says_what_to_do(tmp_path, name, content, expected, fix):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    before = _digest(tmp_path)
    done = humaskit("lint", str(path), *(["--fix"] if fix else []))
    assert done.returncode == 2
    assert f"{path}: Bukan berkas draf" in both(done) and expected in both(done)
    assert "Traceback" not in done.stderr
    assert _digest(tmp_path) == before, "a file that is not a draft was changed"


def test_lint_on_a_folder_without_drafts_is_exit_2(tmp_path):
    (tmp_path / "rencana.yaml").write_text("agency: dinkes\n", encoding="utf-8")
    done = humaskit("lint", str(tmp_path))
    assert done.returncode == 2
    assert f"{tmp_path}: Tidak ada draf (.md atau .txt) di folder ini." in both(done)


def test_a_mistyped_path_is_exit_2_with_the_nearest_name(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text("Halo warga. #KotaTasikmalaya\n", encoding="utf-8")
    done = humaskit("lint", "draft", cwd=tmp_path)
    assert done.returncode == 2
    assert "draft: Berkas atau folder tidak ditemukan." in both(done) and "'drafts'" in both(done)
    assert "0 berkas diperiksa" in both(done)  # a path that names no draft is not a file checked


def test_the_file_count_counts_drafts_read_not_paths_given(tmp_path):
    (tmp_path / "a.md").write_text("Halo warga. #KotaTasikmalaya\n", encoding="utf-8")
    (tmp_path / "rusak.md").write_text("---\nagency: [\n---\nHalo\n", encoding="utf-8")
    (tmp_path / "kosong").mkdir()
    done = humaskit("lint", "a.md", "rusak.md", "hilang.md", "kosong", cwd=tmp_path)
    assert done.returncode == 2
    assert "2 berkas diperiksa" in both(done) and "3 masalah masukan" in both(done), both(done)


def test_a_pattern_the_shell_did_not_expand(tmp_path):
    (tmp_path / "a.md").write_text("Halo warga. #KotaTasikmalaya\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("x: 1\n", encoding="utf-8")
    done = humaskit("lint", "*", "--format", "json", cwd=tmp_path)
    assert '"files": 1' in done.stdout  # the draft, not the YAML file
    done = humaskit("lint", "*.txt", cwd=tmp_path)
    assert done.returncode == 2 and "*.txt: Tidak ada draf" in both(done)


FIXABLE = "---\nagency: dinkes\nplatforms: [facebook]\n---\nDinkes menghimbau warga.\n"


def test_fix_and_diff_together_are_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(FIXABLE, encoding="utf-8")
    done = humaskit("lint", str(path), "--fix", "--diff")
    assert done.returncode == 2 and "--fix dan --diff tidak dapat dipakai bersama" in both(done)
    assert path.read_text(encoding="utf-8") == FIXABLE


def test_fix_names_each_file_it_changed(tmp_path):
    changed, clean = tmp_path / "a.md", tmp_path / "b.md"
    changed.write_text(FIXABLE, encoding="utf-8")
    clean.write_text("---\nagency: dinkes\nplatforms: [facebook]\n---\nDinkes mengimbau warga. "
                     "#KotaTasikmalaya #DinkesTasikmalaya\n", encoding="utf-8")
    done = humaskit("lint", str(tmp_path), "--fix")
    assert f"diperbaiki: {changed}" in done.stderr
    assert str(clean) not in done.stderr
    assert "mengimbau" in changed.read_text(encoding="utf-8")


def test_the_pre_commit_hook_selects_only_drafts():
    hook, = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert "types_or" not in hook and "text" not in hook.get("types", [])

    def selected(path):
        return bool(re.search(hook["files"], path)) and not re.search(hook.get("exclude", "^$"), path)

    for path in ("draf/a.md", "b.txt", "c.markdown"):
        assert selected(path), path
    for path in ("rencana/dinkes.yaml", "humaskit.yaml", "poster.png", "README.md", "docs/README.md",
                 "a.md.bak", "setup.py"):
        assert not selected(path), path


@pytest.mark.parametrize("args", [["lint", "--help"], ["rules", "--help"], ["render", "--help"],
                                  ["lint", "--tidak-ada"], ["lint"], ["lnt", "a.md"], ["--help"]],
                         ids=" ".join)
def test_a_top_level_command_runs_alone_and_says_the_same(args):
    """main() hands typer only the command it runs (start-up time); the user sees nothing change."""
    from typer.main import get_command
    from typer.testing import CliRunner

    from humaskit.cli import _app_for, app

    lean = _app_for(args)
    if args[0] in ("lint", "rules", "render"):
        assert list(get_command(lean).commands) == [args[0]]
    runner = CliRunner()
    full = runner.invoke(app, args, prog_name="humaskit", env={"COLUMNS": "200"})
    alone = runner.invoke(lean, args, prog_name="humaskit", env={"COLUMNS": "200"})
    assert (alone.exit_code, alone.output) == (full.exit_code, full.output)
