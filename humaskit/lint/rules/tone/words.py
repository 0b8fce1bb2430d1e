"""Tone rules on words (category ``tone``): informal and slang words, and how the reader is addressed."""

from __future__ import annotations

import re

from humaskit.language.morphology import match_case
from humaskit.lint import lexicon, running
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import lazy_pattern, mentions_any


_LEVEL_LABEL = {"akrab": "kata akrab/cakapan", "gaul": "kata gaul", "singkatan": "singkatan obrolan",
                "kamus": "kata tidak baku", "pedoman": "kata yang dihindari pedoman"}


@rule("tone.informal-word", category="tone", severity="warning", fixable=True,
      summary="Kata tidak formal atau gaul",
      wrong="Info vaksinasi gratis, buruan daftar aja di puskesmas terdekat. #KotaTasikmalaya",
      right="Vaksinasi gratis. Segera daftar di puskesmas terdekat. #KotaTasikmalaya")
def informal_word(ctx):
    """Apa yang diperiksa:
    Kata gaul, kata cakapan, dan singkatan obrolan (gak, banget, aja, yg, udah) di takarir,
    dengan usulan bentuk formalnya. Kata akrab yang sopan (yuk, lho, info) hanya ditandai bila
    register pedoman `formal`; pedoman dengan `tone.register: friendly` mengizinkannya, dan
    `tone.allow` mengizinkan kata tertentu.
    Mengapa:
    Akun pemerintah mewakili lembaga. Bahasa yang konsisten dan baku membuat informasi resmi
    mudah dipercaya dan mudah dipahami semua warga.
    """
    words, keys = _informal(ctx)
    claimed = lexicon.claimed_words(ctx, "tone.informal-word")
    notes = lexicon.informal_notes()
    text = ctx.text
    found = [(start, end, word, key) for start, end, word, key in running.lexicon_words(ctx, keys, claimed)
             if not ("tidak sebelum angka" in notes.get(key, "") and _NUMBER_AFTER.match(text, end))]
    found += _addressing(ctx, keys, notes)
    for start, end, word, key in sorted(found):
        formal, level = words[key]
        note = notes.get(key, "")
        label = _LEVEL_LABEL.get(level, "kata tidak formal")
        stretched = " (dengan huruf yang dipanjangkan)" if key != word.lower() else ""
        if "partikel" in note and _CLAUSE_END.match(text, end):
            # "penting nih." is a particle, not the demonstrative "ini": delete it with its space
            before = len(text[:start].rstrip(" \t"))
            yield Hit(before, end, f"'{word}' adalah {label}{stretched}; hapus.", "" if before < start else None)
        elif formal and "sapaan" in note:
            # the right form of address depends on the sentence ("ya gaes" is not "ya Sahabat")
            yield Hit(start, end, f"'{word}' adalah {label}{stretched}; pakai sapaan pedoman (misalnya "
                                  f"'{formal}') atau susun ulang kalimatnya.")
        elif formal:
            yield Hit(start, end, f"'{word}' adalah {label}{stretched}; gunakan '{formal}'.", match_case(word, formal))
        else:
            yield Hit(start, end, f"'{word}' adalah {label}{stretched}; hapus atau ganti dengan kalimat formal.")
    for start, end, word, plain in _stretched(ctx, keys, claimed):
        yield Hit(start, end, f"'{word}' ditulis dengan huruf yang dipanjangkan; tulis '{plain}'.",
                  match_case(word, plain))


_NUMBER_AFTER = lazy_pattern(r"\.?[ \t]*\d")
_CLAUSE_END = lazy_pattern(r"[ \t]*(?:[.,!?;:)]|$)", re.M)


