"""RFC 5545 output through the icalendar library: escaping, folding and the VTIMEZONE are its job.

Each VEVENT is serialised once (``event_bytes``) and the same bytes are placed in every
calendar file that lists it (``calendar_bytes``), so the city-wide, agency and subscription
feeds agree byte for byte. Copies that differ only in UID (a holiday in every agency's feed)
share one serialisation and get their own DTSTAMP/UID/SEQUENCE lines; the calendar head is
serialised once per time zone and only its name line per file. Every line is icalendar's. Text reaches the library without control characters (RFC 5545
TEXT allows none but HTAB; a stray CR makes some parsers see extra lines).
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from humaskit.language.dates import TIME_ZONES

PRODID = "-//humaskit//Kalender Konten//ID"
ZONES = {tzid: (hours, name) for tzid, (name, hours) in TIME_ZONES.items()}  # (hours ahead of UTC, name)
# How often a subscribed client should fetch the feed again (RFC 7986 and Outlook's older name).
REFRESH = timedelta(hours=6)
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    start: datetime | date        # a date means an all-day event
    end: datetime | date
    description: str = ""
    categories: tuple[str, ...] = ()
    status: str = "CONFIRMED"

    def fingerprint(self, tzid: str) -> str:
        """What decides whether an event changed (and so needs a new SEQUENCE)."""
        parts = (tzid, self.uid, self.summary, self.start.isoformat(), self.end.isoformat(), self.description,
                 *self.categories, self.status)
        return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Stamp:
    sequence: int
    dtstamp: datetime  # UTC

    @classmethod
    def parse(cls, sequence, dtstamp) -> "Stamp":
        """From the state file; ValueError/TypeError when it was edited into something else."""
        if not isinstance(sequence, int) or isinstance(sequence, bool) or sequence < 0:
            raise ValueError(sequence)
        return cls(sequence, datetime.strptime(str(dtstamp), STAMP_FORMAT).replace(tzinfo=timezone.utc))

    @property
    def text(self) -> str:
        return self.dtstamp.strftime(STAMP_FORMAT)


# Every line break a reader may honour: CRLF, lone CR or LF, and the Unicode line/paragraph separators.
_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")
# C0 controls except HTAB (and the breaks, handled first), DEL, C1 controls, lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_EITHER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # a break or a control character


def plain_text(text: str) -> str:
    """Text without control characters; every kind of line break becomes ``\\n``."""
    if not _EITHER.search(text):  # most text: nothing to change, one scan instead of two
        return text
    return _CONTROL.sub("", _BREAK.sub("\n", text))


def event_block(event: Event, stamp: Stamp, tzid: str) -> bytes:
    """One VEVENT, serialised by icalendar, ready to be shared by every calendar file that lists it."""
    import icalendar

    out = icalendar.Event()
    out.add("uid", event.uid)
    out.add("dtstamp", stamp.dtstamp)
    out.add("sequence", stamp.sequence)
    if isinstance(event.start, datetime):
        out.add("dtstart", event.start, parameters={"TZID": tzid})
        out.add("dtend", event.end, parameters={"TZID": tzid})
    else:
        out.add("dtstart", event.start)
        out.add("dtend", event.end)
    out.add("summary", plain_text(event.summary))
    if event.description:
        out.add("description", plain_text(event.description))
    if event.categories:
        out.add("categories", [plain_text(c) for c in event.categories])
    out.add("status", event.status)
    out.add("transp", "TRANSPARENT")
    return out.to_ical()


def _timezone(tzid: str):
    """Indonesia has kept one offset per zone since 1988 (no daylight saving), so one STANDARD suffices."""
    import icalendar

    hours, name = ZONES[tzid]
    offset = timedelta(hours=hours)
    standard = icalendar.TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", offset)
    standard.add("tzoffsetto", offset)
    standard.add("tzname", name)
    zone = icalendar.Timezone()
    zone.add("tzid", tzid)
    zone.add_component(standard)
    return zone


def _inner(component) -> bytes:
    """A component's property lines as icalendar writes them, without its BEGIN and END lines."""
    raw = component.to_ical()
    return raw[raw.index(b"\r\n") + 2:raw.rindex(b"END:")]


