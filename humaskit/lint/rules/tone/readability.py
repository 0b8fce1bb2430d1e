"""Readability (category ``tone``): sentences too long for a phone screen, and a per-post figure."""

from __future__ import annotations

from humaskit.language.sentences import sentences, syllables
from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import WORD


def _words(text: str, start: int, end: int) -> int:
    return len(WORD.findall(text, start, end))


@rule("tone.long-sentence", category="tone", severity="warning", local=False,
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
    counts = []
    for s, e in sentences(masked):
        rough = len(masked[s:e].split())  # cheap; exact count only where it matters
        if not rough:
            continue
        exact = _words(masked, s, e) if rough > limit else None
        counts.append(exact if exact is not None else rough)
        if exact is not None and exact > limit:
            first = WORD.search(masked, s, e).start()
            yield Hit(first, e - (1 if masked[e - 1:e] == "\n" else 0),
                      f"Kalimat ini {exact} kata; pedoman membatasi {limit} kata. Pecah menjadi kalimat "
                      "yang lebih pendek.")
    if counts:
        ctx.note(lambda: _readability(counts, masked))


def _readability(counts: list[int], masked: str) -> str:
    """The text report's figure for a draft whose sentences have ``counts`` words."""
    words = sum(counts)
    average = words / len(counts)
    return (f"Keterbacaan: {len(counts)} kalimat, rata-rata {_decimal(average)} kata per kalimat, "
            f"terpanjang {max(counts)} kata, {_decimal(syllables(masked) / max(words, 1))} suku kata "
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
