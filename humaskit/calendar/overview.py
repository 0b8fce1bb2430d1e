"""The overview a person reads: an HTML month grid (printable) and a CSV for spreadsheets."""

from __future__ import annotations

import calendar as stdcal
import csv
import io
from datetime import date
from pathlib import Path

from humaskit.calendar.plans import PRIORITY_LABELS
from humaskit.calendar.result import (DAY_CATEGORIES, STATES, CalendarResult, agency_short, channel_label, draft_state,
                                      state_key)
from humaskit.calendar.ics import plain_text
from humaskit.calendar.schedule import clock
from humaskit.language.dates import MONTHS, WEEKDAYS

FALLBACK_COLOR = "#9AA3AD"  # an agency without a colour in the guideline

# The printed month: A4 landscape with 8 mm margins leaves 194 mm of height. The title, the
# legends and the weekday row take at most HEAD_MM; the week rows share the rest, and each day
# shows as many one-line posts as its row holds (the rest as "+N lagi"; every post is whole in
# the list that follows on its own page).
PAGE_MM = 194
HEAD_MM = 40
DAY_TOP_MM = 6.8    # padding and the date number
SPECIAL_MM = 4.0    # one holiday/commemoration line, 9 pt
ITEM_MM = 8.2       # one post: its time and agency, then its title on a line of its own (9 pt)


def agency_color(guideline, agency: str) -> str:
    name = (guideline.agencies.get(agency) or {}).get("color")
    return guideline["visual"]["palette"].get(name, FALLBACK_COLOR) if name else FALLBACK_COLOR


