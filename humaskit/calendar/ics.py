"""RFC 5545 output through the icalendar library: escaping, folding and the VTIMEZONE are its job.

Each VEVENT is serialised once (``event_block``) and the same bytes are placed in every
calendar file that lists it (``calendar_bytes``), so the city-wide, agency and subscription
feeds agree byte for byte. Text reaches the library without control characters (RFC 5545
TEXT allows none but HTAB; a stray CR makes some parsers see extra lines).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

PRODID = "-//humaskit//Kalender Konten//ID"
ZONES = {"Asia/Jakarta": (7, "WIB"), "Asia/Makassar": (8, "WITA"), "Asia/Jayapura": (9, "WIT")}
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


def plain_text(text: str) -> str:
    """Text without control characters; every kind of line break becomes ``\\n``."""
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


def calendar_bytes(name: str, tzid: str, blocks: list[bytes], *, subscription: bool = False) -> bytes:
    """A VCALENDAR around already-serialised VEVENT blocks, in the order given (see ``event_order``).
    A subscription feed also tells clients how often to fetch it again."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", plain_text(name))
    cal.add("x-wr-timezone", tzid)
    if subscription:
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", icalendar.vDuration(REFRESH))  # an X- property is text unless typed
    cal.add_component(_timezone(tzid))
    head = cal.to_ical()
    return head[:-len(END)] + b"".join(blocks) + END


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
