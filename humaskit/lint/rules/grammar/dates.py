"""Grammar rules on dates (category ``grammar``): how a date is written, and a weekday that does
not match its date."""

from __future__ import annotations

import re

from humaskit.language.dates import MONTH_FORMS, MONTHS, WEEKDAY_FORMS, WEEKDAYS, make_date, nearest_year
from humaskit.lint.finding import Hit
from humaskit.lint.matching import lazy_pattern
from humaskit.lint.registry import rule
from humaskit.lint.rules.grammar.scan import anchored, scan, starts_word

_FM = "---\nagency: dinkes\n---\n"
_MONTH_ALT = "|".join(sorted(MONTH_FORMS, key=len, reverse=True))


_DATE_WORDS = lazy_pattern(rf"(?P<d>\d{{1,2}})[ \t]+(?P<mon>{_MONTH_ALT})\b\.?(?:[ \t]+(?P<y>\d{{4}})\b)?",
                         re.I)
_MONTH_WORDS = frozenset(MONTH_FORMS)
_NUMERIC_GUARD = lazy_pattern(r"\d[/-]\d")
_NUMERIC_GUARD_ASCII = lazy_pattern(r"[0-9][/-][0-9]")
_DATE_NUMERIC = lazy_pattern(r"(?P<d>\d{1,2})([/-])(?P<mo>\d{1,2})\2(?P<y>\d{4})(?![\d/-])")


@rule("grammar.date", category="grammar", severity="warning", fixable=True, local=False,
      summary="Penulisan tanggal",
      wrong=_FM + "Pendaftaran dibuka 03 des 2026 dan ditutup 10/12/2026.",
      right=_FM + "Pendaftaran dibuka 3 Desember 2026 dan ditutup 10 Desember 2026.")
def date_format(ctx):
    """Apa yang diperiksa:
    Tanggal ditulis seperti "3 Desember 2026": tanggal tanpa nol di depan, nama bulan lengkap
    berhuruf kapital, bukan angka bulan. "03 des 2026" dan "3/12/2026" menjadi "3 Desember 2026".
    Mengapa:
    Tanggal angka (3/12 atau 12/3?) mudah salah baca, dan nama bulan yang ditulis lengkap
    adalah bentuk baku surat dan pengumuman resmi. Tanggal angka dilaporkan sebagai saran karena
    EYD V sendiri memakainya dalam naskah dinas.
    """
    masked = ctx.tokens.masked
    months = not _MONTH_WORDS.isdisjoint(ctx.tokens.lower_words)
    for start in scan(ctx).numbers if months else ():
        m = _DATE_WORDS.match(masked, start)
        if m is None:
            continue
        day, month = int(m.group("d")), MONTH_FORMS[m.group("mon").lower()]
        if not 1 <= day <= 31:
            continue
        year = m.group("y")
        fixed = f"{day} {MONTHS[month - 1]}" + (f" {year}" if year else "")
        written = m.group()
        if written.endswith(".") and not year:
            written = written[:-1]  # a full stop after the month ends the sentence
        if fixed != written:
            yield Hit(m.start(), m.start() + len(written), f"Penulisan tanggal: '{fixed}'.", fixed)
    guard = _NUMERIC_GUARD_ASCII if masked.isascii() else _NUMERIC_GUARD
    for m in (_DATE_NUMERIC.finditer(masked) if ("/" in masked or "-" in masked) and guard.search(masked) else ()):
        if not starts_word(masked, m.start()):
            continue
        d = make_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        if d is not None:
            fixed = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
            yield Hit(m.start(), m.end(), f"Tulis tanggal dengan nama bulan: '{fixed}'.", fixed,
                      "suggestion")
    if "/" in masked and not _WEEKDAY_WORDS.isdisjoint(ctx.tokens.lower_words):
        for m in _WEEKDAY_DAY_MONTH.finditer(masked):
            day, month = int(m.group("d")), int(m.group("mo"))
            if 1 <= month <= 12 and make_date(2024, month, day) is not None:  # 2024: 29 February exists
                fixed = f"{m.group('wd')}, {day} {MONTHS[month - 1]}"
                yield Hit(m.start(), m.end(), f"Tulis tanggal dengan nama bulan: '{fixed}'.", fixed,
                          "suggestion")