def _cell_capacity(row_mm: float, specials: int) -> int:
    return max(1, int((row_mm - DAY_TOP_MM - SPECIAL_MM * specials) // ITEM_MM))


def html_bytes(result: CalendarResult) -> bytes:
    import jinja2

    g = result.guideline
    items: dict[date, list[dict]] = {}
    posts = []
    for p in result.schedule.placements:
        key = state_key(result, p.entry)
        item = {
            "day": p.day, "time": clock(p.minute), "agency": agency_short(g, p.entry.agency),
            "color": agency_color(g, p.entry.agency), "title": p.entry.title,
            "channel": channel_label(g, p.channel, p.platforms), "priority": PRIORITY_LABELS[p.entry.priority],
            "state": key, "mark": STATES[key][0], "detail": draft_state(result, p.entry), "moved": p.note,
        }
        items.setdefault(p.day, []).append(item)
        posts.append(item)
    specials: dict[date, list] = {}
    for day in result.days:
        specials.setdefault(day.date, []).append(day)
    month_weeks = stdcal.Calendar(firstweekday=0).monthdatescalendar(result.year, result.month)
    row_mm = (PAGE_MM - HEAD_MM) / len(month_weeks)
    weeks = []
    for week in month_weeks:
        row = []
        for d in week:
            if d.month != result.month:
                row.append(None)
                continue
            days, shown = specials.get(d, []), items.get(d, [])
            crises = [c for c in result.crises if c.start.date() <= d <= c.end.date()]
            room = _cell_capacity(row_mm, len(days) + len(crises))
            more = 0
            if len(shown) > room:
                more = len(shown) - (room - 1)
                shown = shown[:room - 1]
            holiday = any(s.kind in ("libur", "cuti") for s in days)
            row.append({"date": d, "items": shown, "more": more, "days": days, "crises": crises,
                        "classes": " ".join(c for c, on in (("holiday", holiday), ("crisis", crises)) if on)})
        weeks.append(row)
    agencies = sorted({p.entry.agency for p in result.schedule.placements} | {d.agency for d in result.days if d.agency})
    used = {item["state"] for item in posts}
    # autoescape: titles are data, and "<script>" in one must stay text; finalize drops control characters.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             finalize=lambda value: plain_text(value) if isinstance(value, str) else value)
    html = env.get_template("overview.html.j2").render(
        title=f"Kalender Konten {MONTHS[result.month - 1]} {result.year}", organization=g["organization"],
        weekdays=WEEKDAYS, weeks=weeks, timezone=g["timezone"], row_mm=f"{row_mm:.1f}", colors=g["calendar"]["colors"],
        legend=[(agency_short(g, a), agency_color(g, a)) for a in agencies],
        states=[(key, mark, word) for key, (mark, word) in STATES.items() if key in used],
        posts=posts, unplaced=_unplaced_rows(result), crises=[_crisis_row(g, c) for c in result.crises],
        failed=[(result.shown_path(s.path), s) for s in result.failed_drafts],
        conflicts=[(p, channel_label(g, p.channel, p.platforms)) for p in result.schedule.conflicts],
        added=result.added, placed=len(result.schedule.placements),
    )
    return html.encode("utf-8")


def _crisis_row(guideline, crisis) -> dict:
    return {"name": crisis.name, "start": f"{crisis.start:%d/%m %H.%M}", "end": f"{crisis.end:%d/%m %H.%M}",
            "agencies": ", ".join(agency_short(guideline, a) for a in crisis.agencies) or "seluruh kota"}


def _unplaced_rows(result: CalendarResult) -> list[dict]:
    g = result.guideline
    rows = []
    for u in result.schedule.unplaced:
        platforms = u.entry.platforms if u.channel == "own" else g["calendar"]["shared_accounts"][u.channel]["platforms"]
        rows.append({"agency": agency_short(g, u.entry.agency), "title": u.entry.title,
                     "channel": channel_label(g, u.channel, platforms), "reason": u.reason,
                     "wanted": f"{u.entry.first_day}" + (f" s.d. {u.entry.last_day}" if u.entry.last_day != u.entry.first_day else ""),
                     "nearest": f"{u.nearest[0]} {clock(u.nearest[1])}" if u.nearest else (u.advice or "-")})
    return rows


CSV_HEADER = ("tanggal", "jam", "perangkat_daerah", "judul", "akun", "platform", "prioritas", "kampanye",
              "draf", "status", "catatan")


# A cell starting with one of these is a formula to spreadsheet programs (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: str) -> str:
    """A text cell a spreadsheet shows as text: control characters dropped, a leading formula
    character defused with a single quote (every cell is also quoted, as OWASP advises)."""
    text = plain_text(value).replace("\n", " ")
    return "'" + text if value.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS) else text


def csv_bytes(result: CalendarResult) -> bytes:
    """UTF-8 with a byte-order mark and CRLF rows, so spreadsheet programs open it with the right letters."""
    g = result.guideline
    out = io.StringIO()
    rows = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)

    def writerow(cells) -> None:
        rows.writerow([csv_cell(cell) for cell in cells])

    writerow(CSV_HEADER)
    for day in result.days:
        writerow((day.date.isoformat(), "", day.agency or "", day.name, "", "", "", "", "", DAY_CATEGORIES[day.kind], ""))
    def platform_names(keys) -> str:  # the names a person reads, as the HTML shows them
        return ", ".join(g.platforms[k]["label"] for k in keys)

    for p in result.schedule.placements:
        e = p.entry
        writerow((p.day.isoformat(), clock(p.minute), e.agency, e.title, channel_label(g, p.channel, p.platforms),
                  platform_names(p.platforms), PRIORITY_LABELS[e.priority], e.campaign or "",
                  result.shown_path(e.draft) if e.draft else "", draft_state(result, e), p.note or ""))
    for row, u in zip(_unplaced_rows(result), result.schedule.unplaced):
        e = u.entry
        writerow((e.first_day.isoformat(), "", e.agency, e.title, row["channel"], platform_names(e.platforms),
                  PRIORITY_LABELS[e.priority], e.campaign or "", result.shown_path(e.draft) if e.draft else "",
                  "tidak terjadwal", u.reason + (f"; {u.advice}" if u.advice else "")))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
