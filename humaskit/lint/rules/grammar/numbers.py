"""Grammar rules on numbers (category ``grammar``): time, money, decimals, ordinals with ke-, and
sentences that open with a digit (dates are in ``dates``)."""

from __future__ import annotations

import re

from humaskit.language.dates import MONTH_FORMS, ZONES, number_words
from humaskit.lint import running
from humaskit.lint.finding import Hit
from humaskit.lint.matching import lazy_pattern
from humaskit.lint.registry import rule
from humaskit.lint.text import sentence_start
from humaskit.lint.rules.grammar.scan import anchored, rewrites, scan, starts_word

_FM = "---\nagency: dinkes\n---\n"
_ZONE_ALT = "WITA|WIB|WIT"


# --- time ----------------------------------------------------------------------------------

_DAYPART = r"pagi|siang|sore|petang|malam|subuh"
_DURATION = r"hari|kali|x|menit|detik|jam|orang|minggu|bulan|tahun|lembar|kg"


def _time_patterns(guideline):
    return re.compile(
        rf"(?P<word>[Jj]am|[Pp]ukul)[ \t]+(?P<h>\d{{1,2}})(?!\d)"
        rf"(?:(?P<sep>[.:])(?P<m>\d{{2}})(?:[.:](?P<sec>\d{{2}}))?)?"
        rf"(?![ \t]*(?:{_DURATION})\b)"
        rf"(?P<range>[ \t]*(?:[-–—]|s\.d\.|sampai(?:[ \t]+dengan)?|hingga)[ \t]*(?P<h2>\d{{1,2}})"
        rf"(?:(?P<sep2>[.:])(?P<m2>\d{{2}}))?)?"
        rf"(?:[ \t]+(?P<part>{_DAYPART})\b)?(?:[ \t]*(?P<zone>{_ZONE_ALT})\b)?")


# A bare time before a zone ("08:00 WIB"), looked for just before each zone name.
_BARE_TIME = lazy_pattern(rf"(?P<bh>\d{{2}})(?P<bsep>[.:])(?P<bm>[0-5]\d)[ \t]*(?:{_ZONE_ALT})\b")
_CLOCK_WORDS = ("jam", "Jam", "pukul", "Pukul")
_ZONE_WORDS = frozenset(("wib", "wita", "wit"))


def _to_24(hour: int, part: str | None) -> int:
    part = (part or "").lower()
    if part in ("siang",) and hour < 11:
        return hour + 12
    if part in ("sore", "petang") and hour < 12:
        return hour + 12
    if part == "malam" and 6 <= hour < 12:
        return hour + 12
    if part == "malam" and hour == 12:
        return 0
    return hour


@rule("grammar.time", category="grammar", severity="warning", fixable=True, local=False,
      summary="Penulisan jam",
      wrong=_FM + "Posyandu buka jam 7 pagi sampai selesai.",
      right=_FM + "Posyandu buka pukul 07.00 WIB sampai selesai.")
