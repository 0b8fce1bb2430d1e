"""Spelling (category ``spelling``): likely typos, checked against the hunspell-id dictionary with
Indonesian morphology; and characters a reader cannot see or tell apart: invisible and
bidirectional control characters, words that mix Latin letters with Greek or Cyrillic look-alikes,
and text damaged in copying.

The character rules read what the matching view (``humaskit.lint.view``) left out or folded, so
their spans are offsets into the file as written (``Hit.original``).
"""

from __future__ import annotations

import unicodedata

from humaskit.lint.dictionary import typo_verdicts
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.view import BIDI

# Typo-model edits (see humaskit.language.speller._edits): swapped, doubled and dropped letters
# are near-certain slips; a substituted letter is more often a regional or brand spelling.
_SURE_EDITS = 3


@rule("spelling.typo", category="spelling", severity="warning", fixable=True,
      summary="Kemungkinan salah ketik",
      wrong="Pelayanan KTP-el untuk masyarkat tetap buka pada hari libur. #KotaTasikmalaya",
      right="Pelayanan KTP-el untuk masyarakat tetap buka pada hari libur di Cihideung. #KotaTasikmalaya")
def typo(ctx):
    """Apa yang diperiksa:
    Kata berhuruf kecil yang tidak dikenal kamus bahasa Indonesia (hunspell-id, dengan imbuhan,
    klitik -nya/-lah, bentuk pasif di-, bentuk terikat seperti antar- dan pasca-) dan sekaligus
    hanya satu huruf berbeda dari kata umum yang dikenal: huruf tertukar, huruf ganda, huruf
    hilang, atau huruf salah. Usulannya kata umum itu. Nama diri (berhuruf kapital), singkatan,
    tagar, akun, tautan, angka, kata bahasa Inggris yang lazim, istilah pedoman
    (`terminology.terms`), nama perangkat daerah, dan `spelling.accept` tidak diperiksa. Kata
    tidak baku dan kata gaul diperiksa aturan `terminology` dan `tone`, bukan di sini.
    Huruf tertukar, ganda, atau hilang dilaporkan sebagai peringatan; huruf yang salah
    (lebih sering ejaan daerah atau merek) sebagai saran.
    Mengapa:
    Salah ketik pada unggahan resmi merusak kepercayaan dan sering berulang karena takarir
    disalin antar-akun. Kata yang tidak dikenal belum tentu salah (nama tempat, istilah baru),
    jadi hanya kata yang sangat mirip kata umum yang dilaporkan.
    """
    if not ctx.guideline["spelling"]["enabled"] or (ctx.draft.lang and not ctx.draft.lang.lower().startswith("id")):
        return
    verdicts = typo_verdicts(ctx)
    suspects = verdicts(ctx.tokens.lower_words)
    if not suspects:
        return
    from humaskit.lint import running

    for word, found in suspects:
        if running.has_stretch(word):
            continue  # pentinggg: tone.informal-word undoes the stretch
        for start, _, written in ctx.tokens.find_words((word,)):
            # written in lower case: not a name; a regional passage is not misspelt Indonesian
            if written == word and not running.in_passage(ctx, start) and not running.is_damaged(ctx, start, start + len(word) + 1):
                for offset, part, fixes in found:
                    yield _hit(start + offset, part, fixes)


def _hit(start: int, word: str, fixes: tuple[str, ...]) -> Hit:
    best = fixes[0]
    others = fixes[1:3]
    also = f" (atau {', '.join(repr(o) for o in others)})" if others else ""
    sure = len(word) >= 6 and _edit_kind(word, best) < _SURE_EDITS
    return Hit(start, start + len(word), f"'{word}' tidak ada di kamus; mungkin maksudnya '{best}'{also}.",
               # --fix only rewrites a near-certain slip with a single candidate.
               fix=best if sure and len(fixes) == 1 else None, severity=None if sure else "suggestion")


def _edit_kind(word: str, fix: str) -> int:
    """0 swapped, 1 doubled/stray letter, 2 dropped letter, 3 wrong letter (as speller._edits ranks)."""
    if len(word) == len(fix):
        diff = [i for i in range(len(word)) if word[i] != fix[i]]
        return 0 if len(diff) == 2 and word[diff[0]] == fix[diff[1]] and word[diff[1]] == fix[diff[0]] else 3
    return 1 if len(word) > len(fix) else 2


