"""EYD V mechanics (category ``grammar``): di/ke, time, money, dates, capitals, doubled words, punctuation.

Patterns are compiled once (at import, or per guideline through ``ctx.memo``) and run over the
caption with URLs, e-mail addresses, mentions, hashtags and comments blanked out
(``tokens.masked``), so offsets stay those of the file and nothing inside a link is ever "fixed".
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import compress, islice
from operator import eq

from humaskit.language.dates import (MONTH_FORMS, MONTHS, WEEKDAY_FORMS, WEEKDAYS, ZONES, make_date,
                                     nearest_year, number_words)
from humaskit.lint import running
from humaskit.lint.finding import Hit
from humaskit.lint.matching import WordVerdicts, continues_word, whole_word_offsets
from humaskit.lint.registry import rule
from humaskit.lint.rules._util import match_case, sentence_start
from humaskit.lint.rules.eyd import divine_nya
from humaskit.lint.rules.spelling import speller_for

_FM = "---\nagency: dinkes\n---\n"
_MONTH_ALT = "|".join(sorted(MONTH_FORMS, key=len, reverse=True))
_ZONE_ALT = "WITA|WIB|WIT"


class _Scan:
    """What several rules need from one draft, found once with cheap string operations and
    only when a rule asks (the caption's word tokens are never built here)."""

    def __init__(self, tokens) -> None:
        self.tokens = tokens
        self.lower = tokens.lower_masked

    @cached_property
    def numbers(self) -> list[int]:
        """Offsets of 1–3 digit numbers standing alone and followed by a word."""
        masked = self.tokens.masked
        pattern = _NUMBER_WORD_ASCII if masked.isascii() else _NUMBER_WORD
        return [m.start() for m in pattern.finditer(masked) if _starts_word(masked, m.start())]

    @cached_property
    def doubles(self) -> list[int]:
        """Offsets of a word written twice in a row ("anak anak", "yang yang")."""
        lower = self.lower
        parts = self.tokens.lower_chunks
        # The chunks equal to the next one, picked out in C (compress over a map of eq).
        twice = {a for a in compress(parts, map(eq, parts, islice(parts, 1, None))) if a.isalpha()}
        if not twice:
            return []
        found = []
        for word in sorted(twice):
            found.extend(whole_word_offsets(lower, f"{word} {word}"))
        return sorted(found)

    @cached_property
    def twos(self) -> list[int]:
        """Offsets of "anak2" forms: a letter, then 2, then the end of the word."""
        lower, found = self.lower, []
        i = lower.find("2")
        while i != -1:
            if i > 1 and lower[i - 1].isalpha() and not continues_word(lower, i + 1, 1):
                j = i
                while j > 0 and lower[j - 1].isalpha():
                    j -= 1
                if i - j >= 2 and _starts_word(lower, j):
                    found.append(j)
            i = lower.find("2", i + 1)
        return found


# A 1–3 digit number followed by a word: where dates and sentence-opening numbers start.
# The ASCII form means the same on an ASCII caption and scans one about twice as fast.
_NUMBER_WORD = re.compile(r"\d\d?\d?(?=[ \t]+[^\W\d_])")
_NUMBER_WORD_ASCII = re.compile(r"[0-9][0-9]?[0-9]?(?=[ \t]+[A-Za-z])")


def _scan(ctx) -> _Scan:
    return ctx.per_draft("mechanics.scan", lambda c: _Scan(c.tokens))


def _anchored(pattern: re.Pattern, text: str, needles, haystack: str | None = None, starts=None):
    """Matches of ``pattern`` starting where one of ``needles`` occurs at a word start, in order.

    ``str.find`` locates the few candidate places and the regex only runs there: scanning a
    whole caption with a large alternation, or with a leading ``\\b``, costs more than all
    the finds together. ``haystack`` (for example the lower-cased text) is where the needles
    are looked for; ``starts`` decides what a word start is (``_starts_word`` by default).
    """
    starts = starts or _starts_word
    haystack = text if haystack is None else haystack
    places = []
    for needle in needles:
        i = haystack.find(needle)
        while i != -1:
            places.append(i)
            i = haystack.find(needle, i + 1)
    end = -1
    for i in sorted(places):
        if i < end or not starts(text, i):
            continue
        m = pattern.match(text, i)
        if m is not None:
            end = m.end()
            yield m


def _starts_word(text: str, i: int) -> bool:
    """Nothing word-like right before ``i``. Checked in Python on the few matches: a leading
    lookbehind makes a regex several times slower to scan a caption."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_.,/:")


# --- di / ke -------------------------------------------------------------------------------

# EYD V, Kata Depan: place and direction words that "di"/"ke" stand apart from (di atas, di dalam).
_PLACE_WORDS = frozenset(("atas", "bawah", "dalam", "luar", "depan", "belakang", "samping", "antara", "tengah",
                          "sekitar", "balik", "muka", "sebelah", "seberang", "sini", "sana", "situ", "mana",
                          "dekat", "sisi", "pinggir", "ujung", "tepi"))
_DI_SPLIT = re.compile(r"([Dd]i)[ \t]+([a-z]{3,})\b")


@rule("grammar.di-ke", category="grammar", severity="warning", fixable=True,
      summary="Kata depan di/ke dan awalan di-",
      wrong=_FM + "Vaksinasi dilaksanakan dikantor kecamatan. Formulir dapat di unduh di laman resmi.",
      right=_FM + "Vaksinasi dilaksanakan di kantor kecamatan. Formulir dapat diunduh di laman resmi. "
                  "Berkas dikirim ke luar kota bersama keluarga.")
def di_ke(ctx):
    """Apa yang diperiksa:
    Kata depan *di* dan *ke* ditulis terpisah dari kata yang mengikutinya (di kantor, ke rumah),
    sedangkan awalan *di-* ditulis serangkai (diunduh, diumumkan). Keputusannya memakai kamus kata
    dasar dan aturan imbuhan: "dikantor" ditandai karena *kantor* kata yang dikenal tetapi
    *dikantor* bukan bentuk kata kerja; "di unduh" ditandai karena *diunduh* bentuk pasif dari
    *mengunduh*. "dikirim", "di atas", "ke luar kota", dan "keluarga" tidak ditandai. Bentuk
    yang sudah ada di daftar kata baku (dimana, disini, kemana) diperiksa aturan
    `terminology.kata-baku`.
    Mengapa:
    Kesalahan di/ke adalah kesalahan ejaan yang paling sering ditemukan di unggahan instansi dan
    langsung terlihat oleh pembaca yang teliti.
    """
    speller = speller_for(ctx)
    baku = ctx.memo("mechanics.baku", _baku_words)
    joined = ctx.memo("mechanics.joined", lambda g: WordVerdicts(
        lambda w: w[:2] in ("di", "ke") and len(w) >= 5 and _joined_verdict(w, speller, baku)))
    masked = ctx.tokens.masked
    base = ctx.base
    for low, verdict in joined(ctx.tokens.lower_words):
        for start, end, word in ctx.tokens.find_words((low,)):
            if word[1:].islower() and running.running(ctx, start, word):  # Kepanjen, Kediri: names
                fixed = f"{word[:2]} {word[2:]}"
                yield Hit(start, end, f"Kata depan '{low[:2]}' ditulis terpisah: '{fixed}'.", fixed, verdict[1])
    if "di" not in ctx.tokens.lower_words:
        return
    split = ctx.memo("mechanics.split", lambda g: {})
    for m in _anchored(_DI_SPLIT, masked, ("di ", "Di ", "di\t")):
        rest = m.group(2)
        passive = split.get(rest)
        if passive is None:
            passive = split[rest] = _split_is_passive(rest, speller, baku)
        request = not passive and rest not in _PLACE_WORDS and _after_request(masked, m.start())
        if request:
            passive = _request_passive(rest, speller, baku)
        if running.in_passage(ctx, m.start() + base):
            continue
        if request and not passive and (term := _foreign_verbs(ctx).get(rest)):
            # "akan di share": the passive of a foreign verb; its padanan takes di- (dibagikan)
            fixed = "di" + term.standard if " " not in term.standard and term.context != "ambiguous" else None
            better = f" ('{fixed}')" if fixed else ""
            yield Hit(m.start() + base, m.end() + base,
                      f"Awalan di- ditulis serangkai, dan untuk kata asing '{rest}' pakai padanannya{better}.", fixed)
        elif passive:
            fixed = m.group(1) + rest
            yield Hit(m.start() + base, m.end() + base,
                      f"Awalan di- pada kata kerja pasif ditulis serangkai: '{fixed}'.", fixed)


def _foreign_verbs(ctx) -> dict:
    """One-word foreign terms (share, upload), which "di" after a request word makes passive."""
    from humaskit.lint import lexicon

    return ctx.memo("mechanics.foreign", lambda g: {k: v for k, v in lexicon.foreign_terms(g).items() if " " not in k})


# Words after which "di" + verb is the passive prefix, never the preposition: "mohon di isi",
# "akan di bahas", "sudah di kirim" (a place would need "di" + a noun: "sudah di kantor").
_REQUEST = frozenset(("mohon", "harap", "tolong", "silakan", "akan", "sudah", "telah", "sedang", "belum",
                      "masih", "untuk", "agar", "supaya", "dapat", "bisa", "perlu", "wajib", "harus", "segera",
                      "boleh", "jangan", "pernah", "sempat", "baru", "ingin", "mau", "yang"))


def _request_passive(rest: str, speller, baku) -> bool:
    """After a request word, "di" + a verb stem in use with di- (di isi, di bahas), not a place."""
    flags = speller.dic.stems.get(rest)
    return (flags is not None and not _VERB_ONLY.isdisjoint(flags) and ("di" + rest) in speller.common
            and ("di" + rest) not in baku and rest not in _PLACES)


# Places "di" stands before as a preposition even after "sudah" or "yang" (sudah di kota);
# the direction words of _PLACE_WORDS are checked before these.
_PLACES = frozenset(("lantai", "kota", "rumah", "kantor", "lokasi", "daerah", "wilayah", "tempat", "desa",
                     "kelurahan", "kecamatan", "jalan", "sekolah", "pasar", "kampung", "gedung", "ruang",
                     "balai", "aula", "lapangan", "taman", "masjid", "puskesmas"))


def _after_request(masked: str, i: int) -> bool:
    """Whether the word before offset ``i`` is one of ``_REQUEST``."""
    before = masked[max(0, i - 12):i].rstrip()
    word = before.rsplit(None, 1)[-1].lower() if before else ""
    return word in _REQUEST


def _split_is_passive(rest: str, speller, baku) -> bool:
    """"di" + ``rest`` written apart is a passive verb (di unduh, di umumkan), not a preposition."""
    joined = "di" + rest
    if rest in _PLACE_WORDS or joined in baku or not speller.known(joined):
        return False
    dic, common = speller.dic, speller.common
    if rest not in dic.stems and rest.endswith(("kan", "i", "kannya", "inya")):
        return True
    # A bare stem is a passive when "di"+stem is in real use and the stem either only makes
    # verbs (unduh) or is rarer alone than with di- (tolak); "di lantai", "di danau" stay apart.
    rank = common.get(joined)
    flags = dic.stems.get(rest)
    return rank is not None and ((flags is not None and flags <= _VERB_ONLY) or rank < common.get(rest, 10**9))


# hunspell-id flags of a bare verb (meN-, menge-, di-): "ke" + such a stem is the colloquial
# passive (keblokir), not the preposition.
_BARE_VERB = frozenset(("M0", "MG", "D0"))
_VERB_ONLY = frozenset(("M0", "Mi", "Mk"))


def _joined_verdict(low: str, speller, baku) -> tuple:
    """``()`` when "di…"/"ke…" is fine, else ``(True, severity)``: a preposition written attached."""
    dic = speller.dic
    if low in baku or "-" in low or not low.isalpha() or speller.known(low):
        return ()  # known, or owned by another rule
    stem = _stem(dic, low[2:])
    # The typo model (the costliest check) last: a typo of a known word (kepadah → kepada).
    if stem is None or stem in _PLACE_WORDS or speller.typo(low):
        return ()
    flags = dic.stems[stem]
    if low.startswith("ke") and ("K0" in flags or not flags.isdisjoint(_BARE_VERB)):
        return ()  # a ke- noun, or the colloquial passive of a verb (keblokir): not a preposition
    if low.startswith("di") and any(f[0] in "MDTO" for f in flags):
        return ()  # a verb stem: "di" + stem is a passive the dictionary lacks (dimanja)
    # Without flags the dictionary cannot tell a noun (kasir) from a verb (vaksin → divaksin).
    return (True, "suggestion" if low.startswith("di") and not flags else None)


def _stem(dic, rest: str) -> str | None:
    """``rest`` as a dictionary stem, or a stem with a clitic (bawahnya → bawah)."""
    if rest in dic.stems:
        return rest
    for clitic in ("nya", "ku", "mu"):
        if rest.endswith(clitic) and rest[:-len(clitic)] in dic.stems:
            return rest[:-len(clitic)]
    return None


def _baku_words(guideline) -> frozenset[str]:
    """Words (and phrases) that terminology.kata-baku or tone.informal-word already report."""
    from humaskit.lint import lexicon

    return frozenset(lexicon.kata_baku(guideline)) | frozenset(lexicon.informal(guideline))


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
_BARE_TIME = re.compile(rf"(?P<bh>\d{{2}})(?P<bsep>[.:])(?P<bm>[0-5]\d)[ \t]*(?:{_ZONE_ALT})\b")
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


@rule("grammar.time", category="grammar", severity="warning", fixable=True,
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
    base = ctx.base
    clock_ends = set()
    words = ctx.tokens.lower_words
    for m in _anchored(pattern, masked, _CLOCK_WORDS) if ("jam" in words or "pukul" in words) else ():
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
        yield Hit(m.start() + base, m.end() + base, f"Penulisan jam: {'; '.join(problems)} ('{fixed}').", fixed,
                  severity)
    i = masked.find("WI") if _ZONE_WORDS & words else -1
    while i != -1:
        m = _BARE_TIME.search(masked, max(0, i - 8), i + 4)
        if m is not None and m.end() not in clock_ends and _starts_word(masked, m.start()) \
                and masked[m.end("bm"):m.end("bm") + 1] not in (".", ":", ",") and m.group("bsep") != sep:
            fixed = f"{m.group('bh')}{sep}{m.group('bm')}"
            yield Hit(m.start() + base, m.end("bm") + base, f"Pemisah jam dan menit menurut pedoman: '{fixed}'.",
                      fixed)
        i = masked.find("WI", i + 2)


# --- money ---------------------------------------------------------------------------------

# Matched from each "rp" (any case) that starts a word: scanning the caption with a leading
# \b is several times slower than finding the few places with str.find.
_MONEY = re.compile(r"(?P<rp>[Rr][Pp])(?P<dot>\.?)(?P<space>[ \t]*)(?P<num>\d{1,3}(?:\.\d{3})+|\d+)"
                    r"(?P<tail>,-|,\d{1,2}(?!\d)|,(?=\d+[ \t]+(?:ribu|juta|miliar|triliun))\d+)?"
                    r"(?P<unit>[ \t]+(?:ribu|juta|miliar|triliun)\b)?(?![.,]?\d)")


def _money(masked: str, lower: str):
    """What ``\\b`` + ``_MONEY`` finds by finditer: tried only where "rp" begins a word."""
    return _anchored(_MONEY, masked, ("rp",), lower, starts=_at_boundary)


def _at_boundary(text: str, i: int) -> bool:
    """``\\b`` before a word character at ``i``: nothing of a word right before it."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


def _grouped(digits: str) -> str:
    return f"{int(digits):,}".replace(",", ".")


@rule("grammar.currency", category="grammar", severity="warning", fixable=True,
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
    base = ctx.base
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
            yield Hit(m.start() + base, m.end() + base, f"Penulisan rupiah menurut EYD V: '{fixed}'.", fixed)


# --- dates ---------------------------------------------------------------------------------

_DATE_WORDS = re.compile(rf"(?P<d>\d{{1,2}})[ \t]+(?P<mon>{_MONTH_ALT})\b\.?(?:[ \t]+(?P<y>\d{{4}})\b)?",
                         re.I)
_MONTH_WORDS = frozenset(MONTH_FORMS)
_NUMERIC_GUARD = re.compile(r"\d[/-]\d")
_NUMERIC_GUARD_ASCII = re.compile(r"[0-9][/-][0-9]")
_DATE_NUMERIC = re.compile(r"(?P<d>\d{1,2})([/-])(?P<mo>\d{1,2})\2(?P<y>\d{4})(?![\d/-])")


@rule("grammar.date", category="grammar", severity="warning", fixable=True,
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
    base = ctx.base
    masked = ctx.tokens.masked
    months = not _MONTH_WORDS.isdisjoint(ctx.tokens.lower_words)
    for start in _scan(ctx).numbers if months else ():
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
            yield Hit(m.start() + base, m.start() + base + len(written), f"Penulisan tanggal: '{fixed}'.", fixed)
    guard = _NUMERIC_GUARD_ASCII if masked.isascii() else _NUMERIC_GUARD
    for m in (_DATE_NUMERIC.finditer(masked) if ("/" in masked or "-" in masked) and guard.search(masked) else ()):
        if not _starts_word(masked, m.start()):
            continue
        d = make_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
        if d is not None:
            fixed = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
            yield Hit(m.start() + base, m.end() + base, f"Tulis tanggal dengan nama bulan: '{fixed}'.", fixed,
                      "suggestion")
    if "/" in masked and not _WEEKDAY_WORDS.isdisjoint(ctx.tokens.lower_words):
        for m in _WEEKDAY_DAY_MONTH.finditer(masked):
            day, month = int(m.group("d")), int(m.group("mo"))
            if 1 <= month <= 12 and make_date(2024, month, day) is not None:  # 2024: 29 February exists
                fixed = f"{m.group('wd')}, {day} {MONTHS[month - 1]}"
                yield Hit(m.start() + base, m.end() + base, f"Tulis tanggal dengan nama bulan: '{fixed}'.", fixed,
                          "suggestion")


# "Senin (14/12)": day and month after a weekday, the news style of a date without its year
_WEEKDAY_DAY_MONTH = re.compile(r"\b(?P<wd>Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)[ \t]*,?[ \t]*"
                                r"\((?P<d>\d{1,2})/(?P<mo>\d{1,2})\)")


_WEEKDAY_DATE = re.compile(
    rf"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)\b[ \t]*,?[ \t]*\(?[ \t]*"
    rf"(?:(?:[Tt]anggal|[Tt]gl\.?)[ \t]+)?(?P<d>\d{{1,2}})"
    rf"(?:[ \t]+(?P<mon>{_MONTH_ALT})\b\.?(?:[ \t]+(?P<y>\d{{4}}))?|(?P<s>[/-])(?P<mo>\d{{1,2}})(?P=s)(?P<y2>\d{{4}}))",
    re.I)


_WEEKDAY_NEEDLES = ("senin", "selasa", "rabu", "kamis", "jum", "sabtu", "minggu", "ahad")
_WEEKDAY_WORDS = frozenset(WEEKDAY_FORMS) | {"jum"}
_WEEKDAY_NEEDLE = {w: next(n for n in _WEEKDAY_NEEDLES if w.startswith(n)) for w in _WEEKDAY_WORDS}


@rule("grammar.weekday", category="grammar", severity="error", fixable=True,
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
    base = ctx.base
    publish = ctx.draft.publish
    masked = ctx.tokens.masked
    # only the weekdays the caption has are looked for
    needles = {_WEEKDAY_NEEDLE[w] for w in _WEEKDAY_WORDS.intersection(ctx.tokens.loose_words)}
    if not needles:
        return
    for m in _anchored(_WEEKDAY_DATE, masked, needles, ctx.tokens.lower_masked):
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
            yield Hit(m.start("wd") + base, m.end("wd") + base,
                      f"{day} {MONTHS[month - 1]} {year} jatuh pada hari {actual}, bukan {written}.", fixed)


# --- capitals ------------------------------------------------------------------------------

def _title_pattern(guideline):
    # A title the guideline also lists as a term has its casing checked by terminology.term-case.
    terms = {" ".join(t.casefold().split()) for t in guideline["terminology"]["terms"]}
    titles = sorted({t.lower() for t in guideline["mechanics"]["titles"]} - terms, key=len, reverse=True)
    if not titles:
        return None
    body = "|".join(r"[ \t]+".join(map(re.escape, t.split())) for t in titles)
    return re.compile(rf"(?:{body})(?=[ \t]+(?-i:[A-Z]))", re.I), frozenset(t.split()[0] for t in titles)


def _title_case(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"([ \t]+)", text))


@rule("grammar.title-case", category="grammar", severity="warning", fixable=True,
      summary="Huruf kapital jabatan di depan nama",
      wrong=_FM + "Rapat dipimpin langsung oleh kepala dinas Kesehatan dan camat Cihideung.",
      right=_FM + "Rapat dipimpin langsung oleh Kepala Dinas Kesehatan dan Camat Cihideung. Setiap camat hadir.")
def title_case(ctx):
    """Apa yang diperiksa:
    Jabatan dan gelar yang diikuti nama orang, nama tempat, atau nama lembaga ditulis dengan
    huruf kapital di awal setiap unsurnya: "Kepala Dinas Kesehatan", "Camat Cihideung",
    "Gubernur Jawa Barat". Jabatan yang tidak diikuti nama tetap huruf kecil ("setiap camat").
    Daftar jabatan diatur di `mechanics.titles`; jabatan yang juga tercantum di
    `terminology.terms` diperiksa `terminology.term-case`, dan huruf kapital
    "Anda" diperiksa `tone.pronoun`.
    Mengapa:
    EYD V (Huruf Kapital) mengatur ini; nama jabatan yang ditulis benar menghormati pejabat dan
    lembaga yang disebut.
    """
    compiled = ctx.memo("mechanics.titles", _title_pattern)
    if compiled is None:
        return
    pattern, needles = compiled
    if needles.isdisjoint(ctx.tokens.lower_words):
        return
    base = ctx.base
    masked = ctx.tokens.masked
    for m in _anchored(pattern, masked, needles, ctx.tokens.lower_masked):
        fixed = _title_case(m.group())
        if fixed != m.group():
            yield Hit(m.start() + base, m.end() + base, f"Jabatan di depan nama ditulis kapital: '{fixed}'.", fixed)


_DIGIT_START = re.compile(r"\b(\d{1,3})(?=[ \t]+([a-z]+))")
_NOT_COUNTED = frozenset(MONTH_FORMS) | {
    "persen", "jam", "menit", "detik", "hari", "tahun", "wib", "wita", "wit", "km", "kg", "cm", "mm", "m", "x",
    "ampere", "watt", "volt", "gram", "kilogram", "liter", "meter", "kilometer", "hektare", "ton", "sen"}


@rule("grammar.digit-start", category="grammar", severity="warning", fixable=True,
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
    for start in _scan(ctx).numbers:
        m = _DIGIT_START.match(masked, start)
        if m is None:
            continue
        start = m.start() + base
        if m.group(2) in _NOT_COUNTED or not sentence_start(text, start, base) or _after_colon(text, start, base):
            continue
        words = number_words(int(m.group(1)))
        fixed = words[0].upper() + words[1:] if words else None
        yield Hit(start, m.end() + base, "Kalimat jangan diawali angka; tulis dengan huruf"
                  + (f" ('{fixed}')" if fixed else "") + " atau ubah susunannya.", fixed)


def _after_colon(text: str, offset: int, base: int) -> bool:
    i = offset - 1
    while i >= base and text[i] in " \t":
        i -= 1
    return i >= base and text[i] == ":"


# --- doubled and repeated words -------------------------------------------------------------

# Closed-class words: written twice by accident ("yang yang"), never reduplicated.
_FUNCTION_WORDS = frozenset((
    "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "ini", "itu", "akan", "atau", "dalam", "oleh",
    "serta", "bagi", "adalah", "ialah", "tidak", "juga", "sudah", "telah", "kami", "kita", "agar", "supaya",
    "karena", "sebagai", "tersebut", "bahwa", "para", "dapat", "bisa", "harus", "wajib", "ada", "sedang",
    "belum", "masih", "saat", "secara", "terhadap", "melalui", "hingga", "sampai", "antara", "jika", "bila",
    "namun", "tetapi", "lalu", "kemudian", "maka", "pun", "per", "tanpa", "sangat", "lebih", "paling", "hanya",
    "saja", "lagi", "the", "of", "and", "to", "a", "an", "in"))
_SAME_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)[ \t]+\1(?![\w-])", re.I)


def _third(masked: str, m: re.Match, word: str) -> bool:
    """The same word a third time, before or after: an interjection or a list (ah ah ah), not a
    reduplication."""
    before = masked[:m.start()].rstrip(" \t")
    return masked.startswith(word, m.end() + 1) or (
        before.endswith(word) and not continues_word(before, len(before) - len(word) - 1, -1))


def _doubled(ctx):
    """Matches of a word written twice, found from the shared word list (a regex backreference
    over the whole caption costs more than the rest of the mechanics together)."""
    masked = ctx.tokens.masked
    for i in _scan(ctx).doubles:
        m = _SAME_WORD.match(masked, i)
        if m is not None:
            yield m


@rule("grammar.reduplication", category="grammar", severity="warning", fixable=True,
      summary="Kata ulang tanpa tanda hubung",
      wrong=_FM + "Posyandu melayani anak anak dan ibu2 hamil.",
      right=_FM + "Posyandu melayani anak-anak dan ibu-ibu hamil.")
def reduplication(ctx):
    """Apa yang diperiksa:
    Kata ulang ditulis dengan tanda hubung: "anak anak" dan "anak2" menjadi "anak-anak".
    Kata tugas yang tertulis dua kali ("yang yang") diperiksa `grammar.repeated-word`.
    Mengapa:
    EYD V (Bentuk Ulang) menulis bentuk ulang dengan tanda hubung; angka 2 sebagai pengganti
    pengulangan adalah gaya catatan pribadi, bukan tulisan resmi.
    """
    speller = speller_for(ctx)
    base = ctx.base
    masked = ctx.tokens.masked
    for m in _doubled(ctx):
        word = m.group(1)
        low = word.lower()
        # "anak anak", and at a sentence's start "Anak anak"; a name in capitals is left alone
        if low in _FUNCTION_WORDS or not word[1:].islower() or m.group().lower().count(low) != 2 \
                or not speller.known(low) or _third(ctx.tokens.lower_masked, m, low):
            continue
        fixed = f"{word}-{low}"
        yield Hit(m.start() + base, m.end() + base, f"Bentuk ulang ditulis dengan tanda hubung: '{fixed}'.", fixed)
    for i in _scan(ctx).twos:
        end = masked.find("2", i) + 1
        word = masked[i:end - 1]
        if not word.islower():
            continue
        fixed = f"{word}-{word}"
        yield Hit(base + i, base + end, f"Bentuk ulang ditulis lengkap dengan tanda hubung: '{fixed}'.",
                  fixed)


@rule("grammar.repeated-word", category="grammar", severity="warning", fixable=True,
      summary="Kata tertulis dua kali",
      wrong=_FM + "Warga yang yang belum mendapat vaksin dapat datang ke puskesmas.",
      right=_FM + "Warga yang belum mendapat vaksin dapat datang ke puskesmas.")
def repeated_word(ctx):
    """Apa yang diperiksa:
    Kata tugas yang tertulis dua kali berturut-turut ("yang yang", "di di", "dan dan").
    Mengapa:
    Kata ganda seperti ini hampir selalu sisa penyuntingan dan membuat unggahan tampak tidak
    diperiksa.
    """
    base = ctx.base
    for m in _doubled(ctx):
        word = m.group(1)
        if word.lower() in _FUNCTION_WORDS:
            first_end = m.start() + len(word)
            yield Hit(first_end + base, m.end() + base, f"Kata '{word}' tertulis dua kali.", "")


# --- -nya, pun -----------------------------------------------------------------------------

_NYA_APART = re.compile(r"(?<=[^\W_])([ \t]+|-)nya\b")
# EYD V (Partikel): pun is written attached only in these conjunctions.
_PUN_JOINED = frozenset(("adapun", "andaipun", "ataupun", "bagaimanapun", "biarpun", "jikapun", "kalaupun",
                         "kendatipun", "maupun", "meskipun", "sekalipun", "sementangpun", "sungguhpun", "walaupun"))


@rule("grammar.particle", category="grammar", severity="warning", fixable=True,
      summary="Penulisan -nya dan partikel pun",
      wrong=_FM + "Warga dapat mengambil hasil nya besok. Kamipun siap membantu.",
      right=_FM + "Warga dapat mengambil hasilnya besok. Kami pun siap membantu, begitu pula KTP-nya.")
def particle(ctx):
    """Apa yang diperiksa:
    Klitik *-nya* ditulis serangkai ("hasilnya", bukan "hasil nya" atau "hasil-nya"); setelah
    singkatan berhuruf kapital dipakai tanda hubung ("KTP-nya"). Partikel *pun* ditulis terpisah
    ("kami pun"), kecuali pada kata penghubung yang sudah padu (walaupun, meskipun, adapun,
    bagaimanapun, dan sejenisnya, menurut EYD V).
    Mengapa:
    Kesalahan ini sering muncul di takarir dan mudah diperbaiki otomatis.
    """
    speller = speller_for(ctx)
    baku = ctx.memo("mechanics.baku", _baku_words)
    base = ctx.base
    text = ctx.text
    masked = ctx.tokens.masked
    for m in (_NYA_APART.finditer(masked) if " nya" in masked or "-nya" in masked else ()):
        i = m.start()
        j = i
        while j > 0 and (masked[j - 1].isalnum()):
            j -= 1
        prev = masked[j:i]
        if not prev or prev.isdigit():
            continue
        acronym = prev.isupper() and len(prev) > 1
        if acronym and m.group(1) == "-":
            continue
        joined = "-nya" if acronym else "nya"
        if divine_nya(masked, prev):
            continue  # "karunia-nya" for God is karunia-Nya
        low = prev.lower() if prev[:1].isupper() and prev[1:].islower() else prev  # "Pekerjaan nya"
        if not acronym and not (speller.known(low) if m.group(1) != "-" else low in speller.dic.stems):
            continue  # "gojek-nya": a lower-case name keeps its hyphen
        yield Hit(i + base, m.end() + base, f"Klitik -nya ditulis serangkai: '{prev}{joined}'.", joined)
    attached = ctx.memo("mechanics.pun", lambda g: WordVerdicts(lambda w: _pun_attached(w, speller, baku)))
    for low, _ in attached(ctx.tokens.lower_words):
        for start, end, _ in ctx.tokens.find_words((low,)):
            if text[start + 1:end].islower():
                fixed = f"{text[start:end - 3]} pun"
                yield Hit(start, end, f"Partikel pun ditulis terpisah: '{fixed}'.", fixed)


def _pun_attached(low: str, speller, baku) -> bool:
    """``low`` is a known word with the particle pun written onto it (kamipun)."""
    if not low.endswith("pun") or len(low) < 6 or low in _PUN_JOINED or low in baku:
        return False
    return speller.known(low[:-3]) and not speller.dic.lookup(low)


# --- abbreviations and punctuation ---------------------------------------------------------

_ABBREVIATIONS = {"dll": "dll.", "dsb": "dsb.", "dst": "dst.", "dkk": "dkk.", "yth": "yth."}
_ABBREVIATION_WORDS = frozenset(("dll", "dsb", "dst", "dkk", "yth", "d"))
_ABBREV = re.compile(r"(?<![\w.-])(dll|dsb|dst|dkk|yth|d\.l\.l|d\.s\.b)(\.*)(?![\w-])", re.I)


@rule("grammar.abbreviation", category="grammar", severity="warning", fixable=True,
      summary="Titik pada singkatan dll., dsb., dst., Yth.",
      wrong=_FM + "Bawa KTP-el, KK, dll untuk pendaftaran.",
      right=_FM + "Bawa KTP-el, KK, dll. untuk pendaftaran.")
def abbreviation(ctx):
    """Apa yang diperiksa:
    Singkatan umum yang terdiri atas tiga huruf atau lebih diakhiri satu titik: dll., dsb., dst.,
    dkk., Yth. ("d.l.l." menjadi "dll."; "dll.." menjadi "dll.").
    Mengapa:
    EYD V (Singkatan) menetapkan bentuk ini; tanpa titik, singkatan terbaca sebagai kata gaul.
    """
    masked = ctx.tokens.masked
    if _ABBREVIATION_WORDS.isdisjoint(ctx.tokens.loose_words):  # d.l.l gives the word "d"
        return
    owned = ctx.memo("mechanics.baku", _baku_words)
    base = ctx.base
    for m in _ABBREV.finditer(masked):
        word, dots = m.group(1), m.group(2)
        key = word.replace(".", "").lower()
        if not dots and key in owned:
            continue  # reported (with its own suggestion) by tone.informal-word
        proper = _ABBREVIATIONS[key]
        # "yth." in a sentence, "Yth." opening a letter: EYD V writes both; keep the writer's case.
        fixed = match_case(word, proper) if key != "yth" else (word[0] + "th.")
        if word + dots == fixed:
            continue
        yield Hit(m.start() + base, m.end() + base, f"Tulis singkatan ini '{fixed}'.", fixed)


# Not the colon: EYD V aligns colons in lists and scripts ("Ketua : Ahmad Wijaya").
_SPACE_THEN_MARK = re.compile(r" [,.;!?]")  # the gate: one scan instead of five substring looks
_SPACE_PUNCT = re.compile(r"(?<=[^\s.,;:!?])([ \t]+)[,.;!?](?=[ \t]|\r?\n|$)(?![ \t]*[,.;:!?])")


@rule("grammar.space-before-punctuation", category="grammar", severity="warning", fixable=True,
      summary="Spasi sebelum tanda baca",
      wrong=_FM + "Pendaftaran dibuka hari ini , gratis !",
      right=_FM + "Pendaftaran dibuka hari ini, gratis! Simak ... selengkapnya.")
def space_before_punctuation(ctx):
    """Apa yang diperiksa:
    Spasi sebelum koma, titik, titik koma, tanda tanya, dan tanda seru ("hari ini ," menjadi
    "hari ini,"). Elipsis (...), emotikon, dan titik dua yang disejajarkan dalam daftar
    ("Ketua : Ahmad") tidak ditandai.
    Mengapa:
    Tanda baca menempel pada kata sebelumnya; spasi sebelum tanda baca membuat tanda itu
    terpisah ke baris berikutnya di layar ponsel.
    """
    masked = ctx.tokens.masked
    if "\t" not in masked and not _SPACE_THEN_MARK.search(masked):
        return
    base = ctx.base
    text = ctx.text
    for m in _SPACE_PUNCT.finditer(masked):
        s, e = m.start(1) + base, m.end(1) + base
        if text[s:e].strip() or running.is_damaged(ctx, e, e + 1):
            continue  # the blank was a masked link or tag, or the mark a lost emoji
        yield Hit(s, e + 1, f"Hapus spasi sebelum '{text[e]}'.", text[e])
