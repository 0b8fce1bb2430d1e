"""Schema of the lint-engine sections: tone, terminology, hashtags, platforms, agencies."""

from __future__ import annotations

from dataclasses import dataclass

from humaskit.guideline.schema.crisis import CONTACT
from humaskit.guideline.vocabulary import CATEGORIES, KINDS, RULE_TYPES, SEVERITIES  # noqa: F401 (the schema's names)
from humaskit.guideline.spec import Bool, Field, ListOf, MapOf, Num, OneOf, Section, Str

KEY = r"[a-z0-9][a-z0-9_-]*"
HASHTAG = r"#[^\s#]+"

DEFAULTS = Section(fields={
    "agency": Field(Str(pattern=KEY, pattern_label="kunci huruf kecil"),
                    "Perangkat daerah bawaan untuk draf tanpa `agency`."),
    "platforms": Field(ListOf(Str(), min_items=1), "Platform bawaan untuk draf tanpa `platforms`.",
                       default=lambda: ["instagram", "facebook"]),
    "kind": Field(Str(choices=KINDS), "Jenis draf bawaan: post, reply, atau crisis.", default="post"),
})

PHRASE = OneOf(options=(
    Str(),
    Section(fields={
        "phrase": Field(Str(), "Frasa yang dicari (tanpa membedakan huruf besar/kecil).", required=True),
        "suggestion": Field(Str(), "Usulan pengganti."),
        "message": Field(Str(), "Penjelasan untuk staf humas."),
    }),
), label="frasa atau {phrase, suggestion, message}")

TONE = Section(fields={
    "register": Field(Str(choices=("formal", "friendly")),
                      "Register bahasa: `formal` (baku) atau `friendly` (akrab tetapi sopan). "
                      "Register `friendly` mengizinkan kata sapaan akrab yang umum di akun humas "
                      "(misalnya yuk, lho, Sahabat).", default="formal"),
    "pronoun": Field(Str(), "Kata ganti orang kedua yang dipakai untuk warga.", default="Anda"),
    "informal_lexicon": Field(Bool(), "Pakai daftar kata tidak baku/gaul bawaan humaskit.", default=True),
    "informal_words": Field(MapOf(value=Str(nonempty=False)),
                            "Kata tidak formal tambahan: kata → usulan (kosongkan bila tanpa usulan)."),
    "allow": Field(ListOf(Str()), "Kata yang diizinkan walaupun ada di daftar kata tidak formal."),
    "acronyms": Field(ListOf(Str()), "Singkatan yang memang ditulis kapital (tidak dianggap berteriak)."),
    "shouting_min_letters": Field(Num(min=2, max=20), "Panjang minimum kata kapital yang dianggap berteriak.",
                                  default=4),
    "max_punctuation_run": Field(Num(min=1, max=10), "Jumlah maksimum tanda seru/tanya berturut-turut.",
                                 default=1),
    "max_emoji": Field(Num(min=0, max=100), "Jumlah maksimum emoji per unggahan.", default=3),
    "clickbait": Field(ListOf(PHRASE), "Frasa umpan klik yang harus dihindari."),
    "provocative": Field(ListOf(PHRASE), "Frasa provokatif atau merendahkan."),
    "profanity_lexicon": Field(Bool(), "Pakai daftar kata kasar bawaan.", default=True),
    "max_sentence_words": Field(Num(min=5, max=200), "Panjang maksimum kalimat (kata).", default=30),
})

TERMINOLOGY = Section(fields={
    "kata_baku": Field(Bool(), "Pakai daftar kata baku (KBBI/EYD V) bawaan humaskit.", default=True),
    "foreign_terms": Field(Bool(), "Sarankan padanan bahasa Indonesia untuk istilah asing "
                           "(online → daring).", default=True),
    "replace": Field(MapOf(value=Str()), "Pasangan tambahan: bentuk salah → bentuk baku."),
    "allow": Field(ListOf(Str()), "Bentuk yang diizinkan walaupun ada di daftar kata baku."),
    "terms": Field(ListOf(Str(), unique=True),
                   "Istilah dan nama resmi dengan penulisan baku (huruf besar/kecil), "
                   "misalnya COVID-19, Wali Kota, SP4N-LAPOR!."),
})

