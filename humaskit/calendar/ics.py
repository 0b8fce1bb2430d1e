"""RFC 5545 output written line by line, so the bytes depend only on the events given.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character;
text values are escaped (backslash, semicolon, comma, newline) and hold no control
characters (RFC 5545 TEXT allows none but HTAB; a stray CR makes some parsers see extra lines).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

PRODID = "-//humaskit//Kalender Konten//ID"
ZONES = {"Asia/Jakarta": ("+0700", "WIB"), "Asia/Makassar": ("+0800", "WITA"), "Asia/Jayapura": ("+0900", "WIT")}


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    start: datetime | date        # a date means an all-day event
    end: datetime | date
    description: str = ""
    categories: tuple[str, ...] = ()
    status: str = "CONFIRMED"

    def body(self, tzid: str) -> list[str]:
        """Every property except the stamps (DTSTAMP, SEQUENCE), which depend on history."""
        lines = [f"UID:{self.uid}"]
        if isinstance(self.start, datetime):
            lines += [f"DTSTART;TZID={tzid}:{self.start:%Y%m%dT%H%M%S}",
                      f"DTEND;TZID={tzid}:{self.end:%Y%m%dT%H%M%S}"]
        else:
            lines += [f"DTSTART;VALUE=DATE:{self.start:%Y%m%d}", f"DTEND;VALUE=DATE:{self.end:%Y%m%d}"]
        lines.append(f"SUMMARY:{escape(self.summary)}")
        if self.description:
            lines.append(f"DESCRIPTION:{escape(self.description)}")
        if self.categories:
            lines.append("CATEGORIES:" + ",".join(escape(c) for c in self.categories))
        lines += [f"STATUS:{self.status}", "TRANSP:TRANSPARENT"]
        return lines

@dataclass(frozen=True)
class Stamp:
    sequence: int
    dtstamp: str  # UTC, 20261128T070000Z


# Every line break a reader may honour: CRLF, lone CR or LF, and the Unicode line/paragraph separators.
_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")
# C0 controls except HTAB (and the breaks, handled first), DEL, C1 controls, lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def plain_text(text: str) -> str:
    """Text without control characters; every kind of line break becomes ``\\n``."""
    return _CONTROL.sub("", _BREAK.sub("\n", text))


def escape(text: str) -> str:
    return (plain_text(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """One content line as CRLF-terminated octets, folded so no physical line exceeds 75 octets."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return raw + b"\r\n"
    parts, start, limit = [], 0, 75
    while start < len(raw):
        end = min(start + limit, len(raw))
        while end < len(raw) and (raw[end] & 0xC0) == 0x80:  # never cut inside a character
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, 74  # continuation lines begin with one space
    return b"\r\n ".join(parts) + b"\r\n"


def vtimezone(tzid: str) -> list[str]:
    """Indonesia has kept one offset per zone since 1988 (no daylight saving), so one STANDARD suffices."""
    offset, name = ZONES[tzid]
    return ["BEGIN:VTIMEZONE", f"TZID:{tzid}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}", f"TZNAME:{name}", "END:STANDARD", "END:VTIMEZONE"]


def fingerprint(body: list[str]) -> str:
    """What decides whether an event changed (and so needs a new SEQUENCE)."""
    return hashlib.sha256("\n".join(body).encode()).hexdigest()


def event_block(body: list[str], stamp: Stamp) -> bytes:
    """One VEVENT from its ``Event.body``, folded, ready to be shared by every calendar file that lists it."""
    lines = ["BEGIN:VEVENT", body[0], f"DTSTAMP:{stamp.dtstamp}", f"SEQUENCE:{stamp.sequence}", *body[1:],
             "END:VEVENT"]
    return b"".join(fold(line) for line in lines)


def calendar_bytes(name: str, tzid: str, blocks: list[bytes]) -> bytes:
    """A VCALENDAR around already-rendered VEVENT blocks, in the order given (see ``event_order``)."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            f"X-WR-CALNAME:{escape(name)}", f"X-WR-TIMEZONE:{tzid}", *vtimezone(tzid)]
    return b"".join(fold(line) for line in head) + b"".join(blocks) + fold("END:VCALENDAR")


def event_order(event: Event):
    """All-day events first on their date, then by start time, then UID: a total order."""
    start = event.start if isinstance(event.start, datetime) else datetime(*event.start.timetuple()[:3])
    return (start, isinstance(event.start, datetime), event.uid)
