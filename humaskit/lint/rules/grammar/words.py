"""Grammar rules on words (category ``grammar``): di/ke, doubled and repeated words, -nya and pun,
and conjunctions that cannot open a sentence."""

from __future__ import annotations

import re

from humaskit.language.morphology import (joined_verdict, PLACE_WORDS, pun_attached, request_passive,
                                          split_is_passive)
from humaskit.lint import running
from humaskit.lint.finding import Hit
from humaskit.lint.matching import continues_word, lazy_pattern, whole_word_offsets, WordVerdicts
from humaskit.lint.registry import rule
from humaskit.lint.text import sentence_start
from humaskit.lint.rules.grammar.capitals import divine_nya
from humaskit.lint.rules.grammar.scan import anchored, baku_words, scan
from humaskit.lint.dictionary import speller_for

_FM = "---\nagency: dinkes\n---\n"


# --- di / ke -------------------------------------------------------------------------------

_DI_SPLIT = lazy_pattern(r"([Dd]i)[ \t]+([a-z]{3,})\b")


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
    baku = ctx.memo("mechanics.baku", baku_words)
    joined = ctx.memo("mechanics.joined", lambda g: WordVerdicts(
        lambda w: w[:2] in ("di", "ke") and len(w) >= 5 and joined_verdict(w, speller, baku)))
    masked = ctx.tokens.masked
    for low, verdict in joined(ctx.tokens.lower_words):
        for start, end, word in ctx.tokens.find_words((low,)):
            if word[1:].islower() and running.running(ctx, start, word):  # Kepanjen, Kediri: names
                fixed = f"{word[:2]} {word[2:]}"
                yield Hit(start, end, f"Kata depan '{low[:2]}' ditulis terpisah: '{fixed}'.", fixed, verdict[1])
    if "di" not in ctx.tokens.lower_words:
        return
    split = ctx.memo("mechanics.split", lambda g: {})
    for m in anchored(_DI_SPLIT, masked, ("di ", "Di ", "di\t")):
        rest = m.group(2)
        passive = split.get(rest)
        if passive is None:
            passive = split[rest] = split_is_passive(rest, speller, baku)
        request = not passive and rest not in PLACE_WORDS and _after_request(masked, m.start())
        if request:
            passive = request_passive(rest, speller, baku)
        if running.in_passage(ctx, m.start()):
            continue
        if request and not passive and (term := _foreign_verbs(ctx).get(rest)):
            # "akan di share": the passive of a foreign verb; its padanan takes di- (dibagikan)
            fixed = "di" + term.standard if " " not in term.standard and term.context != "ambiguous" else None
            better = f" ('{fixed}')" if fixed else ""
            yield Hit(m.start(), m.end(),
                      f"Awalan di- ditulis serangkai, dan untuk kata asing '{rest}' pakai padanannya{better}.", fixed)
        elif passive:
            fixed = m.group(1) + rest
            yield Hit(m.start(), m.end(),
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


def _after_request(masked: str, i: int) -> bool:
    """Whether the word before offset ``i`` is one of ``_REQUEST``."""
    before = masked[max(0, i - 12):i].rstrip()
    word = before.rsplit(None, 1)[-1].lower() if before else ""
    return word in _REQUEST


# --- doubled and repeated words -------------------------------------------------------------

# Closed-class words: written twice by accident ("yang yang"), never reduplicated.
_FUNCTION_WORDS = frozenset((
    "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "ini", "itu", "akan", "atau", "dalam", "oleh",
    "serta", "bagi", "adalah", "ialah", "tidak", "juga", "sudah", "telah", "kami", "kita", "agar", "supaya",
    "karena", "sebagai", "tersebut", "bahwa", "para", "dapat", "bisa", "harus", "wajib", "ada", "sedang",
    "belum", "masih", "saat", "secara", "terhadap", "melalui", "hingga", "sampai", "antara", "jika", "bila",
    "namun", "tetapi", "lalu", "kemudian", "maka", "pun", "per", "tanpa", "sangat", "lebih", "paling", "hanya",
    "saja", "lagi", "the", "of", "and", "to", "a", "an", "in"))
_SAME_WORD = lazy_pattern(r"(?<![\w-])([^\W\d_]+)[ \t]+\1(?![\w-])", re.I)


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
    for i in scan(ctx).doubles:
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
    masked = ctx.tokens.masked
    for m in _doubled(ctx):
        word = m.group(1)
        low = word.lower()
        # "anak anak", and at a sentence's start "Anak anak"; a name in capitals is left alone
        if low in _FUNCTION_WORDS or not word[1:].islower() or m.group().lower().count(low) != 2 \
                or not speller.known(low) or _third(ctx.tokens.lower_masked, m, low):
            continue
        fixed = f"{word}-{low}"
        yield Hit(m.start(), m.end(), f"Bentuk ulang ditulis dengan tanda hubung: '{fixed}'.", fixed)
    for i in scan(ctx).twos:
        end = masked.find("2", i) + 1
        word = masked[i:end - 1]
        if not word.islower():
            continue
        fixed = f"{word}-{word}"
        yield Hit(i, end, f"Bentuk ulang ditulis lengkap dengan tanda hubung: '{fixed}'.",
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
    for m in _doubled(ctx):
        word = m.group(1)
        if word.lower() in _FUNCTION_WORDS:
            first_end = m.start() + len(word)
            yield Hit(first_end, m.end(), f"Kata '{word}' tertulis dua kali.", "")


# --- -nya, pun -----------------------------------------------------------------------------

_NYA_APART = lazy_pattern(r"(?<=[^\W_])([ \t]+|-)nya\b")


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
    baku = ctx.memo("mechanics.baku", baku_words)
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
        yield Hit(i, m.end(), f"Klitik -nya ditulis serangkai: '{prev}{joined}'.", joined)
    attached = ctx.memo("mechanics.pun", lambda g: WordVerdicts(lambda w: pun_attached(w, speller, baku)))
    for low, _ in attached(ctx.tokens.lower_words):
        for start, end, _ in ctx.tokens.find_words((low,)):
            if text[start + 1:end].islower():
                fixed = f"{text[start:end - 3]} pun"
                yield Hit(start, end, f"Partikel pun ditulis terpisah: '{fixed}'.", fixed)


# --- conjunctions opening a sentence -------------------------------------------------------

_QUOTES = frozenset("\"'“‘«")
# Conjunctions inside a sentence (EYD V, Konjungsi intrakalimat) that cannot open one.
_OPENERS = {"tetapi": "Namun,", "tapi": "Namun,", "dan": None, "sehingga": None, "melainkan": None,
            "serta": None}


@rule("grammar.sentence-opening-conjunction", category="grammar", severity="warning",
      summary="Kalimat diawali konjungsi intrakalimat",
      wrong=_FM + "Pendaftaran sudah ditutup. Tetapi warga masih dapat datang langsung.",
      right=_FM + "Pendaftaran sudah ditutup. Namun, warga masih dapat datang langsung.")
def sentence_opening_conjunction(ctx):
    """Apa yang diperiksa:
    Kalimat yang diawali konjungsi yang hanya dipakai di dalam kalimat: tetapi, dan, sehingga,
    melainkan, serta. Ganti dengan konjungsi antarkalimat (Namun, Akan tetapi, Selain itu, Oleh
    karena itu) atau gabungkan dengan kalimat sebelumnya.
    Mengapa:
    EYD V membedakan konjungsi intrakalimat dan antarkalimat; kalimat yang diawali "Tetapi"
    atau "Dan" adalah kalimat yang belum selesai.
    """
    words = ctx.tokens.lower_words.intersection(_OPENERS)
    if not words:
        return
    # an opening conjunction is written with a capital: only those forms are looked for
    masked = ctx.tokens.masked
    found = sorted((i, i + len(form), form) for word in words
                   for form in {word.capitalize(), word.upper()} for i in whole_word_offsets(masked, form))
    for start, end, word in found:
        if not sentence_start(ctx.text, start, ctx.base) or start == ctx.base:
            continue  # the caption's first word may continue the post's title or image
        if ctx.text[start - 1:start] in _QUOTES:
            continue  # a quotation keeps its own words
        if running.in_passage(ctx, start):
            continue
        better = _OPENERS[word.lower()]
        advice = f"ganti dengan '{better}'" if better else "gabungkan dengan kalimat sebelumnya"
        yield Hit(start, end, f"'{word}' tidak membuka kalimat; {advice} (atau pakai Namun, Selain itu, "
                              "Oleh karena itu).")
