"""The `humaskit aduan` commands the README shows work as typed, in a copy of the example."""

from __future__ import annotations

import re
import shlex
import shutil
import sqlite3

from aduan_support import run
from support import REPO


def test_the_readme_commands_work_as_typed(tmp_path):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Complaint handling: `humaskit aduan`")
    section = readme[start:readme.index("### Bahasa Indonesia", start)]
    commands = [shlex.split(line) for line in re.findall(r"(?m)^humaskit aduan .*$", section)]
    assert [c[2] for c in commands] == ["impor", "catat", "tahap", "lihat", "balas", "laporan", "laporan", "ekspor"]
    shutil.copytree(REPO / "examples" / "aduan", tmp_path / "examples" / "aduan")
    outputs = {}
    for words in commands:
        result = run(*words[2:], cwd=tmp_path)
        assert result.returncode == 0, (words, result.stderr)
        outputs.setdefault(words[2], result.stdout)
    assert outputs["catat"] == "TSM-202611-0041\n"  # after the example's 40 complaints
    assert "paling lambat" in outputs["balas"] and "TSM-202611-0041" in outputs["balas"]
    for name in ("aduan-2026-11.html", "aduan-2026-11.csv", "aduan-publik-2026-11.html", "aduan-publik-2026-11.csv"):
        assert (tmp_path / "laporan" / name).stat().st_size > 1000
    copy = sqlite3.connect(tmp_path / "cadangan-aduan.db")
    assert copy.execute("SELECT count(*) FROM complaints").fetchone()[0] == 41
    assert (REPO / "docs" / "img" / "aduan-laporan.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
