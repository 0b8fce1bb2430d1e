"""Grammar rules on capitals (category ``grammar``): titles before a name, se- before a capital,
and -Nya for God."""

from __future__ import annotations

import re

from humaskit.language.sentences import sentences
from humaskit.lint.finding import Hit
from humaskit.lint.matching import lazy_pattern
from humaskit.lint.registry import rule
from humaskit.lint.rules.grammar.scan import anchored, rewrites

_FM = "---\nagency: dinkes\n---\n"


# --- titles before a name ------------------------------------------------------------------

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
    masked = ctx.tokens.masked
    for m in anchored(pattern, masked, needles, ctx.tokens.lower_masked):
        fixed = _title_case(m.group())
        if fixed != m.group():
            yield Hit(m.start(), m.end(), f"Jabatan di depan nama ditulis kapital: '{fixed}'.", fixed)


# --- se- before a capital ------------------------------------------------------------------

# Starting at a literal, the scan is fast; the word boundary before "se" is checked per match.
_SE_CAPITAL = lazy_pattern(r"se(?:[ \t]+|(?=[A-Z]))([A-Z][a-z]+)")


def se_capital(masked: str):
    """The matches of _SE_CAPITAL that start a word (as a leading ``\\b`` would say)."""
    for m in _SE_CAPITAL.finditer(masked):
        i = m.start()
        if not i or not (masked[i - 1].isalnum() or masked[i - 1] == "_"):
            yield m


@rule("grammar.se-prefix", category="grammar", severity="warning", fixable=True, local=False,
      summary="Awalan se- sebelum huruf kapital",
      wrong=_FM + "Lomba kebersihan se Jawa Barat dan seKota Tasikmalaya dibuka.",
      right=_FM + "Lomba kebersihan se-Jawa Barat dan se-Kota Tasikmalaya dibuka.")
def se_prefix(ctx):
    """Apa yang diperiksa:
    Awalan se- yang diikuti kata berhuruf kapital ditulis dengan tanda hubung: "se Jawa Barat"
    dan "seJawa Barat" menjadi "se-Jawa Barat".
    Mengapa:
    EYD V memakai tanda hubung di antara se- dan kata yang diawali huruf kapital; "se" yang
    berdiri sendiri bukan kata bahasa Indonesia.
    """
    masked = ctx.tokens.masked
    if "se" not in masked:
        return
    yield from rewrites(ctx, se_capital(masked), lambda m: f"se-{m.group(1)}",
                        "Awalan se- sebelum huruf kapital memakai tanda hubung: '{}'.")


# --- -Nya for God --------------------------------------------------------------------------

# Words for what belongs to God, written -Nya when they refer to Him (EYD V, Huruf Kapital).
_DIVINE = frozenset(("rahmat", "karunia", "berkah", "berkat", "rida", "ridha", "ridho", "izin", "hidayah",
                     "kuasa", "kehendak", "lindungan", "perlindungan", "petunjuk", "anugerah", "nikmat",
                     "ampunan", "kasih", "kebesaran", "ciptaan", "firman", "takdir", "pertolongan"))
_GOD = lazy_pattern(r"\b(?:Tuhan|Allah|Ilahi|Yang Maha (?:Esa|Kuasa|Pengasih))\b")
_GOD_WORDS = lazy_pattern("Tuhan|Allah|Ilahi|Maha")  # the gate: a literal scan, no word boundaries
_NYA = lazy_pattern(r"\b([a-z]+?)(?:-)?nya\b")


def divine_nya(masked: str, word: str) -> bool:
    """Whether "<word>nya" in ``masked`` is left to grammar.god-pronoun (karunia-nya → karunia-Nya)."""
    return word.lower() in _DIVINE and _GOD_WORDS.search(masked) is not None and _GOD.search(masked) is not None


@rule("grammar.god-pronoun", category="grammar", severity="warning", fixable=True, local=False,
      summary="-Nya untuk Tuhan",
      wrong=_FM + "Puji syukur kepada Tuhan Yang Maha Esa atas rahmatnya, Hari Jadi Kota dapat digelar.",
      right=_FM + "Puji syukur kepada Tuhan Yang Maha Esa atas rahmat-Nya, Hari Jadi Kota dapat digelar.")
def god_pronoun(ctx):
    """Apa yang diperiksa:
    Kata ganti yang merujuk Tuhan ditulis "-Nya" dengan huruf kapital dan tanda hubung: dalam
    kalimat yang menyebut Tuhan, Allah, atau Yang Maha Esa, "atas rahmatnya" menjadi "atas
    rahmat-Nya" (rahmat, karunia, rida, izin, hidayah, lindungan, dan sejenisnya).
    Mengapa:
    EYD V menulis kata ganti untuk Tuhan dengan huruf kapital; ucapan syukur di unggahan hari
    besar dan hari jadi kota sering melewatkannya.
    """
    masked = ctx.tokens.masked
    if "nya" not in masked or not _GOD_WORDS.search(masked) or not _GOD.search(masked):
        return
    for first, last in sentences(masked):
        sentence = masked[first:last]
        if not _GOD.search(sentence):
            continue
        for m in _NYA.finditer(sentence):
            if m.group(1) in _DIVINE:
                start = first + m.start()
                fixed = f"{m.group(1)}-Nya"
                yield Hit(start, first + m.end(), f"Kata ganti untuk Tuhan ditulis '-Nya': '{fixed}'.", fixed)
