"""Terminology rules: kata baku, foreign terms, and the canonical spelling of names and terms."""

from __future__ import annotations

import re

from humaskit.language.morphology import match_case
from humaskit.lint import lexicon, running
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import lazy_pattern, PhraseIndex


def _baku_index(ctx):
    owned = lexicon.owned_words(ctx, "terminology.kata-baku")
    pairs = {k: v for k, v in lexicon.kata_baku(ctx.guideline).items() if k in owned}
    single = {k: v for k, v in pairs.items() if " " not in k}
    multi = {k: v for k, v in pairs.items() if " " in k}
    return single, frozenset(single), PhraseIndex(multi), multi


@rule("terminology.kata-baku", category="terminology", severity="warning", fixable=True,
      summary="Kata tidak baku (KBBI/EYD V)",
      wrong="Dinkes menghimbau warga menjaga kebersihan; resiko DBD meningkat di musim hujan. #KotaTasikmalaya",
      right="Dinkes mengimbau warga menjaga kebersihan; risiko DBD meningkat di musim hujan. #KotaTasikmalaya")
def kata_baku(ctx):
    """Apa yang diperiksa:
    Bentuk tidak baku menurut KBBI dan EYD V (praktek → praktik, himbau → imbau dan bentuk
    berimbuhannya, walikota → wali kota, ditindak lanjuti → ditindaklanjuti), ditambah pasangan
    milik pedoman sendiri (`terminology.replace`). Bentuk yang berisiko nama diri (Putera,
    Rizki) hanya ditandai bila ditulis huruf kecil.
    Mengapa:
    Pemerintah menjadi teladan penggunaan bahasa Indonesia yang baik dan benar (UU No. 24 Tahun
    2009); ejaan yang seragam antarperangkat daerah memperkuat kesan satu suara.
    """
    single, keys, index, multi = ctx.memo("terminology.baku", lambda g: _baku_index(ctx))
    claimed = lexicon.claimed_words(ctx, "terminology.kata-baku")
    for start, end, word, key in running.lexicon_words(ctx, keys, claimed):
        yield from _baku_hit(start, end, word, single[key])
    for start, end, written, phrase in index.finditer(ctx.tokens):
        if running.running(ctx, start, written.split()[0]):
            yield from _baku_hit(start, end, written, multi[phrase])


def _baku_hit(start, end, word, pair):
    if pair.lowercase_only and not word.islower():
        return
    fix = match_case(word, pair.standard)
    source = "pedoman" if pair.note == "pedoman" else "KBBI/EYD V"
    yield Hit(start, end, f"'{word}' tidak baku; bentuk baku ({source}): '{fix}'.", fix, pair.severity)


def _foreign(ctx):
    owned = lexicon.owned_words(ctx, "terminology.foreign-term")
    terms = {k: v for k, v in lexicon.foreign_terms(ctx.guideline).items() if k in owned}
    single = {k: v for k, v in terms.items() if " " not in k}
    return single, frozenset(single), PhraseIndex({k for k in terms if " " in k}), terms


# An English stem with an Indonesian prefix written with a hyphen: di-share, nge-post, di-follow up.
AFFIXED = lazy_pattern(r"(?<![\w-])(di|ke|ter|me|nge|ng|ber|se)-([a-z]+)(?![\w-])", re.I)
# The same, found from the hyphen (a scan from a literal is fast) and checked back to the prefix.
_STEM = lazy_pattern(r"-([a-z]+)(?![\w-])", re.I)
_PREFIX = lazy_pattern(r"(?<![\w-])(?:di|ke|ter|me|nge|ng|ber|se)$", re.I)


def affixed(masked: str) -> list[tuple[int, int, str, int]]:
    """(start, end, stem, stem start) of each match of AFFIXED in ``masked``."""
    found = []
    for m in _STEM.finditer(masked):
        # four characters: the longest prefix and the one before it, which the lookbehind reads
        window = max(0, m.start() - 4)
        prefix = _PREFIX.search(masked, window, m.start())
        if prefix:
            found.append((prefix.start(), m.end(), m.group(1), m.start(1)))
    return found


@rule("terminology.foreign-term", category="terminology", severity="suggestion", fixable=True,
      summary="Istilah asing yang punya padanan",
      wrong="Pendaftaran online dibuka; download formulirnya di laman resmi. #KotaTasikmalaya",
      right="Pendaftaran daring dibuka; unduh formulirnya di laman resmi. #KotaTasikmalaya")