# --- characters a reader cannot see or tell apart ---------------------------------------------

_NAMES = {
    "\u200b": "spasi lebar nol", "\u200c": "pemisah lebar nol", "\u200d": "penyambung lebar nol",
    "\u2060": "penyambung kata", "\ufeff": "spasi tak-putus lebar nol (BOM)", "\u00ad": "tanda hubung lunak",
    "\u034f": "penyambung grafem", "\u180e": "pemisah vokal Mongolia",
}
_BIDI_MARKS = frozenset("\u061c\u200e\u200f")  # marks only; the others embed, override or isolate


def _label(c: str) -> str:
    """U+XXXX and what the character is, in words."""
    code = f"U+{ord(c):04X}"
    if c in _NAMES:
        return f"{code} ({_NAMES[c]})"
    if unicodedata.category(c) == "Cc":
        return f"{code} (karakter kendali)"
    if "\ufe00" <= c <= "\ufe0f" or "\U000e0100" <= c <= "\U000e01ef":
        return f"{code} (pemilih variasi)"
    return f"{code} ({unicodedata.name(c, 'karakter format')})"


@rule("spelling.invisible-character", category="spelling", severity="warning", fixable=True, local=False,
      summary="Karakter tak terlihat di dalam teks",
      wrong="Layanan ini gra\u200btis untuk semua warga. #KotaTasikmalaya",
      right="Layanan ini gratis untuk semua warga. #KotaTasikmalaya")
def invisible_character(ctx):
    """Apa yang diperiksa:
    Karakter yang tidak tampil tetapi ada di teks: spasi lebar nol (U+200B), penyambung dan
    pemisah lebar nol di dalam kata, penyambung kata (U+2060), BOM (U+FEFF) di tengah teks,
    tanda hubung lunak (U+00AD), pemilih variasi pada huruf, karakter kendali (misalnya ESC)
    dan karakter format lain. Penyambung di dalam emoji (👨‍👩‍👧, ❤️) tidak dilaporkan.
    Perbaikan otomatis menghapus karakter itu. Di contoh dokumentasi karakternya ditulis
    sebagai `\\u200b`.
    Mengapa:
    Karakter ini biasanya terbawa saat menyalin dari situs web atau aplikasi pesan. Kata yang
    memuatnya terlihat biasa, tetapi tidak ditemukan pencarian dan tagar, dibaca aneh oleh
    pembaca layar, dan lolos dari pemeriksaan pedoman.
    """
    text = ctx.draft.text
    view = ctx.view
    hidden = [offset for offset in view.hidden if text[offset] not in BIDI]
    k = 0
    while k < len(hidden):
        # one finding per character a reader sees (a joiner belongs to the letter before it)
        start, end = view.cluster(hidden[k])
        inside = k
        while inside < len(hidden) and hidden[inside] < end:
            inside += 1
        offsets = set(hidden[k:inside])
        c = text[hidden[k]]
        more = f" dan {len(offsets) - 1} karakter tak terlihat lain" if len(offsets) > 1 else ""
        yield Hit(start, end, f"Karakter tak terlihat {_label(c)}{more} di dalam teks; hapus.",
                  "".join(text[i] for i in range(start, end) if i not in offsets), original=True)
        k = inside


@rule("spelling.bidi-control", category="spelling", severity="error", local=False,
      summary="Karakter pengatur arah teks",
      wrong="Pendaftaran ditutup \u202e41 Desember\u202c. #KotaTasikmalaya",
      right="Pendaftaran ditutup 14 Desember. #KotaTasikmalaya")