def _addressing(ctx, keys: frozenset, notes: dict) -> list[tuple[int, int, str, str]]:
    """Forms of address written capitalised where they address the reader ("nih, Sob!", "Gan,
    pakai helm"): after a comma or before one, or before ! or ?. Elsewhere a capitalised word
    inside a sentence is a name and stays alone."""
    address = ctx.memo("tone.address", lambda g: frozenset(k for k in keys if "sapaan" in notes.get(k, "")))
    if address.isdisjoint(ctx.tokens.lower_words):
        return []
    text = ctx.text
    out = []
    for start, end, word in ctx.tokens.find_words(address):
        if word[:1].isupper() and word[1:].islower() and not running.running(ctx, start, word) \
                and not running.in_passage(ctx, start) \
                and (text[:start].rstrip(" \t").endswith(",") or text[end:end + 1] in (",", "!", "?")):
            out.append((start, end, word, word.lower()))
    return out


def _stretched(ctx, keys: frozenset, claimed: frozenset):
    """Stretched words (pentinggg) of standard words: the standard word is the fix. Words of the
    lexicon (``keys``) and words other rules report (``claimed``) are theirs."""
    from humaskit.lint.dictionary import speller_for

    stretched = running.stretched_words(ctx)
    if not stretched:
        return
    candidates = [(low, forms) for low, forms in stretched
                  if low not in keys and low not in claimed and keys.isdisjoint(forms) and claimed.isdisjoint(forms)
                  and running.has_stretch(low)]
    if not candidates:
        return
    speller = speller_for(ctx)
    for low, forms in candidates:
        plain = next((f for f in forms if speller.known(f)), None)
        if plain is None:
            continue
        for start, end, word in ctx.tokens.find_words((low,)):
            if running.running(ctx, start, word):
                yield start, end, word, plain


def _informal(ctx):
    """The informal lexicon and the words of it this rule reports (the others' owners report them)."""
    return lexicon.informal(ctx.guideline), lexicon.owned_words(ctx, "tone.informal-word")


@rule("tone.pronoun", category="tone", severity="warning", fixable=True,
      summary="Kata ganti untuk warga",
      wrong="Kamu bisa mengurus KTP-el di kantor kecamatan. Pastikan anda membawa KK. #KotaTasikmalaya",
      right="Anda dapat mengurus KTP-el di kantor kecamatan. Pastikan Anda membawa KK. #KotaTasikmalaya")
def pronoun(ctx):
    """Apa yang diperiksa:
    Kata ganti orang kedua selain yang ditetapkan pedoman (`tone.pronoun`, bawaan "Anda"):
    kamu, lo, lu, kau, dan "anda" yang ditulis dengan huruf kecil; "kalian" menjadi "Anda
    sekalian". Nama diri dan bagian berbahasa daerah tidak diperiksa.
    Mengapa:
    EYD V menulis "Anda" dengan huruf kapital sebagai sapaan hormat. Sapaan yang seragam
    menjaga kesantunan dan keseragaman suara pemerintah kota.
    """
    chosen = ctx.guideline["tone"]["pronoun"]
    chosen_low = chosen.lower()
    wanted = ctx.memo("tone.pronoun", lambda g: lexicon.owned_words(ctx, "tone.pronoun") | {chosen_low})
    if not mentions_any(ctx, wanted):
        return
    for start, end, word in ctx.tokens.find_words(wanted):
        low = word.lower()
        if running.in_passage(ctx, start):
            continue
        if low == chosen_low:
            if word != chosen and chosen_low == "anda":
                yield Hit(start, end, f"Tulis '{chosen}' dengan huruf kapital sebagai sapaan.", chosen)
        elif low in lexicon.SECOND_PERSON_PLURAL:
            if not running.is_name(ctx, start, word):
                plural = f"{chosen} sekalian"
                yield Hit(start, end, f"Sapa warga dengan '{plural}' (bentuk hormat), bukan '{word}'.",
                          match_case(word, plural))
        elif low in lexicon.SECOND_PERSON and not running.is_name(ctx, start, word):
            yield Hit(start, end, f"Sapa warga dengan '{chosen}', bukan '{word}'.", match_case(word, chosen))
