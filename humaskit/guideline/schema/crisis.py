"""Schema of the crisis protocol (drafts with ``kind: crisis``) and of the agencies' official contacts.

Like the complaint-reply standard, every element of a crisis post is a list of phrases in the
guideline, so a city tunes its protocol without code; an empty list switches that element off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from humaskit.guideline.spec import Bool, Field, ListOf, Section, Str

HASHTAG = r"#[^\s#]+"


@dataclass
class Phone(Str):
    """A phone number, written as text: unquoted, YAML reads 0265331234 as an octal number and the
    leading 0 is lost (short codes such as 112 may stay unquoted)."""

    type_label: str = "nomor telepon"

    def check(self, value, path, ctx):
        if isinstance(value, int) and not isinstance(value, bool) and 100 <= value <= 99999:
            value = str(value)  # a short code such as 112 or 14045 has no leading 0 to lose
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            ctx.error(path, "tulis nomor telepon dengan tanda kutip, misalnya \"0265 331234\": tanpa kutip YAML "
                            "membacanya sebagai angka dan angka 0 di depannya hilang.")
            return None
        value = super().check(value, path, ctx)
        if isinstance(value, str) and not 3 <= len(re.sub(r"\D", "", value)) <= 15:
            ctx.error(path, f"'{value}' bukan nomor telepon (3 sampai 15 angka).")
        return value

CRISIS = Section(fields={
    "update": Field(ListOf(Str()), "Penanda waktu pembaruan (misalnya 'pembaruan', 'per'); harus diikuti jam "
                    "dalam 60 karakter: 'Pembaruan pukul 14.00 WIB'.",
                    default=lambda: ["pembaruan", "diperbarui", "update", "per", "data per", "informasi per",
                                     "terkini", "laporan", "peringatan dini"]),
    "place": Field(ListOf(Str()), "Penanda tempat kejadian (kecamatan, kelurahan, jalan, lokasi, nama tempat).",
                   default=lambda: ["kecamatan", "kelurahan", "desa", "kampung", "jalan", "jl.", "lokasi",
                                    "wilayah", "rw", "sungai", "jembatan", "kawasan"]),
    "action": Field(ListOf(Str()), "Imbauan: apa yang harus dilakukan warga.",
                    default=lambda: ["diimbau", "dimohon", "mohon", "harap", "segera", "hindari", "waspada",
                                     "jangan", "tetap tenang", "mengungsi", "ikuti arahan", "siapkan", "jauhi",
                                     "matikan", "laporkan"]),
    "contact": Field(ListOf(Str()), "Penanda kontak resmi (nomor di `crisis.hotlines` juga dihitung).",
                     default=lambda: ["hubungi", "call center", "hotline", "nomor darurat", "pusat panggilan",
                                      "layanan darurat"]),
    "hotlines": Field(ListOf(Phone()), "Nomor darurat resmi (misalnya 112); tidak pernah dianggap data pribadi.",
                      default=lambda: ["112"]),
    "source": Field(ListOf(Str()), "Penanda sumber informasi (sumber, menurut, berdasarkan data).",
                    default=lambda: ["sumber", "menurut", "berdasarkan", "data dari", "informasi dari",
                                     "laporan dari", "hasil pemantauan", "data:", "dikutip dari", "keterangan resmi"]),
    "speculative": Field(ListOf(Str()), "Kata spekulatif atau belum terverifikasi yang terlarang.",
                         default=lambda: ["katanya", "kabarnya", "belum pasti", "konon", "isunya", "kabar burung",
                                          "simpang siur", "kayaknya", "sepertinya", "mungkin saja",
                                          "belum terkonfirmasi", "katanya sih"]),
    "humour": Field(ListOf(Str()), "Kata candaan yang terlarang (tawa seperti wkwk dan haha selalu dihitung).",
                    default=lambda: ["lol", "ngakak", "becanda", "bercanda", "kocak", "lucu", "canda"]),
    "emoji": Field(Bool(), "Izinkan emoji di unggahan krisis.", default=False),
    "hashtags": Field(ListOf(Str(pattern=HASHTAG, pattern_label="#Tagar")),
                      "Tagar informasi krisis yang diizinkan (misalnya #SiagaBencana)."),
    "promotional_hashtags": Field(ListOf(Str(pattern=HASHTAG, pattern_label="#Tagar")),
                                  "Tagar promosi yang terlarang saat krisis (tagar kampanye juga)."),
    "promotional_words": Field(ListOf(Str()), "Bagian kata yang menandai tagar promosi (#PromoAkhirTahun).",
                               default=lambda: ["promo", "diskon", "giveaway", "lomba", "kuis", "wisata",
                                                "kuliner", "festival", "hadiah", "sale"]),
})

CONTACT = Section(fields={
    "phones": Field(ListOf(Phone()), "Nomor telepon/WhatsApp resmi (boleh tampil di unggahan)."),
    "emails": Field(ListOf(Str()), "Alamat surel resmi."),
    "addresses": Field(ListOf(Str()), "Alamat kantor resmi, ditulis seperti di unggahan."),
})
