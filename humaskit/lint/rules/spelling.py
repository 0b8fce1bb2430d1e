"""Spelling: likely typos, checked against the hunspell-id dictionary with Indonesian morphology."""

from __future__ import annotations

from humaskit.lint.matching import WordVerdicts
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule

# Typo-model edits (see humaskit.language.speller._edits): swapped, doubled and dropped letters
# are near-certain slips; a substituted letter is more often a regional or brand spelling.
_SURE_EDITS = 3
# Longer than any Indonesian word (dipertanggungjawabkannya has 24 letters): not a typo of one,
# and the typo model's candidates grow with the square of a word's length.
_LONGEST = 40


def _skip_words(guideline) -> frozenset[str]:
    """Lower-case words never reported: the guideline's vocabulary, and words other rules own."""
    from humaskit.lint import lexicon

    words = set(lexicon.official_words(guideline))
    words.update(w.lower() for phrase in guideline["spelling"]["accept"] for w in phrase.replace("-", " ").split())
    words.update(k for k in lexicon.kata_baku(guideline) if " " not in k)
    words.update(lexicon.informal(guideline))
    words.update(lexicon.foreign_terms(guideline))
    words.update(lexicon.SECOND_PERSON)
    words.update(lexicon.SECOND_PERSON_PLURAL)
    return frozenset(words)


def speller_for(ctx):
    """The guideline's speller, built once per guideline and shared with the mechanics rules."""
    return ctx.memo("spelling.speller", _speller)[0]


def _speller(guideline):
    from humaskit.language.speller import Speller, shipped_dictionary

    accept = frozenset(w.lower() for w in guideline["spelling"]["accept"])
    speller, skip, shortest = Speller(shipped_dictionary(), accept), _skip_words(guideline), \
        guideline["spelling"]["min_length"]
    return speller, WordVerdicts(lambda word: _verdict(word, speller, skip, shortest))


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
    speller, verdicts = ctx.memo("spelling.speller", _speller)
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


def _verdict(word: str, speller, skip, shortest: int) -> tuple:
    """The typos in one word form as (offset, part, fixes); computed once per form and guideline."""
    if not shortest <= len(word) <= _LONGEST or not word.isascii() or not word.islower() or word in skip \
            or ("-" in word and speller.known(word)):
        return ()
    found, offset = [], 0
    for part in word.split("-"):
        if len(part) >= shortest and part.isalpha() and part not in skip:
            fixes = speller.typo(part)
            if fixes:
                found.append((offset, part, fixes))
        offset += len(part) + 1
    return tuple(found)


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
