"""The real browser the tests look through: Debian's Chromium driven by Playwright (its own browser
download is not reachable here). Outside CI a machine without Chromium skips the importing test
module with how to install it; in CI (.ci/run installs it) a missing Chromium fails."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed: `sudo apt-get install -y chromium` (Debian/Ubuntu) to run the "
                "browser tests; .ci/run installs it", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' installs Playwright")


def launch(p):
    """The system Chromium, headless, from a ``sync_playwright()`` context."""
    return p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page of a PDF Chromium wrote."""
    return [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]
