"""Readability (category ``tone``): sentences too long for a phone screen, and a per-post figure."""

from __future__ import annotations

from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import WORD

# A sentence ends at . ! ? followed by a space, a quote or the end (not inside 07.00 or Rp25.000,
# not after "dr." or "No." before a name), or at a line break (captions put list items on lines).
_AFTER_END = frozenset(" \t\r\n\"'”’)")
_ABBREVIATIONS = frozenset(("dr", "drg", "ir", "prof", "no", "yth", "hlm", "dll", "dsb", "dst", "dkk", "st", "tgl",
                            "jl", "kel", "kec", "rt", "rw", "sdr", "bpk", "h", "hj", "s", "m", "a"))


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence spans (offsets into ``masked``); a span may hold no word (a blank line).

    Found with ``str.find`` over the few end marks: cheaper than a regex scan of the caption.
    """
    n = len(masked)
    cuts = []
    for mark in ".!?\n":
        i = masked.find(mark)
        while i != -1:
            j = i + 1
            if mark == "\n" or j == n or masked[j] in _AFTER_END:
                cuts.append(j)
            i = masked.find(mark, j)
    cuts.sort()
    spans, start = [], 0
    for cut in cuts:
        if cut <= start:
            continue
        if masked[cut - 1] == "." and _abbreviation_at(masked, cut - 1):
            continue
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _abbreviation_at(masked: str, i: int) -> bool:
    """The dot at ``i`` closes an abbreviation (dr., No., a single capital), not a sentence.

    The word before the dot is looked for only within the 4 characters an abbreviation can
    have, not back to the start of the line."""
    low = i - 5 if i > 5 else 0
    k = max(masked.rfind(" ", low, i), masked.rfind("\n", low, i))
    if k == -1 and i > 4:
        return False  # a word of five characters or more
    word = masked[k + 1:i]
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _words(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end))


def _syllables(text: str) -> int:
    """Indonesian syllables in a text, roughly: one per vowel, a diphthong (ai, au, oi) counts once."""
    data = text.lower().encode()  # the vowels are ASCII, one byte each in UTF-8
    return len(data) - len(data.translate(None, b"aiueo")) - data.count(b"ai") - data.count(b"au") \
        - data.count(b"oi")


@rule("tone.long-sentence", category="tone", severity="warning",
      summary="Kalimat terlalu panjang untuk media sosial",
      wrong="Dalam rangka meningkatkan kualitas pelayanan publik di bidang kesehatan masyarakat, Dinas "
            "Kesehatan Kota Tasikmalaya bersama seluruh puskesmas dan jejaring fasilitas kesehatan swasta "
            "akan menyelenggarakan kegiatan vaksinasi massal yang dapat diikuti oleh seluruh warga tanpa "
            "dipungut biaya apa pun mulai pekan depan. #KotaTasikmalaya",
      right="Vaksinasi massal gratis dimulai pekan depan. Dinas Kesehatan menyelenggarakannya bersama "
            "puskesmas dan fasilitas kesehatan swasta. Seluruh warga dapat ikut. #KotaTasikmalaya")
def long_sentence(ctx):
    """Apa yang diperiksa:
    Kalimat yang jumlah katanya melebihi `tone.max_sentence_words` pedoman (bawaan 30 kata).
    Tautan, tagar, dan akun tidak dihitung. Laporan teks juga menampilkan angka keterbacaan tiap
    draf: rata-rata kata per kalimat, kalimat terpanjang, dan rata-rata suku kata per kata.
    Mengapa:
    Warga membaca unggahan di layar ponsel sambil menggulir; kalimat pendek dibaca sampai
    habis, kalimat panjang dilewati. Pecah kalimat panjang menjadi dua atau tiga kalimat.
    """
    limit = ctx.guideline["tone"]["max_sentence_words"]
    masked = ctx.tokens.masked
    base = ctx.base
    counts = []
    for s, e in sentences(masked):
        rough = len(masked[s:e].split())  # cheap; exact count only where it matters
        if not rough:
            continue
        exact = _words(masked, s, e) if rough > limit else None
        counts.append(exact if exact is not None else rough)
        if exact is not None and exact > limit:
            first = WORD.search(masked, s, e).start()
            yield Hit(first + base, base + e - (1 if masked[e - 1:e] == "\n" else 0),
                      f"Kalimat ini {exact} kata; pedoman membatasi {limit} kata. Pecah menjadi kalimat "
                      "yang lebih pendek.")
    if counts:
        ctx.note(lambda: _readability(counts, masked))


def _readability(counts: list[int], masked: str) -> str:
    """The text report's figure for a draft whose sentences have ``counts`` words."""
    words = sum(counts)
    average = words / len(counts)
    return (f"Keterbacaan: {len(counts)} kalimat, rata-rata {_decimal(average)} kata per kalimat, "
            f"terpanjang {max(counts)} kata, {_decimal(_syllables(masked) / max(words, 1))} suku kata "
            f"per kata ({_label(average)}).")


def _decimal(value: float) -> str:
    """One decimal with the Indonesian decimal comma (9,5)."""
    return f"{value:.1f}".replace(".", ",")


def _label(average: float) -> str:
    if average <= 15:
        return "mudah dibaca"
    if average <= 25:
        return "sedang"
    return "sulit dibaca"
