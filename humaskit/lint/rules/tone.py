"""Tone rules: register, pronouns, shouting, punctuation, emoji, clickbait and provocation."""

from __future__ import annotations

import re

from humaskit.lint import lexicon
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import PhraseIndex, mentions_any
from humaskit.lint.rules._util import match_case, sentence_start

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
    words, keys = ctx.memo("tone.informal", _informal)
    if not mentions_any(ctx, keys):
        return
    for start, end, word in ctx.tokens.find_words(keys):
        formal, level = words[word.lower()]
        if level == "kamus" and word[:1].isupper() and not sentence_start(ctx.text, start, ctx.base):
            continue  # a capitalised dictionary-only match mid-sentence is likely a name
        label = _LEVEL_LABEL.get(level, "kata tidak formal")
        if formal:
            yield Hit(start, end, f"'{word}' adalah {label}; gunakan '{formal}'.", match_case(word, formal))
        else:
            yield Hit(start, end, f"'{word}' adalah {label}; hapus atau ganti dengan kalimat formal.")


def _informal(guideline):
    words = lexicon.informal(guideline)
    return words, frozenset(words)


_PRONOUNS = frozenset(lexicon.SECOND_PERSON)


@rule("tone.pronoun", category="tone", severity="warning", fixable=True,
      summary="Kata ganti untuk warga",
      wrong="Kamu bisa mengurus KTP-el di kantor kecamatan. Pastikan anda membawa KK. #KotaTasikmalaya",
      right="Anda dapat mengurus KTP-el di kantor kecamatan. Pastikan Anda membawa KK. #KotaTasikmalaya")
def pronoun(ctx):
    """Apa yang diperiksa:
    Kata ganti orang kedua selain yang ditetapkan pedoman (`tone.pronoun`, bawaan "Anda"):
    kamu, lo, lu, kau, dan "anda" yang ditulis dengan huruf kecil.
    Mengapa:
    EYD V menulis "Anda" dengan huruf kapital sebagai sapaan hormat. Sapaan yang seragam
    menjaga kesantunan dan keseragaman suara pemerintah kota.
    """
    chosen = ctx.guideline["tone"]["pronoun"]
    chosen_low = chosen.lower()
    wanted = _PRONOUNS | {chosen_low}
    if not mentions_any(ctx, wanted):
        return
    for start, end, word in ctx.tokens.find_words(wanted):
        low = word.lower()
        if low == chosen_low:
            if word != chosen and chosen_low == "anda":
                yield Hit(start, end, f"Tulis '{chosen}' dengan huruf kapital sebagai sapaan.", chosen)
        elif low in lexicon.SECOND_PERSON:
            yield Hit(start, end, f"Sapa warga dengan '{chosen}', bukan '{word}'.", match_case(word, chosen))


# Two capitals in a row: the cheap gate before looking at words. Python's regex engine scans
# for a repeated class several times slower than for the class written twice, and for A-Z
# faster still, so an ASCII caption (most) gets the narrow form, which means the same there.
_CAPS = re.compile(r"[^\W\d_a-z][^\W\d_a-z]")
_CAPS_ASCII = re.compile(r"[A-Z][A-Z]")


@rule("tone.shouting", category="tone", severity="warning", fixable=True,
      summary="Kata ditulis kapital semua (berteriak)",
      wrong="PENTING: layanan SIM keliling LIBUR besok. #KotaTasikmalaya",
      right="Penting: layanan SIM keliling libur besok. #KotaTasikmalaya")
def shouting(ctx):
    """Apa yang diperiksa:
    Kata yang seluruhnya huruf kapital dan bukan singkatan yang dikenal pedoman
    (`tone.acronyms`, singkatan perangkat daerah, istilah resmi).
    Mengapa:
    Huruf kapital semua terbaca sebagai berteriak dan menyulitkan pembaca layar; penekanan
    cukup dengan susunan kalimat.
    """
    masked = ctx.tokens.masked
    if not (_CAPS_ASCII if masked.isascii() else _CAPS).search(masked):
        return
    known = ctx.memo("tone.acronyms", _acronyms)
    informal, _ = ctx.memo("tone.informal", _informal)  # "INFO": tone.informal-word's fix settles both
    minimum = ctx.guideline["tone"]["shouting_min_letters"]
    text = ctx.text
    for start, end, word in ctx.tokens.upper_words():
        if len(word) < minimum or word in known or word.lower() in informal:
            continue
        letters = sum(ch.isalpha() for ch in word)
        if letters < minimum or any(part in known for part in re.split(r"[-'’]", word)):
            continue
        fixed = word.capitalize() if sentence_start(text, start, ctx.base) else word.lower()
        yield Hit(start, end, f"'{word}' ditulis kapital semua; tulis '{fixed}'.", fixed)


