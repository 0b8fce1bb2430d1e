"""Tone rules on how a caption looks (category ``tone``): shouting in capitals, runs of ! and ?, and
too many emoji."""

from __future__ import annotations

import re

from humaskit.lint import lexicon, running
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import lazy_pattern
from humaskit.lint.text import sentence_start


# Two capitals in a row: the cheap gate before looking at words. Python's regex engine scans
# for a repeated class several times slower than for the class written twice, and for A-Z
# faster still, so an ASCII caption (most) gets the narrow form, which means the same there.
_CAPS = lazy_pattern(r"[^\W\d_a-z][^\W\d_a-z]")
_CAPS_ASCII = lazy_pattern(r"[A-Z][A-Z]")


@rule("tone.shouting", category="tone", severity="warning", fixable=True,
      summary="Kata ditulis kapital semua (berteriak)",
      wrong="PENTING: layanan SIM keliling LIBUR besok. #KotaTasikmalaya",
      right="Penting: layanan SIM keliling libur besok. #KotaTasikmalaya")
def shouting(ctx):
    """Apa yang diperiksa:
    Kata umum yang seluruhnya ditulis kapital (PENTING, GRATIS, SEGERA). Kata kapital yang tidak
    ada di kamus dianggap singkatan (DPRD, BPKAD, RSUD) dan tidak ditandai, tanpa perlu daftar
    singkatan; pedoman tetap dapat menambah singkatan yang kebetulan juga kata umum lewat
    `tone.acronyms` (singkatan perangkat daerah dan istilah resmi sudah dikenal).
    Mengapa:
    Huruf kapital semua terbaca sebagai berteriak dan menyulitkan pembaca layar; penekanan
    cukup dengan susunan kalimat.
    """
    from humaskit.lint.dictionary import speller_for

    masked = ctx.tokens.masked
    if not (_CAPS_ASCII if masked.isascii() else _CAPS).search(masked):
        return
    known = ctx.memo("tone.acronyms", _acronyms)
    # "INFO PENTING": where tone.informal-word reports the word, its fix settles both
    settled = lexicon.owned_words(ctx, "tone.informal-word") if lexicon.active(ctx, "tone.informal-word") \
        else frozenset()
    minimum = ctx.guideline["tone"]["shouting_min_letters"]
    text = ctx.text
    speller = None
    for start, end, word in ctx.tokens.upper_words():
        if len(word) < minimum or word in known or (word.lower() in settled and running.running(ctx, start, word)):
            continue
        letters = sum(ch.isalpha() for ch in word)
        if letters < minimum or any(part in known for part in re.split(r"[-'’]", word)):
            continue
        speller = speller or speller_for(ctx)
        low = word.lower()
        if not (speller.known(low) or any(speller.known(f) for f in running.squeezed(low))):
            continue  # not a word of the language: an acronym (BPKAD, RSUD)
        fixed = word.capitalize() if sentence_start(text, start, ctx.base) else low
        yield Hit(start, end, f"'{word}' ditulis kapital semua; tulis '{fixed}'.", fixed)


def _acronyms(guideline) -> frozenset:
    known = set(guideline["tone"]["acronyms"])
    for agency in guideline.agencies.values():
        known.update(agency["short"].split())
    for term in guideline["terminology"]["terms"]:
        known.update(w for w in re.split(r"[\s/]+", term) if w.isupper())
    return frozenset(known)


_PUNCT_RUN = lazy_pattern(r"[!?](?:\s?[!?])+")


@rule("tone.punctuation-run", category="tone", severity="warning", fixable=True,
      summary="Tanda seru atau tanya beruntun",
      wrong="Pendaftaran dibuka hari ini!!! Sudah siap??? #KotaTasikmalaya",
      right="Pendaftaran dibuka hari ini! Sudah siap? #KotaTasikmalaya")
def punctuation_run(ctx):
    """Apa yang diperiksa:
    Tanda seru atau tanda tanya yang ditulis berturut-turut melebihi `tone.max_punctuation_run`
    (bawaan 1).
    Mengapa:
    EYD V memakai satu tanda seru atau satu tanda tanya di akhir kalimat. Tanda beruntun terkesan
    panik atau emosional, tidak cocok untuk informasi resmi.
    """
    limit = ctx.guideline["tone"]["max_punctuation_run"]
    masked = ctx.tokens.masked
    if "!" not in masked and "?" not in masked:
        return
    for m in _PUNCT_RUN.finditer(masked):
        marks = m.group().replace(" ", "")
        if len(marks) <= limit or running.is_damaged(ctx, m.start(), m.end()):
            continue  # "?" standing for a lost emoji is spelling.damaged-text
        fix = "?" if "?" in marks else "!"
        start, end = m.span()
        yield Hit(start, end, f"'{marks}' terlalu banyak tanda baca; cukup '{fix}'.", fix)


@rule("tone.emoji-count", category="tone", severity="suggestion", local=False,
      summary="Emoji terlalu banyak",
      wrong="Selamat Hari Guru Nasional 🎉🎉🙏🙏📚✨ #KotaTasikmalaya",
      right="Selamat Hari Guru Nasional 🙏 #KotaTasikmalaya")
def emoji_count(ctx):
    """Apa yang diperiksa:
    Jumlah emoji dalam takarir melebihi `tone.max_emoji` (bawaan 3). Temuan menandai emoji
    pertama yang melewati batas sampai emoji terakhir.
    Mengapa:
    Emoji berlebih mengurangi kesan resmi dan dibacakan satu per satu oleh pembaca layar,
    sehingga menyulitkan warga tunanetra.
    """
    limit = ctx.guideline["tone"]["max_emoji"]
    emoji = ctx.tokens.emoji
    if len(emoji) > limit:
        start, end = emoji[limit][0], emoji[-1][1]
        yield Hit(start, end, f"Takarir memakai {len(emoji)} emoji; batas pedoman {limit}.")
