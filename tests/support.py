"""Constants and probes shared by the tests (a module name no other test folder uses)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REGEN = os.environ.get("HUMASKIT_REGEN") == "1"


def loaded_by_lint(modules, env=None) -> list[str]:
    """Which of ``modules`` a fresh process has imported after `humaskit lint` on the example draft."""
    probe = ("import contextlib, io, sys\n"
             "from humaskit.cli import app\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    app(['lint', 'examples/drafts/disdukcapil-layanan-sabtu.md'], standalone_mode=False)\n"
             f"print('\\n'.join(sorted({set(modules)!r} & set(sys.modules))))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, env=env,
                          check=True)
    return done.stdout.split()
