"""Readability (category ``tone``): sentences too long for a phone screen, and a per-post figure."""

from __future__ import annotations

import re

from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule

# A sentence ends at . ! ? (not inside 07.00, Rp25.000 or "dr." before a name) or at a line break.
_END = re.compile(r"[.!?]+(?=[\s\"'”’)]|$)|\n")
_ABBREV_BEFORE = re.compile(r"(?:\b(?:dr|drg|ir|prof|no|yth|hlm|dll|dsb|dst|dkk|st|tgl|jl|kel|kec|rt|rw|sdr|bpk|"
                            r"h|hj|s|m|a)|\b[A-Z])$", re.I)
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_VOWELS = re.compile(r"[aiueo]+", re.I)
_DIPHTHONG = re.compile(r"(?:ai|au|oi|ei)(?![aiueo])", re.I)


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence spans (offsets into ``masked``) holding at least one word."""
    spans, start = [], 0
    for m in _END.finditer(masked):
        if m.group() != "\n" and _ABBREV_BEFORE.search(masked, max(0, m.start() - 6), m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(masked)))
    return [(s, e) for s, e in spans if _WORD.search(masked, s, e)]


def _syllables(word: str) -> int:
    """Indonesian syllables: one per vowel, a diphthong (ai, au, oi, ei at a syllable end) counts once."""
    vowels = sum(len(m.group()) for m in _VOWELS.finditer(word))
    return max(1, vowels - len(_DIPHTHONG.findall(word)))


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
    syllables = words = 0
    for s, e in sentences(masked):
        found = _WORD.findall(masked, s, e)
        counts.append(len(found))
        words += len(found)
        syllables += sum(_syllables(w) for w in found)
        if len(found) > limit:
            first = _WORD.search(masked, s, e)
            yield Hit(first.start() + base, base + e - (1 if masked[e - 1:e] == "\n" else 0),
                      f"Kalimat ini {len(found)} kata; pedoman membatasi {limit} kata. Pecah menjadi kalimat "
                      "yang lebih pendek.")
    if counts:
        ctx.note(f"Keterbacaan: {len(counts)} kalimat, rata-rata {words / len(counts):.1f} kata per kalimat, "
                 f"terpanjang {max(counts)} kata, {syllables / max(words, 1):.1f} suku kata per kata "
                 f"({_label(words / len(counts))}).")


def _label(average: float) -> str:
    if average <= 15:
        return "mudah dibaca"
    if average <= 25:
        return "sedang"
    return "sulit dibaca"
