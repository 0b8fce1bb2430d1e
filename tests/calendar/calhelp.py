"""Constants and helpers shared by the calendar tests (imported by name; fixtures live in conftest)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_PLANS = REPO / "examples" / "plans"
NOW = datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)


def write_guideline(folder: Path, calendar_yaml: str) -> Path:
    """A city guideline extending the shipped one, with its own calendar section lines."""
    path = folder / "pedoman.yaml"
    path.write_text("extends: tasikmalaya\ncalendar:\n" + calendar_yaml, encoding="utf-8")
    return path


def write_plan(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
