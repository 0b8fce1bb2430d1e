"""Accessibility rules: alt text for images, hashtags readable by screen readers."""

from __future__ import annotations


from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule
from humaskit.lint.matching import lazy_pattern


@rule("accessibility.alt-text", category="accessibility", severity="warning",
      summary="Gambar tanpa teks alternatif",
      wrong="---\nplatforms: [facebook]\nimage: poster.png\n---\nJadwal layanan Mal Pelayanan Publik. "
            "#KotaTasikmalaya",
      right="---\nplatforms: [facebook]\nimage: poster.png\nalt: Poster jadwal layanan Mal Pelayanan Publik, "
            "Senin sampai Jumat pukul 08.00-15.00 WIB\n---\nJadwal layanan Mal Pelayanan Publik. #KotaTasikmalaya",
      example_files="images")
def alt_text(ctx):
    """Apa yang diperiksa:
    Draf dengan gambar (`image`) tetapi tanpa `alt`, atau dengan teks alternatif yang terlalu
    pendek (kurang dari 3 kata) atau hanya nama berkas.
    Mengapa:
    Teks alternatif dibacakan pembaca layar untuk warga tunanetra dan tampil bila gambar gagal
    dimuat. Informasi di poster harus juga tersedia dalam teks.
    """
    draft = ctx.draft
    if not draft.image:
        return
    at = draft.key_offset("alt" if draft.alt is not None else "image")
    line_end = ctx.text.find("\n", at)
    end = len(ctx.text) if line_end == -1 else line_end
    end = end - 1 if end > at and ctx.text[end - 1] == "\r" else end
    alt = (draft.alt or "").strip()
    if not alt:
        yield Hit(at, end, "Gambar belum punya teks alternatif; tambahkan `alt:` yang menjelaskan isi gambar.")
    elif len(alt.split()) < 3 or alt.lower() == draft.image.lower().rsplit("/", 1)[-1]:
        yield Hit(at, end, f"Teks alternatif '{alt}' terlalu singkat; jelaskan isi dan tulisan pada gambar.")


_LONG_FLAT = lazy_pattern(r"#(?:[a-z0-9]{15,}|[A-Z0-9]{15,})")


@rule("accessibility.hashtag-camelcase", category="accessibility", severity="suggestion",
      summary="Tagar panjang tanpa CamelCase",
      wrong="Ayo ikut gerakan bersih sungai. #KotaTasikmalaya #bersihsungaibersama",
      right="Ayo ikut gerakan bersih sungai. #KotaTasikmalaya #BersihSungaiBersama")
def hashtag_camelcase(ctx):
    """Apa yang diperiksa:
    Tagar panjang (15 huruf atau lebih) yang seluruhnya huruf kecil atau seluruhnya kapital.
    Mengapa:
    Pembaca layar membaca #BersihSungaiBersama kata per kata, tetapi mengeja
    #bersihsungaibersama sebagai satu kata yang tidak bermakna; CamelCase juga lebih mudah
    dibaca semua orang.
    """
    from humaskit.lint.rules.hashtag import _canonical

    known = ctx.memo("hashtag.canonical", _canonical)
    for start, end, tag in ctx.tokens.hashtags:
        if _LONG_FLAT.fullmatch(tag) and tag.casefold() not in known:
            yield Hit(start, end, f"Tulis {tag} dengan CamelCase (huruf kapital di awal setiap kata) "
                      "agar terbaca oleh pembaca layar.")