def time_format(ctx):
    """Apa yang diperiksa:
    Jam ditulis dengan *pukul*, dua angka jam dan menit, pemisah yang dipilih pedoman
    (`mechanics.time_separator`: titik 07.00 atau titik dua 07:00; EYD V membolehkan keduanya,
    pedoman memilih satu), dan zona waktu (WIB, WITA, WIT) bila `mechanics.time_zone` aktif.
    "jam 7 pagi" menjadi "pukul 07.00 WIB"; "jam 3 sore" menjadi "pukul 15.00 WIB".
    Mengapa:
    Warga dari zona waktu lain dan media yang mengutip unggahan perlu jam yang tidak ambigu;
    "jam" dalam EYD menyatakan jangka waktu (dua jam), bukan saat.
    """
    masked = ctx.tokens.masked
    pattern = ctx.memo("mechanics.time", _time_patterns)
    mech = ctx.guideline["mechanics"]
    sep = mech["time_separator"]
    zone_name = ZONES.get(ctx.guideline["timezone"], "WIB")
    clock_ends = set()
    words = ctx.tokens.lower_words
    for m in anchored(pattern, masked, _CLOCK_WORDS) if ("jam" in words or "pukul" in words) else ():
        clock_ends.add(m.end())
        hour, minutes = int(m.group("h")), m.group("m")
        if hour > 24 or (minutes and int(minutes) > 59):
            continue
        problems = []
        if m.group("word").lower() == "jam":
            problems.append("tulis 'pukul', bukan 'jam'")
        if (m.group("sep") or sep) != sep or (m.group("sep2") or sep) != sep:
            problems.append(f"pemisah jam dan menit menurut pedoman adalah '{sep}'")
        zone = m.group("zone")
        # EYD V itself writes "pukul 1" and "pukul 01.35" without a zone, so a missing zone
        # alone is a suggestion; with another problem the fix names the zone too.
        severity = None if problems else "suggestion"
        if zone is None and mech["time_zone"]:
            problems.append(f"sebutkan zona waktu ({zone_name})")
        if not problems:
            continue
        part = m.group("part")
        h24 = _to_24(hour, part)
        text = f"{h24:02d}{sep}{minutes or '00'}" + (f"{sep}{m.group('sec')}" if m.group("sec") else "")
        if m.group("range"):
            h2 = _to_24(int(m.group("h2")), part)
            text += f"–{h2:02d}{sep}{m.group('m2') or '00'}"
        keep_part = part if part and h24 == hour and minutes is not None else None
        fixed = "pukul " if m.group("word").islower() else "Pukul "
        fixed += text + (f" {keep_part}" if keep_part else "")
        if zone or mech["time_zone"]:
            fixed += f" {zone or zone_name}"
        yield Hit(m.start(), m.end(), f"Penulisan jam: {'; '.join(problems)} ('{fixed}').", fixed,
                  severity)
    i = masked.find("WI") if _ZONE_WORDS & words else -1
    while i != -1:
        m = _BARE_TIME.search(masked, max(0, i - 8), i + 4)
        if m is not None and m.end() not in clock_ends and starts_word(masked, m.start()) \
                and masked[m.end("bm"):m.end("bm") + 1] not in (".", ":", ",") and m.group("bsep") != sep:
            fixed = f"{m.group('bh')}{sep}{m.group('bm')}"
            yield Hit(m.start(), m.end("bm"), f"Pemisah jam dan menit menurut pedoman: '{fixed}'.",
                      fixed)
        i = masked.find("WI", i + 2)


# --- money ---------------------------------------------------------------------------------

# Matched from each "rp" (any case) that starts a word: scanning the caption with a leading
# \b is several times slower than finding the few places with str.find.
_MONEY = lazy_pattern(r"(?P<rp>[Rr][Pp])(?P<dot>\.?)(?P<space>[ \t]*)(?P<num>\d{1,3}(?:\.\d{3})+|\d+)"
                    r"(?P<tail>,-|,\d{1,2}(?!\d)|,(?=\d+[ \t]+(?:ribu|juta|miliar|triliun))\d+)?"
                    r"(?P<unit>[ \t]+(?:ribu|juta|miliar|triliun)\b)?(?![.,]?\d)")


def _money(masked: str, lower: str):
    """What ``\\b`` + ``_MONEY`` finds by finditer: tried only where "rp" begins a word."""
    return anchored(_MONEY, masked, ("rp",), lower, starts=_at_boundary)


