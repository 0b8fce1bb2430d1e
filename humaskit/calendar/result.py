"""What a calendar build found, and the words a person reads about each post: its draft's
state, its channel, the agency's short name."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from humaskit.calendar.holidays_src import SpecialDay
from humaskit.calendar.ics import Event
from humaskit.calendar.plans import Entry
from humaskit.calendar.schedule import OWN, Schedule


@dataclass(frozen=True)
class DraftStatus:
    path: str
    errors: int
    warnings: int
    problem: str | None = None  # the draft could not be linted at all

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.problem)


@dataclass
class CalendarResult:
    guideline: object
    year: int
    month: int
    days: list[SpecialDay]
    entries: list[Entry]
    schedule: Schedule
    drafts: dict[str, DraftStatus]
    added: list[Entry]           # momentum entries the builder added, to be written
    outside: int                 # plan entries for other months, skipped
    plans_dir: Path | None = None
    events: list[Event] = field(default_factory=list)
    agency_events: dict[str, list[Event]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # said to the user after writing
    conflicts: list = field(default_factory=list)  # voice.Conflict: drafts about one event that disagree
    crises: list = field(default_factory=list)  # calendar.crisis.Crisis: the plans' crisis windows

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def failed_drafts(self) -> list[DraftStatus]:
        return [s for s in self.drafts.values() if s.failed]

    @property
    def exit_code(self) -> int:
        """1 when an entry could not be placed, a scheduled draft fails the linter, or drafts about one
        named event state different facts; else 0."""
        disagree = any(c.severity == "error" for c in self.conflicts)
        return 1 if self.schedule.unplaced or self.failed_drafts or disagree else 0

    def shown_path(self, path: str) -> str:
        """Draft paths relative to the plans folder, so outputs do not depend on the machine."""
        if self.plans_dir is None:
            return Path(path).as_posix()
        return Path(os.path.relpath(Path(path).resolve(), self.plans_dir.resolve())).as_posix()


def agency_short(guideline, agency: str) -> str:
    info = guideline.agencies.get(agency) or {}
    return info.get("short") or info.get("name") or agency


# Each state a post can be in: its mark and word on the printed month, its words in the .ics and CSV.
STATES = {
    "lolos": ("✓", "draf lolos"),
    "belum": ("✎", "belum ditulis"),
    "gagal": ("✗", "draf gagal pemeriksaan"),
    "rusak": ("⊘", "draf tidak dapat dibaca"),
    "tidak-diperiksa": ("?", "draf tidak diperiksa"),
}


PROBLEM_STATES = ("belum", "gagal", "rusak")


def state_key(result: CalendarResult, entry: Entry) -> str:
    if entry.to_write:
        return "belum"
    status = result.drafts.get(entry.draft)
    if status is None:
        return "tidak-diperiksa"
    if status.problem:
        return "rusak"
    return "gagal" if status.errors else "lolos"


def draft_state(result: CalendarResult, entry: Entry) -> str:
    key = state_key(result, entry)
    if key == "rusak":
        return f"draf tidak dapat dibaca: {result.drafts[entry.draft].problem}"
    if key == "gagal":
        # Warnings do not block publishing; leaving their count out keeps the calendar from
        # changing (and subscribers from seeing updates) whenever a style rule is tuned.
        return f"draf gagal pemeriksaan ({result.drafts[entry.draft].errors} galat)"
    return "draf lolos pemeriksaan" if key == "lolos" else STATES[key][1]


def channel_label(guideline, placement_channel: str, platforms) -> str:
    if placement_channel == OWN:
        return "akun sendiri: " + ", ".join(guideline.platforms[p]["label"] for p in platforms)
    return guideline["calendar"]["shared_accounts"][placement_channel]["label"]


DAY_CATEGORIES = {"libur": "Libur nasional", "cuti": "Cuti bersama", "peringatan": "Hari peringatan"}
