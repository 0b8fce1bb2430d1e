"""`humaskit aduan laporan`: a month's figures per agency and category, and the ticket list.

The month is the complaints *received* in it. For each:
- first answer: the first stage change after it was received (verification, forwarding or rejection);
- resolution: reaching the guideline's last stage (``selesai``); a rejected complaint is closed
  but not resolved, so it counts in "closed" and not in the resolution times;
- late: the first answer took longer than ``service_levels.first_answer_hours``, or resolution
  longer than the category's ``resolution_days`` (else ``service_levels.resolution_days``); one
  still waiting counts as late once its limit has passed by the latest time recorded in the
  database (not the clock, so the same database gives the same report).
Median: the middle value (mean of the two middle ones); 90th percentile: nearest rank, the
value at position ceil(0.9 n) in ascending order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from humaskit.errors import HumaskitError

# report_personal_data names (guideline) → database columns
PERSONAL_COLUMNS = {"akun": "handle", "nama": "name", "kontak": "contact", "tautan": "link", "teks": "text"}
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_EPOCH = datetime(2000, 1, 1)


def month_bounds(month: str) -> tuple[str, str]:
    """``2026-12`` → ("2026-12", "2027-01"): received times in [start, end) as stored text."""
    m = _MONTH.fullmatch((month or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 2000:
        raise HumaskitError.single(f"Bulan '{month}' tidak valid; tulis YYYY-MM, misalnya 2026-12.", key="--month")
    year, number = int(m.group(1)), int(m.group(2))
    following = f"{year + number // 12:04d}-{number % 12 + 1:02d}"
    return f"{year:04d}-{number:02d}", following


def _hours(start: str, end: str) -> float:
    return (_minutes(end) - _minutes(start)) / 60


@lru_cache(maxsize=65536)  # a month's times repeat (received, the latest time recorded)
def _minutes(moment: str) -> float:
    return (datetime.fromisoformat(moment) - _EPOCH).total_seconds() / 60


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered, middle = sorted(values), len(values) // 2
    return ordered[middle] if len(values) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile90(values: list[float]) -> float | None:
    if not values:
        return None
    return sorted(values)[math.ceil(0.9 * len(values)) - 1]


@dataclass
class Figures:
    """One row of the summary: an agency and category (category None: the agency's total;
    agency None too: the whole month)."""

    agency: str | None
    category: str | None
    received: int = 0
    closed: int = 0
    answer_hours: list = field(default_factory=list)
    resolution_days: list = field(default_factory=list)
    late_answer: int = 0
    late_resolution: int = 0

    def cells(self) -> dict:
        return {"received": self.received, "closed": self.closed,
                "answer_median": median(self.answer_hours), "answer_p90": percentile90(self.answer_hours),
                "resolution_median": median(self.resolution_days),
                "resolution_p90": percentile90(self.resolution_days),
                "late_answer": self.late_answer, "late_resolution": self.late_resolution}


@dataclass
class Ticket:
    """One complaint as the ticket list shows it."""

    ticket: str
    agency: str
    category: str
    stage: str
    received: str
    answered: str | None
    closed: str | None
    personal: dict


@dataclass
class MonthReport:
    month: str
    as_of: str | None
    rows: list[Figures]
    tickets: list[Ticket]
    personal: tuple[str, ...]  # personal fields the guideline lets this report show


def build(store, rules, month: str, *, public: bool) -> MonthReport:
    section = rules.section
    start, end = month_bounds(month)
    personal = () if public else tuple(section["report_personal_data"] or ())
    complaints, as_of = store.month(start, end, tuple(PERSONAL_COLUMNS[p] for p in personal))
    last = rules.flow[-1]["key"]
    answer_limit = section["service_levels"]["first_answer_hours"]
    groups: dict[tuple, Figures] = {}
    tickets = []
    for c in complaints:
        category = section["categories"].get(c["category"]) or {}
        days_limit = category.get("resolution_days") or section["service_levels"]["resolution_days"]
        events = c["events"]
        answered = events[1][1] if len(events) > 1 else None
        resolved = next((at for stage, at in events if stage == last), None)
        closed = events[-1][1] if rules.closed(c["stage"]) else None
        # each complaint's times worked out once, then counted in its three groups
        waited = _hours(c["received"], answered or as_of)
        late_answer = waited > answer_limit
        took = _hours(c["received"], resolved) / 24 if resolved else None
        late_resolution = not (closed and not resolved) and \
            _hours(c["received"], resolved or as_of) > days_limit * 24  # a rejected one is never late
        for key in ((c["agency"], c["category"]), (c["agency"], None), (None, None)):
            f = groups.get(key) or groups.setdefault(key, Figures(*key))
            f.received += 1
            f.closed += closed is not None
            if answered:
                f.answer_hours.append(waited)
            if took is not None:
                f.resolution_days.append(took)
            f.late_answer += late_answer
            f.late_resolution += late_resolution
        tickets.append(Ticket(c["ticket"], c["agency"], c["category"], c["stage"], c["received"], answered, closed,
                              {p: c[PERSONAL_COLUMNS[p]] for p in personal}))
    rows = sorted(groups.values(), key=lambda f: (f.agency is None, f.agency or "", f.category is None,
                                                  f.category or ""))
    return MonthReport(month=start, as_of=as_of, rows=rows, tickets=tickets, personal=personal)


# --- shared by every output ---------------------------------------------------------------

HEADER = ("perangkat_daerah", "kategori", "diterima", "ditutup", "jawaban_pertama_median_jam",
          "jawaban_pertama_p90_jam", "penyelesaian_median_hari", "penyelesaian_p90_hari",
          "lewat_batas_jawaban", "lewat_batas_penyelesaian")
TICKET_HEADER = ("nomor", "perangkat_daerah", "kategori", "tahap", "diterima", "dijawab", "ditutup")


def agency_label(rules, key: str | None) -> str:
    if key is None:
        return "Jumlah"
    agency = rules.guideline.agencies.get(key)
    return (agency.get("short") or agency["name"]) if agency else key


def category_label(rules, key: str | None) -> str:
    if key is None:
        return "Jumlah"
    return (rules.section["categories"].get(key) or {}).get("label") or key


def decimal(value: float | None, comma: bool = True) -> str:
    """One decimal place, with the Indonesian decimal comma for people (a dot in CSV)."""
    if value is None:
        return "-" if comma else ""
    text = f"{value:.1f}"
    return text.replace(".", ",") if comma else text


def summary_cells(rules, f: Figures, *, comma: bool = True) -> list[str]:
    cells = f.cells()
    return [agency_label(rules, f.agency), category_label(rules, f.category), str(cells["received"]),
            str(cells["closed"]), *(decimal(cells[k], comma) for k in ("answer_median", "answer_p90",
                                                                        "resolution_median", "resolution_p90")),
            str(cells["late_answer"]), str(cells["late_resolution"])]


def ticket_cells(rules, t: Ticket, missing: str = "-") -> list[str]:
    stage = rules.by_key.get(t.stage, {}).get("label") or t.stage
    dates = [(value or missing).replace("T", " ") for value in (t.received, t.answered, t.closed)]
    return [t.ticket, agency_label(rules, t.agency), category_label(rules, t.category), stage, *dates,
            *((t.personal[p] or "") for p in sorted(t.personal))]


def csv_bytes(rules, report: MonthReport, *, public: bool) -> bytes:
    """The public report lists tickets; the internal one the figures (and tickets after them)."""
    import csv
    import io

    from humaskit.calendar.overview import FORMULA_STARTS, csv_cell

    def cell(text: str) -> str:  # most cells are plain: skip the cleaning they do not need
        return text if text.isprintable() and not text.startswith(FORMULA_STARTS) else csv_cell(text)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    if not public:
        writer.writerow(HEADER)
        for f in report.rows:
            writer.writerow([cell(c) for c in summary_cells(rules, f, comma=False)])
        writer.writerow([])
    writer.writerow(TICKET_HEADER + tuple(sorted(report.personal)))
    for t in report.tickets:
        writer.writerow([cell(c) for c in ticket_cells(rules, t, missing="")])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def print_table(rules, report: MonthReport, console) -> None:
    """The figures as a rich table in the terminal."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    if not report.rows:
        console.print(f"Tidak ada pengaduan yang diterima pada {report.month}.")
        return
    table = Table(title=f"Pengaduan diterima {report.month} (angka per {(report.as_of or '-').replace('T', ' ')})",
                  caption="Jawab: jam sampai jawaban pertama. Selesai: hari sampai selesai. Telat: lewat batas "
                  "layanan.", box=box.SIMPLE_HEAD)
    for title in ("Perangkat\ndaerah", "Kategori", "Masuk", "Tutup", "Jawab\nmedian", "Jawab\np90",
                  "Selesai\nmedian", "Selesai\np90", "Telat\njawab", "Telat\nselesai"):
        text = title in ("Perangkat\ndaerah", "Kategori")
        table.add_column(title, justify="left" if text else "right", no_wrap=not text, min_width=12 if text else None)
    for f in report.rows:
        table.add_row(*(escape(c) for c in summary_cells(rules, f)), end_section=f.category is None)
    console.print(table)