BANNED_TAG = OneOf(options=(
    Str(pattern=HASHTAG, pattern_label="#Tagar"),
    Section(fields={
        "tag": Field(Str(pattern=HASHTAG, pattern_label="#Tagar"), "Tagar terlarang.", required=True),
        "message": Field(Str(), "Alasan."),
    }),
), label="#Tagar atau {tag, message}")

CAMPAIGN = Section(fields={
    "name": Field(Str(), "Nama kampanye.", required=True),
    "hashtags": Field(ListOf(Str(pattern=HASHTAG, pattern_label="#Tagar")), "Tagar wajib kampanye."),
    "start": Field(Str(), "Tanggal mulai (YYYY-MM-DD)."),
    "end": Field(Str(), "Tanggal selesai (YYYY-MM-DD)."),
})

HASHTAGS = Section(fields={
    "required": Field(ListOf(Str(pattern=HASHTAG, pattern_label="#Tagar")),
                      "Tagar wajib di setiap unggahan (semua perangkat daerah)."),
    "required_on_replies": Field(Bool(), "Wajibkan tagar juga di jawaban pengaduan.", default=False),
    "banned": Field(ListOf(BANNED_TAG), "Tagar yang tidak boleh dipakai."),
    "canonical": Field(ListOf(Str(pattern=HASHTAG, pattern_label="#Tagar")),
                       "Bentuk baku penulisan tagar (CamelCase)."),
    "campaigns": Field(MapOf(value=CAMPAIGN, key_pattern=KEY, key_label="kunci huruf kecil"),
                       "Kampanye dengan tagar wajib, dipilih lewat `campaign:` di front matter."),
})

# A canvas is held whole in memory while rendering (4 bytes a pixel): bound each side and the area.
MAX_IMAGE_SIDE = 10_000
MAX_IMAGE_PIXELS = 40_000_000
# Names Windows keeps for devices, whatever follows them in a file name.
RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10))}


@dataclass
class FileNamePart(Str):
    """A name that becomes part of an output file name: no folder separators, dots, NUL or device names."""

    pattern: str | None = r"[a-z0-9][a-z0-9-]*"
    pattern_label: str = "huruf kecil, angka dan tanda hubung (nama ini menjadi bagian nama berkas keluaran)"

    def check(self, value, path, ctx):
        value = super().check(value, path, ctx)
        if isinstance(value, str) and value.lower() in RESERVED_NAMES:
            ctx.error(path, f"'{value}' adalah nama perangkat yang dicadangkan Windows (CON, PRN, AUX, NUL, "
                            "COM1-9, LPT1-9) dan tidak dapat menjadi nama berkas.")
        return value


PLATFORM = Section(fields={
    "label": Field(Str(), "Nama platform untuk pesan.", required=True),
    "max_length": Field(Num(min=1), "Panjang maksimum takarir (karakter).", required=True),
    "max_hashtags": Field(Num(min=0), "Jumlah maksimum tagar."),
    "counting": Field(Str(choices=("characters", "weighted")),
                      "Cara menghitung panjang: `characters` (karakter Unicode) atau `weighted` "
                      "(cara X: tautan dihitung tetap, emoji dan aksara lebar dihitung 2).",
                      default="characters"),
    "url_length": Field(Num(min=1), "Panjang tetap sebuah tautan (X: 23)."),
    "requires_image": Field(Bool(), "Unggahan di platform ini wajib bergambar/video.", default=False),
    "links_clickable": Field(Bool(), "Tautan di takarir bisa diklik.", default=True),
    "image_sizes": Field(ListOf(Section(fields={
        "name": Field(FileNamePart(), "Nama ukuran (menjadi bagian nama berkas gambar).", required=True),
        "width": Field(Num(min=1, max=MAX_IMAGE_SIDE), "Lebar piksel (1-10000; lebar × tinggi paling banyak 40 juta).",
                       required=True),
        "height": Field(Num(min=1, max=MAX_IMAGE_SIDE), "Tinggi piksel (1-10000).", required=True),
    })), "Ukuran gambar yang disarankan."),
    "max_image_mb": Field(Num(integer=False, min=0.01), "Ukuran berkas gambar maksimum (MB)."),
})