def _at_boundary(text: str, i: int) -> bool:
    """``\\b`` before a word character at ``i``: nothing of a word right before it."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def _grouped(digits: str) -> str:
    return f"{int(digits):,}".replace(",", ".")


@rule("grammar.currency", category="grammar", severity="warning", fixable=True, local=False,
      summary="Penulisan rupiah",
      wrong=_FM + "Retribusi parkir Rp. 2.000,- per kendaraan.",
      right=_FM + "Retribusi parkir Rp2.000,00 per kendaraan. Bantuan Rp1,5 juta per keluarga.")
def currency(ctx):
    """Apa yang diperiksa:
    Rupiah ditulis "Rp" tanpa titik dan tanpa spasi, ribuan dipisah titik, dan sen dengan koma:
    "Rp. 25.000,-" dan "Rp 25.000" menjadi "Rp25.000,00" (atau "Rp25.000" bila
    `mechanics.currency_style` memilih bentuk itu). "Rp1,5 juta" tetap benar.
    Mengapa:
    EYD V (Angka dan Bilangan; Tanda Titik) menetapkan bentuk ini; satu bentuk yang seragam
    mencegah salah baca nominal retribusi, bantuan, dan tarif layanan.
    """
    masked = ctx.tokens.masked
    if "rp" not in ctx.tokens.lower_masked:
        return
    cents = ctx.guideline["mechanics"]["currency_style"].endswith(",00")
    for m in _money(masked, ctx.tokens.lower_masked):
        num, tail, unit = m.group("num"), m.group("tail") or "", m.group("unit") or ""
        grouped = num if "." in num else _grouped(num)
        if unit:
            fixed_tail = tail if tail != ",-" else ""
        elif tail in ("", ",-"):
            fixed_tail = ",00" if cents else ""
        elif tail.strip(",0") == "" and not cents:
            fixed_tail = ""
        else:
            fixed_tail = tail if len(tail) == 3 else tail + "0"
        fixed = f"Rp{grouped}{fixed_tail}{unit}"
        if fixed != m.group():
            yield Hit(m.start(), m.end(), f"Penulisan rupiah menurut EYD V: '{fixed}'.", fixed)


# --- decimals ------------------------------------------------------------------------------

# A decimal point before a unit or a magnitude: "2.5 km", "12.5%", "Rp1.5 juta". One or two digits
# after the point (three are thousands: "1.500 ton"). Found from the point, a literal (a pattern
# starting at the number's digits, or with a lookbehind, scans several times slower); the digits
# before it and what stands before them are checked in Python.
_UNITS = ("persen|ribu|juta|miliar|triliun|km|cm|mm|kg|gram|ton|kuintal|liter|ml|ha|hektare|hektar|meter|"
          "kilometer|kilogram|derajat")
_DECIMAL_POINT = lazy_pattern(rf"\.(\d{{1,2}})(?=[ \t]?(?:%|°|(?i:{_UNITS})\b|[mgl]\b))")


@rule("grammar.decimal", category="grammar", severity="warning", fixable=True, local=False,
      summary="Koma sebagai pemisah desimal",
      wrong=_FM + "Bantuan Rp1.5 juta untuk 12.5 persen warga; jalan baru sepanjang 2.5 km.",
      right=_FM + "Bantuan Rp1,5 juta untuk 12,5 persen warga; jalan sepanjang 1.500 meter dibuka pukul 10.30 WIB.")
def decimal(ctx):
    """Apa yang diperiksa:
    Bilangan desimal yang ditulis dengan titik seperti dalam bahasa Inggris, di depan satuan
    atau kata bilangan (persen, %, juta, miliar, km, kg, ton, liter, hektare, derajat):
    "2.5 km" menjadi "2,5 km", "Rp1.5 juta" menjadi "Rp1,5 juta". Ribuan ("1.500 ton"), jam
    ("10.30 WIB"), nomor bagian ("1.2.3"), dan versi ("versi 2.5") tidak ditandai.
    Mengapa:
    EYD V (Tanda Koma) memakai koma sebelum angka desimal dan titik untuk ribuan, sehingga
    "1.5 juta" dapat terbaca seribu lima ratus juta; angka anggaran, bantuan, dan curah hujan
    harus terbaca satu arti.
    """
    masked = ctx.tokens.masked
    if "." not in masked:
        return
    for m in _DECIMAL_POINT.finditer(masked):
        start = m.start()
        while start and masked[start - 1].isdigit():
            start -= 1
        before = masked[start - 1] if start else " "
        if start == m.start() or (before.isalnum() or before in "_.,") and masked[start - 2:start] != "Rp":
            continue  # no whole number before the point, or a section (1.2.3), a version (v2.5)
        if not running.in_passage(ctx, start):
            fixed = f"{masked[start:m.start()]},{m.group(1)}"
            yield Hit(start, m.end(), f"Pemisah desimal ditulis dengan koma: '{fixed}'.", fixed)


# --- a sentence opening with a digit -------------------------------------------------------

_DIGIT_START = lazy_pattern(r"\b(\d{1,3})(?=[ \t]+([a-z]+))")
_NOT_COUNTED = frozenset(MONTH_FORMS) | {
    "persen", "jam", "menit", "detik", "hari", "tahun", "wib", "wita", "wit", "km", "kg", "cm", "mm", "m", "x",
    "ampere", "watt", "volt", "gram", "kilogram", "liter", "meter", "kilometer", "hektare", "ton", "sen"}


@rule("grammar.digit-start", category="grammar", severity="warning", fixable=True, local=False,
      summary="Kalimat diawali angka",
      wrong=_FM + "Sebanyak dua posyandu dibuka. 5 petugas disiagakan di setiap pos.",
      right=_FM + "Sebanyak dua posyandu dibuka. Lima petugas disiagakan di setiap pos.")
def digit_start(ctx):
    """Apa yang diperiksa:
    Kalimat yang diawali angka ("5 petugas disiagakan"): EYD V menulis bilangan di awal kalimat
    dengan huruf ("Lima petugas") atau menyusun ulang kalimatnya. Nomor daftar (1. atau 1)),
    tanggal, dan jam tidak ditandai.
    Mengapa:
    Angka di awal kalimat mudah terbaca sebagai nomor atau sisa kalimat sebelumnya.
    """
    base = ctx.base
    text = ctx.text
    masked = ctx.tokens.masked
    for start in scan(ctx).numbers:
        m = _DIGIT_START.match(masked, start)
        if m is None:
            continue
        start = m.start()
        if m.group(2) in _NOT_COUNTED or not sentence_start(text, start, base) or _after_colon(text, start, base):
            continue
        words = number_words(int(m.group(1)))
        fixed = words[0].upper() + words[1:] if words else None
        yield Hit(start, m.end(), "Kalimat jangan diawali angka; tulis dengan huruf"
                  + (f" ('{fixed}')" if fixed else "") + " atau ubah susunannya.", fixed)


def _after_colon(text: str, offset: int, base: int) -> bool:
    i = offset - 1
    while i >= base and text[i] in " \t":
        i -= 1
    return i >= base and text[i] == ":"


# --- ordinals ------------------------------------------------------------------------------

# Words after which "ke" + number is an ordinal (abad ke-21, HUT ke-80, yang ke-3), not "to 5 villages".
_ORDINAL_HEADS = frozenset((
    "abad", "tahun", "hari", "yang", "hut", "ulang", "juara", "peringkat", "tahap", "gelombang", "angkatan",
    "putaran", "minggu", "pekan", "bulan", "kali", "lantai", "jilid", "bagian", "sesi", "edisi", "seri",
    "urutan", "periode", "termin", "babak", "sidang", "rapat", "kongres", "muktamar", "festival", "perayaan",
    "pertemuan", "pelaksanaan", "penyelenggaraan", "hari jadi", "jadi", "milad", "dies"))
_ORDINAL = lazy_pattern(r"\b([Kk]e)[ \t]+(\d{1,4})\b(?!\s*[.,:]\d)")


@rule("grammar.ordinal", category="grammar", severity="warning", fixable=True, local=False,
      summary="Bilangan tingkat dengan ke-",
      wrong=_FM + "Peringatan HUT ke 80 Kota Tasikmalaya digelar di abad ke 21 ini.",
      right=_FM + "Peringatan HUT ke-80 Kota Tasikmalaya digelar. Bantuan disalurkan ke 5 desa.")
def ordinal(ctx):
    """Apa yang diperiksa:
    Bilangan tingkat yang ditulis dengan angka memakai tanda hubung: "HUT ke 80" menjadi "HUT
    ke-80", "abad ke 21" menjadi "abad ke-21". Hanya ditandai setelah kata yang menuntut urutan
    (abad, tahun, HUT, juara, tahap, gelombang, yang, kali, ...): "ke 5 desa" adalah kata depan
    dan tidak ditandai.
    Mengapa:
    EYD V menulis awalan ke- pada bilangan tingkat berangka dengan tanda hubung; tanpa itu,
    "ke 80" terbaca sebagai arah, bukan urutan.
    """
    masked = ctx.tokens.masked
    if "e " not in masked and "e\t" not in masked:
        return
    ordinals = (m for m in _ORDINAL.finditer(masked) if _after_head(masked, m.start())
                or _KALI_AFTER.match(masked, m.end())
                or (_after_name(masked, m.start()) and not _WORD_AFTER.match(masked, m.end())))
    yield from rewrites(ctx, ordinals, lambda m: f"{m.group(1)}-{m.group(2)}",
                        "Bilangan tingkat ditulis dengan tanda hubung: '{}'.")


def _after_head(masked: str, i: int) -> bool:
    before = masked[max(0, i - 20):i].split()
    return bool(before) and before[-1].lower().strip(",") in _ORDINAL_HEADS


# "ke 5 kalinya": a count of times is an ordinal whatever comes before it
_KALI_AFTER = lazy_pattern(r"[ \t]+kali(?:nya)?\b", re.I)
# a lower-case word after the number: "ke 5 kelurahan" names where, not which
_WORD_AFTER = lazy_pattern(r"[ \t]+[a-z]")


def _after_name(masked: str, i: int) -> bool:
    """After a capitalised word that is not the first of its sentence: the name of an event
    (Hari Bela Negara ke 78, HUT Kota Tasikmalaya ke 25)."""
    before = masked[max(0, i - 40):i].split()
    return len(before) >= 2 and before[-1][:1].isupper() and before[-2][-1:] not in ".!?:"