def _acronyms(guideline) -> frozenset:
    known = set(guideline["tone"]["acronyms"])
    for agency in guideline.agencies.values():
        known.update(agency["short"].split())
    for term in guideline["terminology"]["terms"]:
        known.update(w for w in re.split(r"[\s/]+", term) if w.isupper())
    return frozenset(known)


_PUNCT_RUN = re.compile(r"[!?](?:\s?[!?])+")


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
        if len(marks) <= limit:
            continue
        fix = "?" if "?" in marks else "!"
        start, end = m.start() + ctx.base, m.end() + ctx.base
        yield Hit(start, end, f"'{marks}' terlalu banyak tanda baca; cukup '{fix}'.", fix)


@rule("tone.emoji-count", category="tone", severity="suggestion",
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


def _phrases(kind: str):
    def build(guideline):
        entries = {}
        for item in guideline["tone"][kind]:
            if isinstance(item, str):
                item = {"phrase": item, "suggestion": None, "message": None}
            entries[item["phrase"].casefold()] = item
        return PhraseIndex(entries), entries
    return build


def _phrase_hits(ctx, kind: str, label: str):
    index, entries = ctx.memo(f"tone.{kind}", _phrases(kind))
    for start, end, written, phrase in index.finditer(ctx.tokens):
        entry = entries[phrase]
        message = f"'{written}' {label}."
        if entry.get("message"):
            message += f" {entry['message']}"
        fix = entry.get("suggestion")
        if fix:
            message += f" Usulan: '{fix}'."
        yield Hit(start, end, message, match_case(written, fix) if fix else None)


@rule("tone.clickbait", category="tone", severity="warning", fixable=True,
      summary="Frasa umpan klik",
      wrong="Heboh! Warga wajib tahu jadwal baru Samsat keliling. #KotaTasikmalaya",
      right="Jadwal baru Samsat keliling perlu diketahui warga. #KotaTasikmalaya")
def clickbait(ctx):
    """Apa yang diperiksa:
    Frasa umpan klik yang tercantum di `tone.clickbait` pedoman (heboh, wajib tahu, viral...).
    Mengapa:
    Informasi pemerintah harus dapat dipercaya. Judul sensasional merusak kepercayaan dan
    menyerupai gaya hoaks.
    """
    yield from _phrase_hits(ctx, "clickbait", "adalah frasa umpan klik")


@rule("tone.provocative", category="tone", severity="error", fixable=True,
      summary="Frasa provokatif atau merendahkan",
      wrong="Kabar banjir di Cibeureum itu hoaks murahan, jangan disebarkan. #KotaTasikmalaya",
      right="Kabar banjir di Cibeureum itu informasi yang tidak benar, jangan disebarkan. #KotaTasikmalaya")
def provocative(ctx):
    """Apa yang diperiksa:
    Frasa provokatif, merendahkan, atau menyinggung SARA yang tercantum di `tone.provocative`;
    bila entri pedoman memberi `suggestion`, perbaikan otomatis memakainya ("warga bodoh" tidak
    punya pengganti: kalimatnya harus ditulis ulang).
    Mengapa:
    Akun pemerintah melayani semua warga. Kata yang merendahkan atau memecah belah memicu
    konflik dan merusak kepercayaan publik.
    """
    yield from _phrase_hits(ctx, "provocative", "bernada provokatif atau merendahkan")


@rule("tone.profanity", category="tone", severity="error",
      summary="Kata kasar",
      wrong="Parkir liar di trotoar itu goblok, jangan ditiru. #KotaTasikmalaya",
      right="Parkir di trotoar membahayakan pejalan kaki; jangan ditiru. #KotaTasikmalaya")
def profanity(ctx):
    """Apa yang diperiksa:
    Kata kasar dari daftar kata kasar bawaan (bisa dimatikan dengan
    `tone.profanity_lexicon: false`; kata tertentu diizinkan lewat `tone.allow`).
    Mengapa:
    Kata kasar tidak pernah pantas di akun resmi pemerintah, termasuk saat mengutip warga.
    """
    words = ctx.memo("tone.profanity", _profanity)
    if not mentions_any(ctx, words):
        return
    for start, end, word in ctx.tokens.find_words(words):
        yield Hit(start, end, f"'{word}' adalah kata kasar; jangan dipakai di akun resmi.")


def _profanity(guideline) -> frozenset:
    if not guideline["tone"]["profanity_lexicon"]:
        return frozenset()
    allow = {w.casefold() for w in guideline["tone"]["allow"]}
    return frozenset(w for w in lexicon.profanity_words() if w not in allow)
