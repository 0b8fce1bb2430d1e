"""Library entry points: ``build_calendar`` (pure, nothing written) and ``write_outputs``.

The CLI is a thin client of these two functions; the benchmark and tests call them directly.

History of a subscribed calendar lives in a small state file beside the outputs
(``.kalender-YYYY-MM.json``): each UID's content fingerprint, SEQUENCE and DTSTAMP. An
unchanged event keeps both, so rebuilding from the same inputs gives the same bytes; an
event whose content changed (moved, retitled, draft status changed) gets SEQUENCE + 1 and
DTSTAMP = the build clock, so subscribed calendars update it instead of duplicating it.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from humaskit.calendar.holidays_src import SpecialDay, month_days
from humaskit.calendar.ics import ZONES, Event, Stamp, calendar_bytes, event_blocks, event_bytes, event_order
from humaskit.calendar.plans import PRIORITY_LABELS, Entry, _default_window, load_entries, quiet_minutes, slug
from humaskit.calendar.schedule import OWN, Placement, Schedule, schedule
from humaskit.errors import HumaskitError

STATE_VERSION = 1
MONTH_YEARS = (1900, 2999)


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


def parse_month(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise HumaskitError.single(f"bulan '{text}' tidak valid; tulis YYYY-MM, misalnya 2026-12.", key="--month")
    if not MONTH_YEARS[0] <= int(match[1]) <= MONTH_YEARS[1]:  # the grid and all-day ends need the years around it
        raise HumaskitError.single(f"tahun {match[1]} di luar jangkauan kalender ({MONTH_YEARS[0]}-{MONTH_YEARS[1]}).",
                                   key="--month")
    return int(match[1]), int(match[2])


@contextmanager
def _gc_paused():
    """A build allocates many long-lived objects and no garbage cycles; left running, the
    cyclic collector rescans the growing heap and makes large months grow worse than n log n."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_calendar(guideline, month: str, plans_dir: Path | None, *, draft_dirs=(), overrides: Path | None = None,
                   entries: list[Entry] | None = None, lint: bool = True, crises=()) -> CalendarResult:
    """Everything the calendar needs, computed in memory. ``entries`` (and ``crises``) bypass the
    plan files (benchmarks, tests); otherwise they are loaded from ``plans_dir`` and ``draft_dirs``."""
    with _gc_paused():
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


# --- events -----------------------------------------------------------------------------------

def _domain(guideline) -> str:
    return _domain_of(guideline["organization"])


@functools.lru_cache(maxsize=None)
def _domain_of(organization: str) -> str:  # asked once per event
    return f"{slug(organization)}.humaskit"


def _short(guideline, agency: str) -> str:
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


def _placement_event(result: CalendarResult, p: Placement) -> Event:
    g = result.guideline
    e = p.entry
    start = datetime.combine(p.day, datetime.min.time()) + timedelta(minutes=p.minute)
    state = draft_state(result, e)
    lines = [f"Perangkat daerah: {g.agencies[e.agency]['name']}",
             f"Akun: {channel_label(g, p.channel, p.platforms)}",
             f"Prioritas: {PRIORITY_LABELS[e.priority]}"]
    if e.campaign:
        lines.append(f"Kampanye: {e.campaign}")
    if e.momentum:
        lines.append(f"Hari peringatan: {e.momentum}")
    if e.draft:
        lines.append(f"Draf: {result.shown_path(e.draft)}")
    lines.append(f"Status: {state}")
    if p.note:
        lines.append(f"Catatan: bukan pilihan pertama karena {p.note}")
    failing = state_key(result, e) in PROBLEM_STATES
    return Event(
        uid=f"{result.label}.{e.agency}.{e.id}.{p.channel}@{_domain(g)}",
        summary=f"[{_short(g, e.agency)}] {e.title}" + (" (belum ditulis)" if e.to_write else ""),
        start=start, end=start + timedelta(minutes=g["calendar"]["event_minutes"]),
        description="\n".join(lines),
        categories=(_short(g, e.agency), *(g.platforms[x]["label"] for x in p.platforms)),
        status="TENTATIVE" if failing else "CONFIRMED",
    )


DAY_CATEGORIES = {"libur": "Libur nasional", "cuti": "Cuti bersama", "peringatan": "Hari peringatan"}


