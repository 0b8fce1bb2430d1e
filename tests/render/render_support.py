"""Shared helpers of the renderer tests (a unique module name: pytest puts test folders on sys.path)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "render"
GOLDEN = Path(__file__).resolve().parent / "golden"
TEMPLATES = ("pengumuman", "agenda", "hari-besar", "layanan-info", "siaga")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path

# Golden images are rewritten only when asked for explicitly.
REGEN = os.environ.get("HUMASKIT_REGEN") == "1"
