"""Grammar rules on punctuation and spacing (category ``grammar``): doubled spaces, spaces inside
brackets and quotes and before a mark, and the full stop of abbreviations."""

from __future__ import annotations

import re

from humaskit.language.morphology import match_case
from humaskit.lint import running
from humaskit.lint.finding import Hit
from humaskit.lint.matching import lazy_pattern
from humaskit.lint.registry import rule
from humaskit.lint.rules.grammar.scan import baku_words, rewrites

_FM = "---\nagency: dinkes\n---\n"


# --- spaces --------------------------------------------------------------------------------

_DOUBLE_SPACE = lazy_pattern(r"(?<=\S)  +(?=\S)")


@rule("grammar.double-space", category="grammar", severity="suggestion", fixable=True, local=False,
      summary="Spasi ganda di antara kata",
      wrong=_FM + "Pelayanan KTP-el  dibuka pukul 08.00 WIB.",
      right=_FM + "Pelayanan KTP-el dibuka pukul 08.00 WIB.")
def double_space(ctx):
    """Apa yang diperiksa:
    Dua spasi atau lebih di antara kata dalam satu baris (indentasi di awal baris, spasi di
    akhir baris, dan baris tabel yang disejajarkan tidak ditandai). Saran, karena teks yang
    disalin dari dokumen sering memakainya untuk menyejajarkan.
    Mengapa:
    Spasi ganda tampak sebagai celah di layar ponsel dan sering menandai kata yang terhapus
    saat menyunting.
    """
    text, base = ctx.text, ctx.base
    if text.find("  ", base) == -1:
        return
    for m in _DOUBLE_SPACE.finditer(text, base):
        start, end = m.span()
        line_start = max(text.rfind("\n", base, start) + 1, base)
        line_end = text.find("\n", end)
        line = text[line_start:line_end if line_end != -1 else len(text)]
        if "|" in line or "\t" in line or line.count("  ") > 2:
            continue  # a table or aligned columns
        if ctx.tokens.masked[start - 1:end + 1].strip() != text[start - 1:end + 1].strip():
            continue  # next to a link or tag the masking turned into spaces
        yield Hit(start, end, "Spasi ganda; cukup satu spasi.", " ")


# A space just inside a bracket: "( rambu sementara )". Only brackets whose inside starts and ends
# on the same line; an emoticon or a list marker ("a )") is not text in brackets.
_BRACKET_SPACE = lazy_pattern(r"\([ \t]+(?=[^\s)])([^()\n]*?[^\s(])?[ \t]*\)|\((?=[^\s)])([^()\n]*?[^\s(])[ \t]+\)")


@rule("grammar.bracket-space", category="grammar", severity="warning", fixable=True, local=False,
      summary="Spasi di dalam tanda kurung",
      wrong=_FM + "Ikuti arahan petugas ( rambu sementara ) di lapangan.",
      right=_FM + "Ikuti arahan petugas (rambu sementara) di lapangan.")
def bracket_space(ctx):
    """Apa yang diperiksa:
    Spasi tepat setelah kurung buka atau tepat sebelum kurung tutup: "( rambu sementara )"
    menjadi "(rambu sementara)".
    Mengapa:
    EYD V menulis tanda kurung rapat dengan kata yang diapitnya; spasi di dalamnya membuat
    kurung tampak terlepas, dan di layar ponsel kurung tutup bisa turun sendirian ke baris baru.
    """
    masked = ctx.tokens.masked
    if "( " not in masked and " )" not in masked and "(\t" not in masked and "\t)" not in masked:
        return
    text = ctx.text
    # the spaces must be written ones: a masked @mention or link reads as spaces too
    fixes = (m for m in _BRACKET_SPACE.finditer(masked) if (m.group(1) or m.group(2) or "").strip()
             and text[m.start():m.end()] == m.group())
    yield from rewrites(ctx, fixes, lambda m: f"({(m.group(1) or m.group(2)).strip()})",
                        "Tanda kurung ditulis rapat dengan isinya: '{}'.")