PLATFORMS = MapOf(value=PLATFORM, key_pattern=KEY, key_label="kunci huruf kecil")

LINKS = Section(fields={
    "allowed_domains": Field(ListOf(Str()), "Domain tautan yang boleh dibagikan (subdomain ikut)."),
})

AGENCY = Section(fields={
    "name": Field(Str(), "Nama resmi lengkap.", required=True),
    "short": Field(Str(), "Singkatan resmi dengan penulisan bakunya (misalnya Dinkes, BPBD).", required=True),
    "handles": Field(MapOf(value=Str(pattern=r"@[A-Za-z0-9_.]+", pattern_label="@akun")),
                     "Akun resmi per platform."),
    "hashtags": Field(ListOf(Str(pattern=HASHTAG, pattern_label="#Tagar")),
                      "Tagar wajib untuk unggahan perangkat daerah ini."),
    "color": Field(Str(), "Nama warna di palet (untuk kalender)."),
    "contacts": Field(CONTACT, "Kontak resmi perangkat daerah: boleh tampil di unggahan (bukan data pribadi)."),
})

AGENCIES = MapOf(value=AGENCY, key_pattern=KEY, key_label="kunci huruf kecil")

class _Severity(Str):
    """A severity or ``off``; YAML 1.1 reads a bare ``off`` as false, which means the same."""

    def check(self, value, path, ctx):
        return "off" if value is False else super().check(value, path, ctx)


RULES = MapOf(value=_Severity(choices=SEVERITIES + ("off",)),
              key_pattern=r"[a-z]+\.[a-z0-9-]+", key_label="id aturan seperti tone.informal-word")


CUSTOM_RULE = Section(fields={
    "id": Field(Str(pattern=r"custom\.[a-z0-9-]+", pattern_label="custom.nama-aturan"),
                "Id aturan, diawali `custom.`.", required=True),
    "type": Field(Str(choices=tuple(RULE_TYPES)),
                  "Jenis aturan.", required=True),
    "category": Field(Str(choices=CATEGORIES), "Kategori temuan.", default="terminology"),
    "severity": Field(Str(choices=SEVERITIES), "Tingkat keparahan.", default="warning"),
    "message": Field(Str(), "Pesan untuk staf humas; `{match}` dan `{suggestion}` diganti.", required=True),
    "rationale": Field(Str(), "Alasan aturan ini ada."),
    "tokens": Field(ListOf(Str()), "existence/limit: kata atau frasa yang dicari; "
                    "capitalization: istilah dengan penulisan baku."),
    "swap": Field(MapOf(value=Str()), "substitution: kata/frasa → pengganti."),
    "pattern": Field(Str(), "existence/required/limit: ekspresi reguler (opsional)."),
    "ignorecase": Field(Bool(), "Abaikan huruf besar/kecil.", default=True),
    "max": Field(Num(min=0), "limit: jumlah kemunculan maksimum.", default=0),
    "kinds": Field(ListOf(Str(choices=KINDS)), "Jenis draf yang diperiksa (kosong: semua)."),
    "agencies": Field(ListOf(Str()), "Perangkat daerah yang diperiksa (kosong: semua)."),
    "wrong": Field(Str(), "Contoh yang salah (untuk dokumentasi dan uji)."),
    "right": Field(Str(), "Contoh yang benar."),
})

CUSTOM_RULES = ListOf(CUSTOM_RULE)
