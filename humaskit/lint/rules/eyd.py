"""EYD V mechanics: ordinals with ke-, se- before a capital, doubled spaces, spaces inside brackets and
quotes, -Nya for God, and conjunctions that cannot open a sentence."""

from __future__ import annotations

import re

from humaskit.lint import running
from humaskit.lint.finding import Hit
from humaskit.lint.matching import whole_word_offsets
from humaskit.lint.registry import rule
from humaskit.lint.rules._util import sentence_start
from humaskit.lint.rules.readability import sentences

_FM = "---\nagency: dinkes\n---\n"
# Words after which "ke" + number is an ordinal (abad ke-21, HUT ke-80, yang ke-3), not "to 5 villages".
_ORDINAL_HEADS = frozenset((
    "abad", "tahun", "hari", "yang", "hut", "ulang", "juara", "peringkat", "tahap", "gelombang", "angkatan",
    "putaran", "minggu", "pekan", "bulan", "kali", "lantai", "jilid", "bagian", "sesi", "edisi", "seri",
    "urutan", "periode", "termin", "babak", "sidang", "rapat", "kongres", "muktamar", "festival", "perayaan",
    "pertemuan", "pelaksanaan", "penyelenggaraan", "hari jadi", "jadi", "milad", "dies"))
_ORDINAL = re.compile(r"\b([Kk]e)[ \t]+(\d{1,4})\b(?!\s*[.,:]\d)")


@rule("grammar.ordinal", category="grammar", severity="warning", fixable=True,
      summary="Bilangan tingkat dengan ke-",
      wrong=_FM + "Peringatan HUT ke 80 Kota Tasikmalaya digelar di abad ke 21 ini.",
      right=_FM + "Peringatan HUT ke-80 Kota Tasikmalaya digelar. Bantuan disalurkan ke 5 desa.")
def ordinal(ctx):
    """Apa yang diperiksa:
    Bilangan tingkat yang ditulis dengan angka memakai tanda hubung: "HUT ke 80" menjadi "HUT
    ke-80", "abad ke 21" menjadi "abad ke-21". Hanya ditandai setelah kata yang menuntut urutan
    (abad, tahun, HUT, juara, tahap, gelombang, yang, kali, ...): "ke 5 desa" adalah kata depan
    dan tidak ditandai.
    Mengapa:
    EYD V menulis awalan ke- pada bilangan tingkat berangka dengan tanda hubung; tanpa itu,
    "ke 80" terbaca sebagai arah, bukan urutan.
    """
    masked = ctx.tokens.masked
    if "e " not in masked and "e\t" not in masked:
        return
    ordinals = (m for m in _ORDINAL.finditer(masked) if _after_head(masked, m.start())
                or _KALI_AFTER.match(masked, m.end())
                or (_after_name(masked, m.start()) and not _WORD_AFTER.match(masked, m.end())))
    yield from _rewrites(ctx, ordinals, lambda m: f"{m.group(1)}-{m.group(2)}",
                         "Bilangan tingkat ditulis dengan tanda hubung: '{}'.")


def _after_head(masked: str, i: int) -> bool:
    before = masked[max(0, i - 20):i].split()
    return bool(before) and before[-1].lower().strip(",") in _ORDINAL_HEADS


# "ke 5 kalinya": a count of times is an ordinal whatever comes before it
_KALI_AFTER = re.compile(r"[ \t]+kali(?:nya)?\b", re.I)
# a lower-case word after the number: "ke 5 kelurahan" names where, not which
_WORD_AFTER = re.compile(r"[ \t]+[a-z]")


def _after_name(masked: str, i: int) -> bool:
    """After a capitalised word that is not the first of its sentence: the name of an event
    (Hari Bela Negara ke 78, HUT Kota Tasikmalaya ke 25)."""
    before = masked[max(0, i - 40):i].split()
    return len(before) >= 2 and before[-1][:1].isupper() and before[-2][-1:] not in ".!?:"


def _rewrites(ctx, matches, fixed, message: str):
    """A hit with its fix for each match outside a regional-language passage."""
    base = ctx.base
    for m in matches:
        start = m.start() + base
        if not running.in_passage(ctx, start):
            fix = fixed(m)
            yield Hit(start, m.end() + base, message.format(fix), fix)


# Starting at a literal, the scan is fast; the word boundary before "se" is checked per match.
_SE_CAPITAL = re.compile(r"se(?:[ \t]+|(?=[A-Z]))([A-Z][a-z]+)")


def se_capital(masked: str):
    """The matches of _SE_CAPITAL that start a word (as a leading ``\\b`` would say)."""
    for m in _SE_CAPITAL.finditer(masked):
        i = m.start()
        if not i or not (masked[i - 1].isalnum() or masked[i - 1] == "_"):
            yield m


