"""Constants shared by the top-level tests (a module name no other test folder uses)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REGEN = os.environ.get("HUMASKIT_REGEN") == "1"