def foreign_term(ctx):
    """Apa yang diperiksa:
    Istilah asing yang sudah punya padanan resmi bahasa Indonesia (online → daring,
    download → unduh, link → tautan). Hanya saran; matikan dengan
    `terminology.foreign_terms: false`.
    Mengapa:
    UU No. 24 Tahun 2009 mewajibkan bahasa Indonesia dalam informasi publik; padanan resmi
    lebih mudah dipahami warga yang tidak akrab dengan istilah asing.
    """
    single, keys, index, terms = ctx.memo("terminology.foreign", lambda g: _foreign(ctx))
    hits, taken = [], []  # a phrase's words are never reported one by one ("free" in Car Free Day)
    for start, end, written, phrase in index.finditer(ctx.tokens):
        taken.append((start, end))
        if running.running(ctx, start, written.split()[0]):
            hits += _foreign_hit(start, end, written, terms[phrase])
    claimed = lexicon.claimed_words(ctx, "terminology.foreign-term")
    for start, end, word, key in running.lexicon_words(ctx, keys, claimed):
        if not any(s <= start < e for s, e in taken):
            hits += _foreign_hit(start, end, word, single[key])
    masked = ctx.tokens.masked
    if "-" in masked:
        for first, last, written_stem, at in affixed(masked):
            stem = written_stem.lower()
            term = terms.get(stem) or next((terms[k] for k in terms if k.startswith(stem + " ")
                                            and ctx.tokens.lower_masked.startswith(k, at)), None)
            if term:
                hits.append(Hit(first, last,
                                f"'{masked[first:last]}' memakai kata asing '{written_stem}' berimbuhan; "
                                f"pakai kata Indonesia berimbuhan dari padanannya '{term.standard}'."))
    hits.sort(key=lambda h: h.start)
    yield from hits


def _foreign_hit(start: int, end: int, written: str, term: lexicon.Foreign) -> list[Hit]:
    """The finding for a foreign term as written: none for a "name" term written capitalised (Car
    Free Day, Smart City), no fix for an "ambiguous" one (also a brand or an everyday word)."""
    if term.context == "name" and written[:1].isupper():
        return []
    fix = match_case(written, term.standard)
    message = f"'{written}' punya padanan bahasa Indonesia: '{fix}'."
    return [Hit(start, end, message, None if term.context == "ambiguous" else fix)]


def _term_index(guideline):
    terms = {}
    for term in guideline["terminology"]["terms"]:
        terms.setdefault(term.casefold(), term)
    for agency in guideline.agencies.values():
        for name in (agency["name"], agency["short"]):
            terms.setdefault(name.casefold(), name)
    return PhraseIndex(terms), terms


@rule("terminology.term-case", category="terminology", severity="warning", fixable=True,
      summary="Penulisan nama resmi dan istilah",
      wrong="Pemkot tasikmalaya bersama DINKES mengingatkan vaksinasi covid-19 lanjutan. #KotaTasikmalaya",
      right="Pemkot Tasikmalaya bersama Dinkes mengingatkan vaksinasi COVID-19 lanjutan. #KotaTasikmalaya")
def term_case(ctx):
    """Apa yang diperiksa:
    Nama resmi dan istilah dengan penulisan baku: `terminology.terms` pedoman (COVID-19,
    SP4N-LAPOR!, Kota Tasikmalaya) serta nama lengkap dan singkatan resmi setiap perangkat
    daerah (Dinkes, BPBD, Satpol PP). Bila hurufnya sama tetapi besar-kecilnya berbeda,
    temuan memberi bentuk baku.
    Mengapa:
    Nama lembaga dan istilah yang ditulis berbeda-beda membuat akun pemerintah tampak tidak
    terkoordinasi dan menyulitkan pencarian.
    """
    index, terms = ctx.memo("terminology.terms", _term_index)
    text = ctx.text
    for start, end, _, phrase in index.finditer(ctx.tokens):
        written = text[start:end]
        canonical = terms[phrase]
        if written != canonical and " ".join(written.split()) != canonical:
            yield Hit(start, end, f"Tulis '{canonical}', bukan '{written}'.", canonical)
