"""Writing a built calendar: the .ics feeds (the month, the stable subscription feeds, per
agency), the readable overview and the state file that keeps UIDs, SEQUENCE and DTSTAMP.

History of a subscribed calendar lives in a small state file beside the outputs
(``.kalender-YYYY-MM.json``): each UID's content fingerprint, SEQUENCE and DTSTAMP. An
unchanged event keeps both, so rebuilding from the same inputs gives the same bytes; an
event whose content changed (moved, retitled, draft status changed) gets SEQUENCE + 1 and
DTSTAMP = the build clock, so subscribed calendars update it instead of duplicating it."""

from __future__ import annotations

import functools
import gc
import json
import re
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from humaskit.calendar.holidays_src import SpecialDay
from humaskit.calendar.ics import ZONES, Event, Stamp, calendar_bytes, event_blocks, event_bytes, event_order
from humaskit.calendar.plans import PRIORITY_LABELS, slug
from humaskit.calendar.schedule import Placement
from humaskit.calendar.result import (DAY_CATEGORIES, PROBLEM_STATES, CalendarResult, agency_short, channel_label,
                                      draft_state, state_key)
from humaskit.errors import HumaskitError


@contextmanager
def gc_paused():
    """A build allocates many long-lived objects and no garbage cycles; left running, the
    cyclic collector rescans the growing heap and makes large months grow worse than n log n."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


STATE_VERSION = 1


def _domain(guideline) -> str:
    return _domain_of(guideline["organization"])


@functools.lru_cache(maxsize=None)
def _domain_of(organization: str) -> str:  # asked once per event
    return f"{slug(organization)}.humaskit"


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
        summary=f"[{agency_short(g, e.agency)}] {e.title}" + (" (belum ditulis)" if e.to_write else ""),
        start=start, end=start + timedelta(minutes=g["calendar"]["event_minutes"]),
        description="\n".join(lines),
        categories=(agency_short(g, e.agency), *(g.platforms[x]["label"] for x in p.platforms)),
        status="TENTATIVE" if failing else "CONFIRMED",
    )


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
    categories = (DAY_CATEGORIES[day.kind],) + ((agency_short(g, day.agency),) if day.agency else ())
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
    with gc_paused():
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
        files[f"{base}-{agency}.ics"] = calendar_bytes(f"{agency_short(g, agency)}: kalender konten {result.label}", tzid,
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
        name = f"{g['organization']}: kalender konten" if agency is None else f"{agency_short(g, agency)}: kalender konten"
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