CHART_WIDTH, CHART_LEFT, BAR_WIDTH, BAR_STEP = 380, 150, 180, 20
COLUMN_TITLES = ("Perangkat daerah", "Kategori", "Diterima", "Ditutup", "Jawaban pertama, median (jam)",
                 "Jawaban pertama, p90 (jam)", "Penyelesaian, median (hari)", "Penyelesaian, p90 (hari)",
                 "Lewat batas jawaban", "Lewat batas penyelesaian")
TICKET_TITLES = ("Nomor", "Perangkat daerah", "Kategori", "Tahap", "Diterima", "Dijawab", "Ditutup")
PERSONAL_TITLES = {"akun": "Akun", "nama": "Nama", "kontak": "Kontak", "tautan": "Tautan", "teks": "Isi"}


def _charts(rules, report: MonthReport) -> list[dict]:
    """One small bar chart per agency: each category's received bar with the closed part inside."""
    from humaskit.calendar.overview import agency_color

    charts = []
    for agency in sorted({f.agency for f in report.rows if f.agency}):
        rows = [f for f in report.rows if f.agency == agency and f.category]
        top = max(f.received for f in rows)
        bars = [{"y": 4 + i * BAR_STEP, "label": _clip(category_label(rules, f.category), 24),
                 "received": f.received, "closed": f.closed,
                 "received_w": round(BAR_WIDTH * f.received / top, 1),
                 "closed_w": round(BAR_WIDTH * f.closed / top, 1)} for i, f in enumerate(rows)]
        charts.append({"agency": agency_label(rules, agency), "color": agency_color(rules.guideline, agency),
                       "bars": bars, "width": CHART_WIDTH, "left": CHART_LEFT, "height": 8 + len(rows) * BAR_STEP})
    return charts


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def html_bytes(rules, report: MonthReport, *, public: bool) -> bytes:
    """One self-contained page (inline CSS and SVG, no script, nothing fetched); every value from
    the database or the guideline is escaped."""
    from pathlib import Path

    import jinja2
    from markupsafe import Markup, escape

    from humaskit.calendar.ics import plain_text
    from humaskit.language.dates import MONTHS

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                             keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                             # printable text has nothing for plain_text to drop; Markup is escaped already
                             finalize=lambda v: plain_text(v) if isinstance(v, str) and not isinstance(v, Markup)
                             and not v.isprintable() else v)
    year, month = report.month.split("-")
    month_name = f"{MONTHS[int(month) - 1]} {year}"
    kind = "Laporan Publik Pengaduan" if public else "Laporan Pengaduan"
    html = env.get_template("laporan.html.j2").render(
        title=f"{kind} {month_name}", organization=rules.guideline["organization"], month_name=month_name,
        as_of=(report.as_of or "-").replace("T", " "),
        answer_limit=decimal(rules.section["service_levels"]["first_answer_hours"]).removesuffix(",0"),
        header=COLUMN_TITLES,
        rows=[{"cells": summary_cells(rules, f), "total": f.category is None} for f in report.rows],
        charts=_charts(rules, report),
        ticket_header=TICKET_TITLES + tuple(PERSONAL_TITLES[p] for p in sorted(report.personal)),
        tickets=Markup("".join(  # thousands of rows: joined here, each cell escaped, not one template call each
            "<tr>" + "".join(f"<td>{escape(c if c.isprintable() else plain_text(c))}</td>"
                             for c in ticket_cells(rules, t)) + "</tr>\n"
            for t in report.tickets)),
    )
    return html.encode("utf-8")
