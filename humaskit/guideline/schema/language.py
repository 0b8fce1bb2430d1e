"""Schema of the language sections: reply standard, spelling, EYD mechanics, grammar backend."""

from __future__ import annotations

import re
from dataclasses import dataclass

from humaskit.guideline.spec import Bool, Field, ListOf, MapOf, Num, Section, Str


@dataclass
class Regex(Str):
    """A regular expression, compiled while the guideline is validated so a typo in it is a
    guideline error with its line, not a failure in the middle of a lint run."""

    type_label: str = "ekspresi reguler"

    def check(self, value, path, ctx):
        value = super().check(value, path, ctx)
        if isinstance(value, str):
            try:
                re.compile(value)
            except re.error as exc:
                ctx.error(path, f"ekspresi reguler tidak valid: {exc}.")
        return value


REPLY = Section(fields={
    "greeting": Field(ListOf(Str()), "Salam pembuka yang diterima (salah satu harus ada)."),
    "thanks": Field(ListOf(Str()), "Ucapan terima kasih atas laporan (salah satu harus ada)."),
    "referral": Field(ListOf(Str()), "Rujukan kanal pengaduan resmi (misalnya SP4N-LAPOR!)."),
    "ticket_pattern": Field(Regex(), "Ekspresi reguler nomor tiket/laporan."),
    "follow_up": Field(ListOf(Str()), "Kata yang menandai komitmen tindak lanjut (siapa berbuat apa)."),
    "follow_up_time": Field(ListOf(Str()), "Penanda waktu tindak lanjut (kapan), misalnya 'hari ini', "
                            "'paling lambat'. Tanggal dan jam di jawaban juga dihitung."),
    "defensive": Field(MapOf(value=Str()), "Frasa defensif/menolak → usulan pengganti."),
})

SPELLING = Section(fields={
    "enabled": Field(Bool(), "Nyalakan pemeriksaan ejaan.", default=True),
    "accept": Field(ListOf(Str()), "Kata yang diterima (nama tempat, istilah lokal)."),
    "min_length": Field(Num(min=3, max=20), "Kata yang lebih pendek dari ini tidak diperiksa.", default=5),
})

MECHANICS = Section(fields={
    "time_separator": Field(Str(choices=(".", ":")), "Pemisah jam dan menit: `.` (09.00) atau `:` (09:00).",
                            default="."),
    "currency_style": Field(Str(choices=("Rp25.000,00", "Rp25.000")),
                            "Bentuk penulisan uang.", default="Rp25.000,00"),
    "time_zone": Field(Bool(), "Jam harus diikuti zona waktu (WIB/WITA/WIT).", default=True),
    "titles": Field(ListOf(Str()), "Gelar dan jabatan yang ditulis kapital bila diikuti nama orang atau "
                    "nama tempat/lembaga (EYD V).",
                    default=lambda: ["wali kota", "wakil wali kota", "bupati", "wakil bupati", "gubernur",
                                     "wakil gubernur", "presiden", "wakil presiden", "menteri",
                                     "kepala dinas", "kepala badan", "sekretaris daerah", "camat", "lurah",
                                     "kapolres", "kapolsek", "dandim"]),
})

GRAMMAR = Section(fields={
    "languagetool_url": Field(Str(), "URL server LanguageTool (atau variabel HUMASKIT_LANGUAGETOOL_URL)."),
    "languages": Field(ListOf(Str()), "Bahasa draf yang dikirim ke LanguageTool (misalnya en-US).",
                       default=lambda: ["en-US"]),
    "timeout": Field(Num(integer=False, min=0.1, max=60), "Batas waktu permintaan (detik).", default=5.0),
})
