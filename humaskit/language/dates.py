"""Indonesian calendar words and number words, as EYD V writes them."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # date.weekday() order

# Lower-case month spellings seen in drafts → month number (full names, abbreviations, old forms).
MONTH_FORMS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, 1):
    MONTH_FORMS[_name.lower()] = _number
for _form, _number in {"jan": 1, "feb": 2, "pebruari": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8,
                       "agt": 8, "agus": 8, "agust": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "nop": 11,
                       "nopember": 11, "des": 12}.items():
    MONTH_FORMS[_form] = _number

WEEKDAY_FORMS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
                 "sabtu": 5, "minggu": 6, "ahad": 6}

# Indonesia's time zones: the guideline's `timezone` value → (the name a caption writes, hours
# ahead of UTC). Indonesia keeps no daylight saving time.
TIME_ZONES = {"Asia/Jakarta": ("WIB", 7), "Asia/Makassar": ("WITA", 8), "Asia/Jayapura": ("WIT", 9)}
ZONES = {tzid: name for tzid, (name, _) in TIME_ZONES.items()}


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, around: datetime) -> int | None:
    """The year that puts day/month closest to ``around`` (a post announces nearby dates)."""
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        d = make_date(year, month, day)
        if d is not None:
            gap = abs((d - around.date()).days)
            if best is None or gap < best[0]:
                best = (gap, year)
    return best[1] if best else None


_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
          "sebelas")


def number_words(n: int) -> str | None:
    """0–999 in words (EYD V spells out a number that opens a sentence); None beyond."""
    if n < 12:
        return _UNITS[n]
    if n < 20:
        return f"{_UNITS[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_UNITS[tens]} puluh" + (f" {_UNITS[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_UNITS[hundreds]} ratus"
        return head + (f" {number_words(rest)}" if rest else "")
    return None