def bidi_control(ctx):
    """Apa yang diperiksa:
    Karakter pengatur arah teks dua arah: penimpa arah (U+202D, U+202E), penanam arah (U+202A,
    U+202B, U+202C), pengisolasi (U+2066 sampai U+2069) sebagai galat, dan tanda arah (U+200E,
    U+200F, U+061C) sebagai peringatan. Tidak ada perbaikan otomatis: tulis ulang bagian itu
    setelah memeriksa apa yang seharusnya tertulis. Di contoh dokumentasi karakternya ditulis
    sebagai `\\u202e`.
    Mengapa:
    Penimpa arah membalik urutan tampilan teks sesudahnya: `\\u202e41` tertulis 41 tetapi
    tampil sebagai 14. Yang dibaca warga berbeda dari yang diperiksa dan disetujui. Takarir bahasa
    Indonesia tidak memerlukan karakter ini.
    """
    text = ctx.draft.text
    view = ctx.view
    for offset in view.hidden:
        c = text[offset]
        if c not in BIDI:
            continue
        start, end = view.cluster(offset)
        if c in _BIDI_MARKS:
            yield Hit(start, end, f"Tanda arah teks tak terlihat {_label(c)}; hapus bila tidak disengaja.",
                      severity="warning", original=True)
        else:
            yield Hit(start, end, f"Karakter pengatur arah teks {_label(c)} mengubah urutan tampilan teks "
                      "sesudahnya: yang terbaca berbeda dari yang tertulis. Hapus dan periksa kembali teksnya.",
                      original=True)


@rule("spelling.mixed-script", category="spelling", severity="warning", fixable=True, local=False,
      summary="Kata mencampur huruf Latin dengan huruf Kiril atau Yunani",
      wrong="Pelayanan KTP buka setiap h\u0430ri kerja. #KotaTasikmalaya",
      right="Pelayanan KTP buka setiap hari kerja. #KotaTasikmalaya")
def mixed_script(ctx):
    """Apa yang diperiksa:
    Kata yang memuat huruf Latin sekaligus huruf Kiril atau Yunani, misalnya `hаri` dengan `а`
    Kiril (U+0430) yang tampak sama dengan `a` Latin. Bila semua huruf asingnya punya kembaran
    Latin, perbaikan otomatis menggantinya dengan huruf Latin.
    Mengapa:
    Kata seperti itu terlihat benar, tetapi bagi mesin ia kata lain: tidak ditemukan pencarian,
    tagarnya terpisah, pembaca layar mengejanya dengan lafal bahasa lain, dan pemeriksaan
    pedoman tidak mengenalinya. Biasanya terbawa dari papan ketik atau teks salinan.
    """
    text = ctx.draft.text
    for start, end, latin in ctx.view.mixed:
        word = text[start:end]
        foreign = sorted({c for c in word if "\u0370" <= c <= "\u052f"})
        script = "Kiril" if any(c >= "\u0400" for c in foreign) else "Yunani"
        if any(c < "\u0400" for c in foreign) and script == "Kiril":
            script = "Kiril dan Yunani"
        codes = ", ".join(f"{c} U+{ord(c):04X}" for c in foreign)
        yield Hit(start, end, f"Kata '{word}' mencampur huruf Latin dengan huruf {script} ({codes}); "
                  + (f"tulis '{latin}'." if latin else "tulis dengan huruf Latin saja."), latin, original=True)


@rule("spelling.damaged-text", category="spelling", severity="warning", local=False,
      summary="Teks rusak: emoji atau huruf hilang",
      wrong="Terima kasih atas partisipasinya ?? Sampai jumpa di CFD berikutnya. #KotaTasikmalaya",
      right="Terima kasih atas partisipasinya 🙏 Sampai jumpa di CFD berikutnya. #KotaTasikmalaya")
def damaged_text(ctx):
    """Apa yang diperiksa:
    Emoji atau huruf yang hilang saat takarir disalin dari ponsel atau diekspor dari platform,
    sehingga tampil sebagai "?" yang berdiri sendiri, "?" di tengah kata, atau "�" (U+FFFD).
    Dilaporkan sekali per draf, di tempat pertama, dengan jumlah seluruhnya; tidak pernah
    diperbaiki otomatis, karena hanya sumber aslinya yang tahu isinya.
    Mengapa:
    Takarir dengan tanda tanya nyasar terbit tampak rusak. Ini bukan salah tanda baca: yang
    perlu dilakukan adalah menyalin ulang takarir dari sumber aslinya.
    """
    from humaskit.lint import running

    spans = running.damaged(ctx)
    if spans:
        start, end = spans[0]
        more = f" ({len(spans)} tempat)" if len(spans) > 1 else ""
        yield Hit(start, end, f"Teks rusak: emoji atau huruf hilang{more}; salin ulang takarir dari sumber "
                              "aslinya.")