def _day_event(result: CalendarResult, day: SpecialDay, feed: str | None) -> Event:
    """A holiday or commemoration day as an all-day event of one feed (None: the city's). Each feed
    gets its own UID: clients such as Google Calendar keep one event per UID across every calendar
    a person subscribes to, so a shared UID would make the day vanish from, or flicker between, feeds."""
    g = result.guideline
    lines = []
    if day.agency:
        lines.append(f"Penanggung jawab: {g.agencies[day.agency]['name']}")
    if day.hashtags:
        lines.append("Tagar: " + " ".join(day.hashtags))
    categories = (DAY_CATEGORIES[day.kind],) + ((_short(g, day.agency),) if day.agency else ())
    local = f"{day.date:%Y%m%d}.{day.kind}.{slug(day.name)}" + (f".{feed}" if feed else "")
    return Event(uid=f"{local}@{_domain(g)}", summary=day.name, start=day.date, end=day.date + timedelta(days=1),
                 description="\n".join(lines), categories=categories)


def attach_events(result: CalendarResult) -> None:
    """Set ``result.events`` (the city's) and ``result.agency_events`` (each agency's: its own copy of
    the special days and its posts, the same post events as the city's, so their bytes are shared).
    Called by :func:`build_calendar`; call again after changing ``result.drafts``, whose states the
    post events show."""
    by_agency = {key: [_day_event(result, d, key) for d in result.days] for key in result.guideline.agencies}
    events = [_day_event(result, d, None) for d in result.days]
    for placement in result.schedule.placements:
        event = _placement_event(result, placement)
        events.append(event)
        by_agency[placement.entry.agency].append(event)
    result.events = events
    result.agency_events = by_agency


def all_events(result: CalendarResult) -> list[Event]:
    """Every distinct event of the month, each once."""
    seen = {e.uid: e for e in result.events}
    for events in result.agency_events.values():
        for event in events:
            seen.setdefault(event.uid, event)
    return list(seen.values())


# --- stamps and outputs ------------------------------------------------------------------------

def state_name(result: CalendarResult) -> str:
    return f".kalender-{result.label}.json"


def read_state(path: Path) -> dict:
    """The previous build's stamps; a missing or unreadable state only means "first build"."""
    from humaskit.fsutil import read_user_text

    try:
        data = json.loads(read_user_text(path, what="Berkas status kalender"))
    except (HumaskitError, ValueError):  # missing, not a regular file, too big, not JSON: a first build
        return {}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION or not isinstance(data.get("events"), dict):
        return {}
    return data["events"]


def stamps(result: CalendarResult, previous: dict, now: datetime) -> tuple[dict[str, Stamp], dict]:
    """SEQUENCE and DTSTAMP per UID, and the new state to keep for the next build."""
    tzid = result.guideline["timezone"]
    build_stamp = now.astimezone(timezone.utc).replace(microsecond=0)
    out: dict[str, Stamp] = {}
    state = {uid: v for uid, v in previous.items() if isinstance(v, dict)}
    for event in all_events(result):
        mark = event.fingerprint(tzid)
        old = state.get(event.uid)
        try:
            if old and old["fingerprint"] == mark:
                stamp = Stamp.parse(old["sequence"], old["dtstamp"])
            else:
                stamp = Stamp(Stamp.parse(old["sequence"], old["dtstamp"]).sequence + 1 if old else 0, build_stamp)
        except (KeyError, TypeError, ValueError):
            stamp = Stamp(0, build_stamp)
        out[event.uid] = stamp
        state[event.uid] = {"dtstamp": stamp.text, "fingerprint": mark, "sequence": stamp.sequence}
    return out, state


def _state_bytes(result: CalendarResult, state: dict) -> bytes:
    """One event per line: readable in a diff, and written by the C JSON encoder (no indent)."""
    rows = ",\n".join(f"  {json.dumps(uid)}: {json.dumps(state[uid], sort_keys=True)}" for uid in sorted(state))
    return (f'{{"version": {STATE_VERSION}, "month": "{result.label}", "events": {{\n{rows}\n}}}}\n').encode()


FEED = "kalender"  # kalender.ics and kalender-<agency>.ics: the addresses agencies subscribe to


def render_outputs(result: CalendarResult, previous: dict, now: datetime,
                   later_months: dict[str, dict[str | None, list[bytes]]] | None = None) -> dict[str, bytes]:
    """File name → bytes for every output of the month (nothing is written here).

    ``later_months``: the event blocks of other months already built into the output folder
    (label → feed → blocks, feed None = the city), for the subscription feeds."""
    with _gc_paused():
        return _render(result, previous, now, later_months or {})


