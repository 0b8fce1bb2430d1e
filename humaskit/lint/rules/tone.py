"""Tone rules: register, pronouns, shouting, punctuation, emoji, clickbait and provocation."""

from __future__ import annotations

import re

from humaskit.lint import lexicon, running
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


_NUMBER_AFTER = re.compile(r"\.?[ \t]*\d")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,!?;:)]|$)", re.M)


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
    from humaskit.lint.rules.spelling import speller_for

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
    Kata umum yang seluruhnya ditulis kapital (PENTING, GRATIS, SEGERA). Kata kapital yang tidak
    ada di kamus dianggap singkatan (DPRD, BPKAD, RSUD) dan tidak ditandai, tanpa perlu daftar
    singkatan; pedoman tetap dapat menambah singkatan yang kebetulan juga kata umum lewat
    `tone.acronyms` (singkatan perangkat daerah dan istilah resmi sudah dikenal).
    Mengapa:
    Huruf kapital semua terbaca sebagai berteriak dan menyulitkan pembaca layar; penekanan
    cukup dengan susunan kalimat.
    """
    from humaskit.lint.rules.spelling import speller_for

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
        if len(marks) <= limit or running.is_damaged(ctx, m.start() + ctx.base, m.end() + ctx.base):
            continue  # "?" standing for a lost emoji is spelling.damaged-text
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
    words = lexicon.owned_words(ctx, "tone.profanity")
    if not mentions_any(ctx, words):
        return
    for start, end, word in ctx.tokens.find_words(words):
        yield Hit(start, end, f"'{word}' adalah kata kasar; jangan dipakai di akun resmi.")


@rule("tone.regional-language", category="tone", severity="suggestion",
      summary="Bagian berbahasa daerah",
      wrong="Wilujeng enjing, wargi sadaya! Pelayanan KTP-el dibuka pukul 08.00 WIB. #KotaTasikmalaya",
      right="Selamat pagi, warga Tasikmalaya! Pelayanan KTP-el dibuka pukul 08.00 WIB. #KotaTasikmalaya")
def regional_language(ctx):
    """Apa yang diperiksa:
    Kalimat atau salam dalam bahasa Sunda atau Jawa (Sampurasun, Wilujeng enjing, Sugeng
    rawuh, Matur nuwun), dikenali dari kata-kata tugas bahasa daerah, dilaporkan sekali per
    bagian sebagai catatan. Kata di dalamnya tidak "dikoreksi" kata per kata oleh aturan kata
    tidak baku, ejaan, dan kata asing. Pedoman yang mengizinkan salam daerah mematikan aturan
    ini (`rules: {tone.regional-language: off}`); yang melarangnya menjadikannya peringatan.
    Mengapa:
    Salam daerah lazim dan akrab di akun pemerintah Jawa Barat dan Jawa Tengah, tetapi
    informasi resmi harus dapat dipahami semua warga dalam bahasa Indonesia. Keputusannya ada
    pada pedoman, bukan pada koreksi kata demi kata.
    """
    for start, end, language in running.passages(ctx):
        text = ctx.text[start:end].strip()
        end = start + len(ctx.text[start:end].rstrip())
        yield Hit(start, end, f"Bagian ini berbahasa {running.LANGUAGES.get(language, language)} "
                              f"(\"{text[:40]}{'…' if len(text) > 40 else ''}\"); pastikan sesuai pedoman, "
                              "dan sertakan bahasa Indonesia bila isinya informasi penting.")
