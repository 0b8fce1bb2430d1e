"""Slot assignment: every entry placed under the guideline's rules, most important first.

Deterministic: entries are ordered by a total key and each takes the earliest feasible
time in its wanted range. Cost is O(n log n) in the number of entries: free shared slots
and each agency's busy times per channel are sorted lists searched with bisect, so an
entry looks only at the slots inside its own window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from datetime import date, timedelta

from humaskit.calendar.crisis import minutes_in_month
from humaskit.calendar.plans import DAY_MINUTES, PRIORITIES, PRIORITY_LABELS, URGENT, Entry, in_quiet, quiet_minutes

OWN = "own"
_RANK = {name: i for i, name in enumerate(PRIORITIES)}


@dataclass(frozen=True)
class Placement:
    """One entry on one channel (a shared account key, or ``own`` for the agency's own accounts)."""

    entry: Entry
    channel: str
    platforms: tuple[str, ...]
    day: date
    minute: int
    note: str | None = None  # why it is not at its first choice


@dataclass(frozen=True)
class Unplaced:
    entry: Entry
    channel: str
    reason: str
    nearest: tuple[date, int] | None = None
    searched: bool = True  # False when no slot could help (the quota is used up)

    @property
    def advice(self) -> str:
        if self.nearest:
            return f"slot kosong terdekat: {self.nearest[0]} {clock(self.nearest[1])}"
        return "tidak ada slot kosong lagi di bulan ini" if self.searched else ""


@dataclass
class Schedule:
    placements: list[Placement]
    unplaced: list[Unplaced]

    @property
    def conflicts(self) -> list[Placement]:
        return [p for p in self.placements if p.note]


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def order_key(entry: Entry):
    """Most important first; among equals the least flexible, then the earliest, then by name."""
    span = (entry.last_day - entry.first_day).days * DAY_MINUTES + entry.window[1] - entry.window[0]
    return (_RANK[entry.priority], span, entry.first_day, entry.window[0], entry.agency, entry.id)


class _Board:
    """Who holds what: free shared slots, busy times per (agency, channel), monthly counts."""

    def __init__(self, guideline, first: date, ndays: int, crises=()) -> None:
        cal = guideline["calendar"]
        self.guideline = guideline
        self.first = first
        self.ndays = ndays
        self.quiet = quiet_minutes(guideline)
        self.spacing = cal["min_spacing_minutes"]
        self.step = cal["own_slot_step_minutes"]
        self.quotas = cal["quotas"]
        self.blackout = {}
        for item in cal["blackout"]:
            d = (date.fromisoformat(item["date"]) - first).days
            if 0 <= d < ndays:
                self.blackout[d] = item["reason"] or "tanpa unggahan"
        self.accounts = cal["shared_accounts"]
        self.slot_minutes = {key: sorted(m for m in (int(s[:2]) * 60 + int(s[3:]) for s in acc["slots"])
                                         if not in_quiet(m, self.quiet))
                             for key, acc in self.accounts.items()}
        self.free = {key: [d * DAY_MINUTES + m for d in range(ndays) for m in minutes]
                     for key, minutes in self.slot_minutes.items()}
        self.holder: dict[tuple[str, int], Placement] = {}
        self.busy: dict[tuple[str, str], list[int]] = {}
        self.busy_by: dict[tuple[str, str, int], Placement] = {}
        self.used: dict[str, int] = {}
        self.crises = [(*minutes_in_month(c, first), c) for c in crises]

    def day(self, d: int) -> date:
        return self.first + timedelta(days=d)

    def clash(self, agency: str, channel: str, t: int) -> int | None:
        """A busy time of the same agency on the channel closer than the minimum spacing."""
        times = self.busy.get((agency, channel))
        if not times:
            return None
        i = bisect_left(times, t - self.spacing + 1)
        return times[i] if i < len(times) and times[i] < t + max(self.spacing, 1) else None

    def take(self, placement: Placement, channels: list[str], t: int) -> None:
        agency = placement.entry.agency
        for channel in channels:
            insort(self.busy.setdefault((agency, channel), []), t)
            self.busy_by[(agency, channel, t)] = placement
        if placement.channel != OWN:
            free = self.free[placement.channel]
            del free[bisect_left(free, t)]
            self.holder[(placement.channel, t)] = placement


def schedule(entries: list[Entry], guideline, first: date, ndays: int, crises=()) -> Schedule:
    """``crises``: crisis windows (calendar.crisis.Crisis) that routine and momentum posts must avoid."""
    board = _Board(guideline, first, ndays, crises)
    placements: list[Placement] = []
    unplaced: list[Unplaced] = []
    for entry in sorted(entries, key=order_key):
        channels = [*entry.accounts] + ([OWN] if entry.platforms else [])
        quota = board.quotas.get(entry.agency)
        if entry.priority not in URGENT and quota is not None and board.used.get(entry.agency, 0) >= quota:
            unplaced.extend(Unplaced(entry, ch, f"kuota bulanan {entry.agency} ({quota} unggahan) sudah habis",
                                     searched=False) for ch in channels)
            continue
        placed_any = False
        for channel in channels:
            result = _place(board, entry, channel)
            if isinstance(result, Placement):
                placements.append(result)
                placed_any = True
            else:
                unplaced.append(result)
        if placed_any and entry.priority not in URGENT:
            board.used[entry.agency] = board.used.get(entry.agency, 0) + 1
    placements.sort(key=lambda p: (p.day, p.minute, p.channel, p.entry.agency, p.entry.id))
    unplaced.sort(key=lambda u: (u.entry.first_day, u.entry.window[0], u.entry.agency, u.entry.id, u.channel))
    return Schedule(placements, unplaced)


def _place(board: _Board, entry: Entry, channel: str):
    lo = (entry.first_day - board.first).days
    hi = (entry.last_day - board.first).days
    platforms = entry.platforms if channel == OWN else tuple(board.accounts[channel]["platforms"])
    busy_channels = [f"{OWN}:{p}" for p in platforms] if channel == OWN else [channel]
    first_block: str | None = None
    crises = _crises(board, entry)
    if any(start < (hi + 1) * DAY_MINUTES and end > lo * DAY_MINUTES for start, end, _ in crises):
        hi = board.ndays - 1  # postponed: after the crisis, however far into the month that is
    for d in range(lo, hi + 1):
        if d in board.blackout and entry.priority not in URGENT:
            first_block = first_block or f"{board.day(d)} termasuk tanggal tanpa unggahan ({board.blackout[d]})"
            continue
        # A crisis over the wanted time is the reason the post moves, whoever holds the slots then.
        wanted = (d * DAY_MINUTES + entry.window[0], d * DAY_MINUTES + entry.window[1])
        first_block = first_block or next((c.reason for start, end, c in crises
                                           if start <= wanted[1] and end > wanted[0]), None)
        for t in _candidates(board, entry, channel, d, entry.window):
            block = _blocked(board, entry, busy_channels, t)
            if block is None:
                if channel != OWN:
                    first_block = first_block or _taken(board, channel, d, (entry.window[0], t - d * DAY_MINUTES - 1))
                placement = Placement(entry, channel, platforms, board.day(d), t - d * DAY_MINUTES, first_block)
                board.take(placement, busy_channels, t)
                return placement
            first_block = first_block or block
        if channel != OWN:
            first_block = first_block or _taken(board, channel, d, entry.window)
    reason = first_block or "tidak ada slot di rentang yang diminta"
    return Unplaced(entry, channel, reason, _nearest(board, entry, channel, busy_channels, lo))


def _candidates(board: _Board, entry: Entry, channel: str, d: int, window: tuple[int, int]):
    """Candidate absolute minutes on day ``d`` inside the window, earliest first.

    Own accounts use a grid of ``own_slot_step_minutes`` from the window start; after a
    spacing clash the next candidate jumps past the clashing post instead of stepping
    through every grid point in between.
    """
    base = d * DAY_MINUTES
    start, end = window
    if channel != OWN:
        free = board.free[channel]
        # Copy the slice: taking a slot mutates the list while the caller iterates.
        yield from free[bisect_left(free, base + start):bisect_right(free, base + end)]
        return
    m = start
    night = entry.priority == "crisis"  # an alert goes out when the disaster happens, at night too
    while m <= end:
        if night or not in_quiet(m, board.quiet):
            t = base + m
            yield t
            busy = [board.clash(entry.agency, f"{OWN}:{p}", t) for p in entry.platforms]
            busy = [b for b in busy if b is not None]
            if busy:
                jump = max(busy) + board.spacing - base
                m = max(m + board.step, start + -(-(jump - start) // board.step) * board.step)
                continue
        m += board.step


def _crises(board: _Board, entry: Entry) -> list:
    return [w for w in board.crises if w[2].affects(entry.agency, entry.priority)] if board.crises else []


def _blocked(board: _Board, entry: Entry, busy_channels: list[str], t: int) -> str | None:
    for start, end, crisis in _crises(board, entry):
        if start <= t < end:
            return crisis.reason
    for channel in busy_channels:
        other = board.clash(entry.agency, channel, t)
        if other is not None:
            held = board.busy_by[(entry.agency, channel, other)]
            return (f"jarak minimum {board.spacing} menit dari unggahan {entry.agency} lain "
                    f"('{held.entry.title}', {held.day} {clock(held.minute)}) tidak terpenuhi")
    return None


def _taken(board: _Board, channel: str, d: int, window: tuple[int, int]) -> str | None:
    for m in board.slot_minutes[channel]:
        if window[0] <= m <= window[1]:
            held = board.holder.get((channel, d * DAY_MINUTES + m))
            if held:
                return (f"slot {board.day(d)} {clock(m)} di {board.accounts[channel]['label']} sudah dipakai "
                        f"{held.entry.agency} ('{held.entry.title}', prioritas {PRIORITY_LABELS[held.entry.priority]})")
    return None


def _nearest(board: _Board, entry: Entry, channel: str, busy_channels: list[str], lo: int):
    """The free time nearest to the wanted start, anywhere in the month, outside quiet hours."""
    wanted = lo * DAY_MINUTES + entry.window[0]
    if channel != OWN:
        free = board.free[channel]
        i = bisect_left(free, wanted)
        left, right = i - 1, i
        while left >= 0 or right < len(free):
            # Take the closer side first; ties go to the later time (posting late beats posting early).
            if right < len(free) and (left < 0 or free[right] - wanted <= wanted - free[left]):
                t, right = free[right], right + 1
            else:
                t, left = free[left], left - 1
            if t // DAY_MINUTES not in board.blackout and _blocked(board, entry, busy_channels, t) is None:
                return board.day(t // DAY_MINUTES), t % DAY_MINUTES
        return None
    from humaskit.calendar.plans import _default_window

    window = _default_window(board.quiet)
    for d in sorted(range(board.ndays), key=lambda d: (abs(d - lo), -d)):
        if d in board.blackout:
            continue
        for t in _candidates(board, entry, channel, d, window):
            if _blocked(board, entry, busy_channels, t) is None:
                return board.day(d), t % DAY_MINUTES
    return None