def _render(result: CalendarResult, previous: dict, now: datetime, later_months: dict) -> dict[str, bytes]:
    from humaskit.calendar.overview import csv_bytes, html_bytes

    g = result.guideline
    tzid = g["timezone"]
    stamp, state = stamps(result, previous, now)
    # Each VEVENT is serialised once and shared by every file that lists it.
    block = event_bytes(all_events(result), stamp, tzid)
    month = {None: [block[e.uid] for e in sorted(result.events, key=event_order)]}
    for agency, events in result.agency_events.items():
        month[agency] = [block[e.uid] for e in sorted(events, key=event_order)]
    base = f"{FEED}-{result.label}"
    files = {f"{base}.ics": calendar_bytes(f"{g['organization']}: kalender konten {result.label}", tzid, month[None])}
    for agency in sorted(result.agency_events):
        files[f"{base}-{agency}.ics"] = calendar_bytes(f"{_short(g, agency)}: kalender konten {result.label}", tzid,
                                                       month[agency])
    files.update(_feeds(result, month, feed_months(result, now, later_months), later_months))
    files[f"{base}.html"] = html_bytes(result)
    files[f"{base}.csv"] = csv_bytes(result)
    files[state_name(result)] = _state_bytes(result, state)
    return files


def clock_month(result: CalendarResult, now: datetime) -> str:
    """The build clock's month in the guideline's timezone."""
    local = now.astimezone(timezone(timedelta(hours=ZONES[result.guideline["timezone"]][0])))
    return f"{local.year:04d}-{local.month:02d}"


def feed_months(result: CalendarResult, now: datetime, later_months: dict) -> list[str]:
    """The months a subscription feed carries: the clock's month and every later one built here."""
    current = clock_month(result, now)
    return sorted(label for label in {result.label, *later_months} if label >= current)


def _feeds(result: CalendarResult, month: dict, labels: list[str], later_months: dict) -> dict[str, bytes]:
    g = result.guideline
    tzid = g["timezone"]
    blocks = {**later_months, result.label: month}
    span = f"{labels[0]} s.d. {labels[-1]}" if len(labels) > 1 else (labels[0] if labels else "-")
    files = {}
    for agency in [None, *sorted(result.agency_events)]:
        name = f"{g['organization']}: kalender konten" if agency is None else f"{_short(g, agency)}: kalender konten"
        body = [b for label in labels for b in blocks[label].get(agency, [])]
        target = f"{FEED}.ics" if agency is None else f"{FEED}-{agency}.ics"
        files[target] = calendar_bytes(f"{name} ({span})", tzid, body, subscription=True)
    return files


_MONTH_STATE = re.compile(r"\.kalender-(\d{4}-\d{2})\.json")


def read_later_months(result: CalendarResult, out_dir: Path, now: datetime) -> tuple[dict, list[str]]:
    """Event blocks of the other months built into ``out_dir`` that the feeds still carry, and a
    note for each such month whose calendar cannot be read (that month is left out of the feeds)."""
    from humaskit.fsutil import read_user_bytes

    current = clock_month(result, now)
    found: dict[str, dict] = {}
    notes = []
    if not out_dir.is_dir():
        return found, notes
    labels = sorted(m[1] for p in out_dir.iterdir() if (m := _MONTH_STATE.fullmatch(p.name)))
    for label in labels:
        if label == result.label or label < current:
            continue
        feeds: dict[str | None, list[bytes]] = {}
        try:
            for agency in [None, *sorted(result.agency_events)]:
                path = out_dir / (f"{FEED}-{label}.ics" if agency is None else f"{FEED}-{label}-{agency}.ics")
                if agency is not None and not path.exists():
                    continue  # an agency added to the guideline after that month was built
                feeds[agency] = event_blocks(read_user_bytes(path, what="Kalender bulan lain"))
        except (HumaskitError, ValueError) as exc:
            reason = exc.problems[0].render() if isinstance(exc, HumaskitError) else "bukan berkas kalender yang valid"
            notes.append(f"kalender {label} tidak ikut di kalender langganan: {reason}; bangun ulang bulan itu.")
            continue
        found[label] = feeds
    return found, notes


def write_outputs(result: CalendarResult, out_dir: Path, now: datetime) -> list[Path]:
    """Render everything in memory first, then write each file atomically (the state file last,
    so an interrupted run is simply redone). Notes about other months go to ``result.notes``."""
    from humaskit.fsutil import atomic_write
    from humaskit.outdir import check_out_dir, output_file

    out_dir = Path(out_dir)
    check_out_dir(out_dir)
    later, notes = read_later_months(result, out_dir, now)
    result.notes.extend(notes)
    files = render_outputs(result, read_state(out_dir / state_name(result)), now, later)
    targets = {name: output_file(out_dir, name) for name in files}
    written = []
    for name in sorted(files, key=lambda n: n.startswith(".")):
        target = targets[name]
        atomic_write(target, files[name], what="Berkas keluaran")  # OS errors: HumaskitError
        written.append(target)
    return written


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
