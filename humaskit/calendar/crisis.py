"""Crisis windows in the plans: while a crisis lasts, routine and momentum posts wait.

A plan file may declare ``crisis:`` windows (start, end, and the agencies concerned, or the whole
city). Routine and momentum posts of those agencies are kept out of the window and moved after
it, each with the reason ("ditunda: masa krisis ..."); crisis posts (priority ``crisis``, or a
draft with ``kind: crisis``) are scheduled before everything else and take the earliest slots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from humaskit.guideline.spec import Field, ListOf, Moment, Section, Str

DAY_MINUTES = 24 * 60
POSTPONED = ("routine", "momentum")  # the priorities a crisis pushes out of its window

WINDOW = Section(fields={
    "name": Field(Str(), "Nama krisis, misalnya 'Banjir Cipedes'.", required=True),
    "start": Field(Moment(what="awal masa krisis"), "Awal masa krisis (waktu setempat), misalnya 2026-12-10T06:00.",
                   required=True),
    "end": Field(Moment(what="akhir masa krisis"), "Akhir masa krisis (waktu setempat).", required=True),
    "agencies": Field(ListOf(Str(), unique=True), "Perangkat daerah yang unggahan rutin dan momentumnya ditunda "
                      "(kosong: seluruh kota)."),
})
WINDOWS = ListOf(WINDOW)


@dataclass(frozen=True)
class Crisis:
    name: str
    start: datetime
    end: datetime
    agencies: tuple[str, ...] = ()  # empty: the whole city

    def affects(self, agency: str, priority: str) -> bool:
        return priority in POSTPONED and (not self.agencies or agency in self.agencies)

    @property
    def reason(self) -> str:
        return f"ditunda: masa krisis '{self.name}' ({self.start:%Y-%m-%d %H:%M} s.d. {self.end:%Y-%m-%d %H:%M})"


def check_windows(raw: list, at: tuple, guideline, ctx) -> list[Crisis]:
    """The plan's crisis windows; an unknown agency or an end before the start is reported in ``ctx``."""
    out = []
    for i, window in enumerate(raw or ()):
        if not window:
            continue
        agencies = tuple(a for a in window["agencies"] or () if a is not None)
        for j, agency in enumerate(agencies):
            if problem := guideline.unknown("agency", agency):
                ctx.error(at + (i, "agencies", j), *problem)
        if window["start"] is None or window["end"] is None:
            continue
        if window["end"] <= window["start"]:
            ctx.error(at + (i, "end"), f"akhir masa krisis ({window['end']:%Y-%m-%d %H:%M}) tidak sesudah awalnya.")
            continue
        out.append(Crisis(window["name"], window["start"], window["end"], agencies))
    return out


def minutes_in_month(crisis: Crisis, first: date) -> tuple[int, int]:
    """The window as minutes since the month's first midnight, end exclusive (may lie outside the month)."""
    origin = datetime.combine(first, datetime.min.time())
    return (int((crisis.start - origin).total_seconds() // 60), int((crisis.end - origin).total_seconds() // 60))