@rule("grammar.se-prefix", category="grammar", severity="warning", fixable=True,
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
    yield from _rewrites(ctx, se_capital(masked), lambda m: f"se-{m.group(1)}",
                         "Awalan se- sebelum huruf kapital memakai tanda hubung: '{}'.")


_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")


@rule("grammar.double-space", category="grammar", severity="suggestion", fixable=True,
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
    caption = text[base:]
    if "  " not in caption:
        return
    for m in _DOUBLE_SPACE.finditer(caption):
        start, end = m.start() + base, m.end() + base
        line_start = caption.rfind("\n", 0, m.start()) + 1
        line_end = caption.find("\n", m.end())
        line = caption[line_start:line_end if line_end != -1 else len(caption)]
        if "|" in line or "\t" in line or line.count("  ") > 2:
            continue  # a table or aligned columns
        if ctx.tokens.masked[m.start() - 1:m.end() + 1].strip() != caption[m.start() - 1:m.end() + 1].strip():
            continue  # next to a link or tag the masking turned into spaces
        yield Hit(start, end, "Spasi ganda; cukup satu spasi.", " ")


# A space just inside a bracket: "( rambu sementara )". Only brackets whose inside starts and ends
# on the same line; an emoticon or a list marker ("a )") is not text in brackets.
_BRACKET_SPACE = re.compile(r"\([ \t]+(?=[^\s)])([^()\n]*?[^\s(])?[ \t]*\)|\((?=[^\s)])([^()\n]*?[^\s(])[ \t]+\)")


@rule("grammar.bracket-space", category="grammar", severity="warning", fixable=True,
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
    text, base = ctx.text, ctx.base
    # the spaces must be written ones: a masked @mention or link reads as spaces too
    fixes = (m for m in _BRACKET_SPACE.finditer(masked) if (m.group(1) or m.group(2) or "").strip()
             and text[base + m.start():base + m.end()] == m.group())
    yield from _rewrites(ctx, fixes, lambda m: f"({(m.group(1) or m.group(2)).strip()})",
                         "Tanda kurung ditulis rapat dengan isinya: '{}'.")


# A quotation with a space just inside its marks: “ teks ” or " teks ". Straight quotes pair up
# on their line, the first opening; a line with an odd number of them is left alone.
_CURLY_SPACE = re.compile(r"(?<=“)[ \t]+(?=\S)|(?<=\S)[ \t]+(?=”)")


@rule("grammar.quote-space", category="grammar", severity="warning", fixable=True,
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
    masked, text, base = ctx.tokens.masked, ctx.text, ctx.base
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
        if text[base + start:base + end] == masked[start:end] and not running.in_passage(ctx, base + start):
            yield Hit(base + start, base + end, "Tanda petik ditulis rapat dengan kutipannya; hapus spasi ini.", "")


# Words for what belongs to God, written -Nya when they refer to Him (EYD V, Huruf Kapital).
_DIVINE = frozenset(("rahmat", "karunia", "berkah", "berkat", "rida", "ridha", "ridho", "izin", "hidayah",
                     "kuasa", "kehendak", "lindungan", "perlindungan", "petunjuk", "anugerah", "nikmat",
                     "ampunan", "kasih", "kebesaran", "ciptaan", "firman", "takdir", "pertolongan"))
_GOD = re.compile(r"\b(?:Tuhan|Allah|Ilahi|Yang Maha (?:Esa|Kuasa|Pengasih))\b")
_GOD_WORDS = re.compile("Tuhan|Allah|Ilahi|Maha")  # the gate: a literal scan, no word boundaries
_NYA = re.compile(r"\b([a-z]+?)(?:-)?nya\b")


def divine_nya(masked: str, word: str) -> bool:
    """Whether "<word>nya" in ``masked`` is left to grammar.god-pronoun (karunia-nya → karunia-Nya)."""
    return word.lower() in _DIVINE and _GOD_WORDS.search(masked) is not None and _GOD.search(masked) is not None


@rule("grammar.god-pronoun", category="grammar", severity="warning", fixable=True,
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
    masked, base = ctx.tokens.masked, ctx.base
    if "nya" not in masked or not _GOD_WORDS.search(masked) or not _GOD.search(masked):
        return
    for first, last in sentences(masked):
        sentence = masked[first:last]
        if not _GOD.search(sentence):
            continue
        for m in _NYA.finditer(sentence):
            if m.group(1) in _DIVINE:
                start = base + first + m.start()
                fixed = f"{m.group(1)}-Nya"
                yield Hit(start, base + first + m.end(), f"Kata ganti untuk Tuhan ditulis '-Nya': '{fixed}'.", fixed)


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
    masked, base = ctx.tokens.masked, ctx.base
    found = sorted((i + base, i + len(form) + base, form) for word in words
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
