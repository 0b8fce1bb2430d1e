"""Constants shared by the top-level tests (a module name no other test folder uses)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# CI places a copy of the project's shared/ folder beside the clone.
SHARED = REPO.parent / "shared"
REGEN = os.environ.get("HUMASKIT_REGEN") == "1"


def shared_dir() -> Path:
    """The shared data folder; its absence is a broken checkout, not a reason to skip."""
    assert SHARED.is_dir(), f"shared data folder not found beside the repository: {SHARED}"
    return SHARED