# A quotation with a space just inside its marks: “ teks ” or " teks ". Straight quotes pair up
# on their line, the first opening; a line with an odd number of them is left alone.
_CURLY_SPACE = lazy_pattern(r"(?<=“)[ \t]+(?=\S)|(?<=\S)[ \t]+(?=”)")


@rule("grammar.quote-space", category="grammar", severity="warning", fixable=True, local=False,
      summary="Spasi di dalam tanda petik",
      wrong=_FM + 'Tema tahun ini " Sehat Bersama " dipilih warga.',
      right=_FM + 'Tema tahun ini "Sehat Bersama" dipilih warga.')
def quote_space(ctx):
    """Apa yang diperiksa:
    Spasi tepat setelah tanda petik pembuka atau tepat sebelum tanda petik penutup: '" Sehat
    Bersama "' menjadi '"Sehat Bersama"'. Tanda petik lurus dipasangkan per baris; baris dengan
    jumlah tanda petik ganjil tidak diperiksa.
    Mengapa:
    EYD V menulis tanda petik rapat dengan kata yang diapitnya; petik yang terlepas tampak
    seperti salah ketik dan bisa terpisah dari kutipannya di layar ponsel.
    """
    masked, text = ctx.tokens.masked, ctx.text
    if '"' not in masked and "“" not in masked:
        return
    spans = [(m.start(), m.end()) for m in _CURLY_SPACE.finditer(masked)]
    line_start = 0
    for line in masked.split("\n"):
        marks = [i for i, ch in enumerate(line) if ch == '"']
        if len(marks) % 2 == 0:
            for open_at, close_at in zip(marks[::2], marks[1::2]):
                inside = line[open_at + 1:close_at]
                if inside.strip():
                    lead = len(inside) - len(inside.lstrip(" \t"))
                    trail = len(inside) - len(inside.rstrip(" \t"))
                    if lead:
                        spans.append((line_start + open_at + 1, line_start + open_at + 1 + lead))
                    if trail:
                        spans.append((line_start + close_at - trail, line_start + close_at))
        line_start += len(line) + 1
    for start, end in sorted(spans):
        if text[start:end] == masked[start:end] and not running.in_passage(ctx, start):
            yield Hit(start, end, "Tanda petik ditulis rapat dengan kutipannya; hapus spasi ini.", "")


# --- abbreviations and spaces before a mark ------------------------------------------------

_ABBREVIATIONS = {"dll": "dll.", "dsb": "dsb.", "dst": "dst.", "dkk": "dkk.", "yth": "yth."}
_ABBREVIATION_WORDS = frozenset(("dll", "dsb", "dst", "dkk", "yth", "d"))
_ABBREV = lazy_pattern(r"(?<![\w.-])(dll|dsb|dst|dkk|yth|d\.l\.l|d\.s\.b)(\.*)(?![\w-])", re.I)


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
    owned = ctx.memo("mechanics.baku", baku_words)
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
        yield Hit(m.start(), m.end(), f"Tulis singkatan ini '{fixed}'.", fixed)


# Not the colon: EYD V aligns colons in lists and scripts ("Ketua : Ahmad Wijaya").
_SPACE_THEN_MARK = lazy_pattern(r" [,.;!?]")  # the gate: one scan instead of five substring looks
_SPACE_PUNCT = lazy_pattern(r"(?<=[^\s.,;:!?])([ \t]+)[,.;!?](?=[ \t]|\r?\n|$)(?![ \t]*[,.;:!?])")


@rule("grammar.space-before-punctuation", category="grammar", severity="warning", fixable=True, local=False,
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
    text = ctx.text
    for m in _SPACE_PUNCT.finditer(masked):
        s, e = m.span(1)
        if text[s:e].strip() or running.is_damaged(ctx, e, e + 1):
            continue  # the blank was a masked link or tag, or the mark a lost emoji
        yield Hit(s, e + 1, f"Hapus spasi sebelum '{text[e]}'.", text[e])
