"""Library entry points: ``build_calendar`` (pure, nothing written) and ``write_outputs``
(humaskit.calendar.outputs). The CLI is a thin client of these; the desk, the benchmark and the
tests call them directly."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from humaskit.calendar.holidays_src import SpecialDay, month_days
from humaskit.calendar.plans import Entry, _default_window, load_entries, quiet_minutes, slug
from humaskit.calendar.schedule import OWN, schedule
from humaskit.calendar.outputs import (FEED, all_events, attach_events, gc_paused, read_state, render_outputs,
                                       state_name, write_outputs)
from humaskit.calendar.result import CalendarResult, DraftStatus, channel_label
from humaskit.errors import HumaskitError

# The library's calendar API: what the CLI, the desk, the benchmarks and the tests use.
__all__ = ["FEED", "MONTH_YEARS", "CalendarResult", "DraftStatus", "all_events", "build_calendar",
           "describe_conflicts", "describe_unplaced", "parse_month", "read_state", "render_outputs",
           "state_name", "write_outputs"]

MONTH_YEARS = (1900, 2999)


def parse_month(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise HumaskitError.single(f"bulan '{text}' tidak valid; tulis YYYY-MM, misalnya 2026-12.", key="--month")
    if not MONTH_YEARS[0] <= int(match[1]) <= MONTH_YEARS[1]:  # the grid and all-day ends need the years around it
        raise HumaskitError.single(f"tahun {match[1]} di luar jangkauan kalender ({MONTH_YEARS[0]}-{MONTH_YEARS[1]}).",
                                   key="--month")
    return int(match[1]), int(match[2])


def build_calendar(guideline, month: str, plans_dir: Path | None, *, draft_dirs=(), overrides: Path | None = None,
                   entries: list[Entry] | None = None, lint: bool = True, crises=()) -> CalendarResult:
    """Everything the calendar needs, computed in memory. ``entries`` (and ``crises``) bypass the
    plan files (benchmarks, tests); otherwise they are loaded from ``plans_dir`` and ``draft_dirs``."""
    with gc_paused():
        return _build(guideline, month, plans_dir, draft_dirs, overrides, entries, lint, crises)


def _build(guideline, month, plans_dir, draft_dirs, overrides, entries, lint, crises) -> CalendarResult:
    from calendar import monthrange

    from humaskit.voice import conflicts_in_files

    year, mon = parse_month(month)
    overrides = overrides or _guideline_overrides(guideline)
    days = month_days(guideline, year, mon, overrides)
    outside = 0
    draft_paths: list[str] = []
    crises = list(crises)
    if entries is None:
        entries, draft_paths, outside, crises = load_entries(guideline, year, mon, plans_dir, list(draft_dirs))
    added = _unplanned_days(guideline, days, entries)
    first = date(year, mon, 1)
    plan = schedule(entries + added, guideline, first, monthrange(year, mon)[1], crises)
    result = CalendarResult(guideline, year, mon, days, entries, plan, _lint(guideline, draft_paths) if lint else {},
                            added, outside, plans_dir,
                            conflicts=conflicts_in_files(guideline, draft_paths) if lint else [], crises=crises)
    attach_events(result)
    return result


def _guideline_overrides(guideline) -> Path | None:
    name = guideline["calendar"]["overrides"]
    if not name:
        return None
    path = guideline.base_dir / name
    if not path.is_file():
        raise HumaskitError.single(f"berkas koreksi libur '{name}' tidak ditemukan.",
                                   **guideline.where("calendar", "overrides"))
    return path


def _unplanned_days(guideline, days: list[SpecialDay], entries: list[Entry]) -> list[Entry]:
    """Momentum entries for commemoration days (and, with ``holiday_agency``, national holidays)
    that no plan entry covers, owned by the responsible agency and flagged as to be written."""
    cal = guideline["calendar"]
    named = {e.momentum for e in entries if e.momentum}
    covered = {(e.agency, e.first_day + timedelta(days=i)) for e in entries if e.priority == "momentum"
               for i in range((e.last_day - e.first_day).days + 1)}
    window = _default_window(quiet_minutes(guideline))
    out = []
    for day in days:
        if day.kind == "peringatan":
            agency, title, prefix = day.agency, day.name, "peringatan"
        elif day.kind == "libur" and cal["holiday_agency"]:
            agency, title, prefix = cal["holiday_agency"], f"Ucapan {day.name}", "ucapan"
        else:
            continue
        if day.name in named or (agency, day.date) in covered:
            continue
        accounts = tuple(k for k in (cal["momentum_accounts"] or cal["shared_accounts"])
                         if not cal["shared_accounts"][k]["agencies"] or agency in cal["shared_accounts"][k]["agencies"])
        platforms = () if accounts else tuple(guideline.agencies[agency]["handles"] or guideline["defaults"]["platforms"])
        out.append(Entry(agency=agency, id=f"{prefix}-{slug(day.name)}", title=title, priority="momentum",
                         accounts=accounts, platforms=platforms, first_day=day.date, last_day=day.date,
                         window=window, momentum=day.name, to_write=True, origin="pedoman (calendar.momentum)"))
    return out


def describe_conflicts(result: CalendarResult) -> list[str]:
    from humaskit.voice import located

    def where(draft, fact):
        return f"{result.shown_path(draft.path)}:{located(draft, fact)[0]}"

    return [c.message(result.guideline, where) for c in result.conflicts]


def _lint(guideline, paths: list[str]) -> dict[str, DraftStatus]:
    if not paths:
        return {}
    from humaskit.lint.engine import lint_paths

    report = lint_paths(paths, guideline)
    out = {}
    for result in report.files:
        errors = sum(1 for f in result.findings if f.severity == "error")
        warnings = sum(1 for f in result.findings if f.severity == "warning")
        out[result.path] = DraftStatus(result.path, errors, warnings)
    for problem in report.problems:
        out[problem.path] = DraftStatus(problem.path, 0, 0, problem.render())
    return out


def describe_unplaced(result: CalendarResult) -> list[str]:
    g = result.guideline
    out = []
    for u in result.schedule.unplaced:
        label = channel_label(g, u.channel, u.entry.platforms if u.channel == OWN else
                              g["calendar"]["shared_accounts"][u.channel]["platforms"])
        advice = f"; {u.advice}" if u.advice else ""
        out.append(f"{u.entry.origin}: {u.entry.agency} '{u.entry.title}' ({label}) tidak terjadwal: "
                   f"{u.reason}{advice}.")
    return out