def _identity_lines(uid: str, stamp: Stamp) -> bytes:
    import icalendar

    out = icalendar.Event()
    out.add("uid", uid)
    out.add("dtstamp", stamp.dtstamp)
    out.add("sequence", stamp.sequence)
    return _inner(out)


def _around(block: bytes, lines: bytes) -> tuple[bytes, bytes]:
    """``block`` before and after its whole ``lines`` (which start at a line start)."""
    head, found, tail = block.partition(b"\r\n" + lines)
    if not found:
        raise ValueError("lines not in block")
    return head + b"\r\n", tail


# Events per task when serialising on every core; a month below two workers' worth is done here.
CHUNK = 250
PARALLEL_FROM = 8 * CHUNK
_TODO: tuple = ()


def event_bytes(events: list[Event], stamps: dict[str, Stamp], tzid: str) -> dict[str, bytes]:
    """Each event's VEVENT by UID, each serialised once, on every core for a large month. An event
    that differs from an earlier one only in its UID (and stamp) takes that event's bytes with its
    own DTSTAMP, UID and SEQUENCE lines, also written by icalendar: the bytes serialising it whole
    gives, for a fraction of the work."""
    import icalendar  # noqa: F401  (imported once here, before any worker is forked)

    from humaskit.workers import fork_map

    models: dict[tuple, Event] = {}
    copies: list[tuple[tuple, Event]] = []
    for event in events:
        content = (event.summary, event.start, event.end, event.description, event.categories, event.status)
        if models.setdefault(content, event) is not event:
            copies.append((content, event))
    todo = [(e, stamps[e.uid]) for e in models.values()]
    chunks = [range(i, min(i + CHUNK, len(todo))) for i in range(0, len(todo), CHUNK)]
    blocks = fork_map(_serialise, chunks, init=_share, initargs=((todo, tzid),),
                      min_per_worker=PARALLEL_FROM // CHUNK // 2)
    _share(())
    out = {event.uid: block for (event, _), block in zip(todo, (b for chunk in blocks for b in chunk))}
    frames: dict[tuple, tuple[bytes, bytes]] = {}
    for content, event in copies:
        if content not in frames:
            model = models[content]
            frames[content] = _around(out[model.uid], _identity_lines(model.uid, stamps[model.uid]))
        head, tail = frames[content]
        out[event.uid] = head + _identity_lines(event.uid, stamps[event.uid]) + tail
    return {event.uid: out[event.uid] for event in events}


def _share(todo: tuple) -> None:
    global _TODO
    _TODO = todo


def _serialise(chunk: range) -> list[bytes]:
    events, tzid = _TODO
    return [event_block(*events[i], tzid) for i in chunk]


@functools.lru_cache(maxsize=None)
def _calendar_frame(tzid: str, subscription: bool) -> tuple[bytes, bytes]:
    """The VCALENDAR head (properties and VTIMEZONE) before and after its name line, serialised
    once per time zone and kind of feed."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "-")
    cal.add("x-wr-timezone", tzid)
    if subscription:
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH))  # an X- property is text unless typed
    cal.add_component(_timezone(tzid))
    head, tail = _around(cal.to_ical(), _name_line("-"))
    return head, tail[:-len(END)]


def _name_line(name: str) -> bytes:
    import icalendar

    cal = icalendar.Calendar()
    cal.add("x-wr-calname", plain_text(name))
    return _inner(cal)


def calendar_bytes(name: str, tzid: str, blocks: list[bytes], *, subscription: bool = False) -> bytes:
    """A VCALENDAR around already-serialised VEVENT blocks, in the order given (see ``event_order``).
    A subscription feed also tells clients how often to fetch it again."""
    head, tail = _calendar_frame(tzid, subscription)
    return b"".join((head, _name_line(name), tail, *blocks, END))


def event_blocks(raw: bytes) -> list[bytes]:
    """The VEVENTs of a calendar file, parsed by icalendar and serialised again (the bytes of an
    event this module wrote come back unchanged); ValueError when the file is not a calendar."""
    import icalendar

    try:
        return [event.to_ical() for event in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    except Exception as exc:  # icalendar raises many kinds for a damaged file
        raise ValueError(str(exc)) from None


def event_order(event: Event):
    """All-day events first on their date, then by start time, then UID: a total order."""
    start = event.start if isinstance(event.start, datetime) else datetime(*event.start.timetuple()[:3])
    return (start, isinstance(event.start, datetime), event.uid)