# "Senin (14/12)": day and month after a weekday, the news style of a date without its year
_WEEKDAY_DAY_MONTH = lazy_pattern(r"\b(?P<wd>Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)[ \t]*,?[ \t]*"
                                r"\((?P<d>\d{1,2})/(?P<mo>\d{1,2})\)")


_WEEKDAY_DATE = lazy_pattern(
    rf"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)\b[ \t]*,?[ \t]*\(?[ \t]*"
    rf"(?:(?:[Tt]anggal|[Tt]gl\.?)[ \t]+)?(?P<d>\d{{1,2}})"
    rf"(?:[ \t]+(?P<mon>{_MONTH_ALT})\b\.?(?:[ \t]+(?P<y>\d{{4}}))?|(?P<s>[/-])(?P<mo>\d{{1,2}})(?P=s)(?P<y2>\d{{4}}))",
    re.I)


_WEEKDAY_NEEDLES = ("senin", "selasa", "rabu", "kamis", "jum", "sabtu", "minggu", "ahad")
_WEEKDAY_WORDS = frozenset(WEEKDAY_FORMS) | {"jum"}
_WEEKDAY_NEEDLE = {w: next(n for n in _WEEKDAY_NEEDLES if w.startswith(n)) for w in _WEEKDAY_WORDS}


@rule("grammar.weekday", category="grammar", severity="error", fixable=True, local=False,
      summary="Nama hari tidak cocok dengan tanggal",
      wrong=_FM + "Pelayanan keliling dibuka Jumat, 19 Desember 2026 di Taman Kota.",
      right=_FM + "Pelayanan keliling dibuka Sabtu, 19 Desember 2026 di Taman Kota.")
def weekday(ctx):
    """Apa yang diperiksa:
    Nama hari yang ditulis bersama tanggal ("Jumat, 19 Desember 2026") harus hari yang benar
    untuk tanggal itu. Tanggal tanpa tahun dihitung dengan tahun terdekat dari waktu tayang
    (`publish`) di front matter; tanpa keduanya tidak diperiksa.
    Mengapa:
    Pengumuman dengan hari yang salah membuat warga datang pada hari yang keliru; ini salah satu
    ralat yang paling mahal bagi humas.
    """
    publish = ctx.draft.publish
    masked = ctx.tokens.masked
    # only the weekdays the caption has are looked for
    needles = {_WEEKDAY_NEEDLE[w] for w in _WEEKDAY_WORDS.intersection(ctx.tokens.loose_words)}
    if not needles:
        return
    for m in anchored(_WEEKDAY_DATE, masked, needles, ctx.tokens.lower_masked):
        written = m.group("wd")
        if written == "minggu":
            continue  # lower-case "minggu" is "week", not Sunday
        day = int(m.group("d"))
        month = MONTH_FORMS[m.group("mon").lower()] if m.group("mon") else int(m.group("mo"))
        year = m.group("y") or m.group("y2")
        if year:
            year = int(year)
        elif publish is not None:
            year = nearest_year(month, day, publish)
        if not year or not 1 <= month <= 12:
            continue
        d = make_date(year, month, day)
        if d is None:
            continue
        actual = WEEKDAYS[d.weekday()]
        if WEEKDAY_FORMS[written.lower()] != d.weekday():
            fixed = actual if not written.isupper() else actual.upper()
            yield Hit(m.start("wd"), m.end("wd"),
                      f"{day} {MONTHS[month - 1]} {year} jatuh pada hari {actual}, bukan {written}.", fixed)
