"""The README's two quick-start commands, word for word, in a fresh copy of the project with
nothing beside it (no shared/ folder, no installed humaskit, no cache), as a new user runs them.

This installs from the package registry into new virtual environments, so it takes a few
minutes; pip's own download cache makes repeated runs quicker."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from support import REPO

INNER = "HUMASKIT_FRESH_CLONE_INNER"  # set for the test suite run inside the copy


def _quick_start_commands() -> list[str]:
    """The sh blocks of the English quick start: first the one that lints, then the tests."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)
    assert len(commands) == 2, commands
    return commands


def _fresh_copy(dest: Path) -> Path:
    """The project's files as a clone has them (tracked and new, not ignored ones)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True)
    if listed.returncode != 0:  # not a git checkout (an unpacked source archive): copy it as it is
        shutil.copytree(REPO, dest, ignore=shutil.ignore_patterns(".venv", "__pycache__", ".pytest_cache"))
        return dest
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def _environment(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "PYTHON", "HUMASKIT_", "XDG_CACHE"))}
    env["HOME"] = str(home)
    # Keep pip's download cache (a new home would refetch every wheel) but nothing of humaskit's.
    env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    env[INNER] = "1"
    return env


@pytest.mark.skipif(os.environ.get(INNER) == "1", reason="this is the run inside the fresh copy itself")
def test_readme_quick_start_commands_work_word_for_word_in_a_fresh_clone(tmp_path):
    lint_command, test_command = _quick_start_commands()
    runs = []
    for name, command in (("lint", lint_command), ("tests", test_command)):
        place = tmp_path / name  # each command in its own clone: both create .venv
        clone = _fresh_copy(place / "humaskit")
        home = place / "home"
        home.mkdir()
        runs.append((name, subprocess.Popen(["sh", "-c", command], cwd=clone, env=_environment(home),
                                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    outputs = {}
    for name, process in runs:
        out, _ = process.communicate(timeout=1800)
        outputs[name] = (process.returncode, out)
    code, out = outputs["lint"]
    # The examples break the pedoman on purpose (README: "exits with 1 on the examples").
    assert code == 1, out[-3000:]
    assert re.search(r"\d+ berkas diperiksa: \d+ galat", out), out[-3000:]
    assert "Traceback" not in out
    code, out = outputs["tests"]
    assert code == 0, out[-5000:]
    assert re.search(r"\d+ passed", out) and " failed" not in out, out[-3000:]
    print("fresh clone:", out.strip().splitlines()[-1])
