"""The guideline (pedoman) schema, one module per section.

The sections owned by the calendar, render and language engines live in their own
modules so each engine can grow its section without touching the others.
"""

from __future__ import annotations

from humaskit.guideline.spec import Field, ListOf, Num, Section, Str
from humaskit.language.dates import TIME_ZONES
from humaskit.guideline.schema.core import (
    AGENCIES, CUSTOM_RULES, DEFAULTS, HASHTAGS, LINKS, PLATFORMS, RULES, TERMINOLOGY, TONE,
)
from humaskit.guideline.schema.visual import VISUAL
from humaskit.guideline.schema.calendar import CALENDAR
from humaskit.guideline.schema.language import GRAMMAR, REPLY, SPELLING, MECHANICS
from humaskit.guideline.schema.aduan import ADUAN
from humaskit.guideline.schema.crisis import CONTACT, CRISIS

GUIDELINE = Section(
    doc="Pedoman komunikasi publik: satu dokumen YAML.",
    fields={
        "version": Field(Num(min=1, max=1), "Versi format pedoman. Saat ini 1.", default=1),
        "extends": Field(ListOf(Str()), "Berkas pedoman dasar (atau nama pedoman bawaan, misalnya "
                         "`tasikmalaya`) yang diperluas. Nilai di berkas ini menimpa nilai dasar; "
                         "tulis `kunci+:` untuk menambah ke daftar dasar alih-alih menggantinya."),
        "name": Field(Str(), "Nama pedoman, misalnya 'Pedoman Komunikasi Publik Kota Tasikmalaya'.",
                      default="Pedoman komunikasi publik"),
        "organization": Field(Str(), "Nama resmi pemerintah daerah.", default="Pemerintah Daerah"),
        "timezone": Field(Str(choices=tuple(TIME_ZONES)),
                          "Zona waktu: " + ", ".join(f"{tzid} ({name})" for tzid, (name, _) in TIME_ZONES.items()) + ".",
                          default="Asia/Jakarta"),
        "defaults": Field(DEFAULTS, "Nilai bawaan untuk draf tanpa front matter."),
        "tone": Field(TONE, "Nada dan register bahasa."),
        "terminology": Field(TERMINOLOGY, "Kata baku, nama resmi, dan istilah."),
        "hashtags": Field(HASHTAGS, "Tagar wajib, terlarang, dan bentuk bakunya."),
        "platforms": Field(PLATFORMS, "Batas tiap platform media sosial."),
        "links": Field(LINKS, "Tautan yang boleh dibagikan."),
        "agencies": Field(AGENCIES, "Perangkat daerah, dengan kunci pendek (misalnya `dinkes`)."),
        "visual": Field(VISUAL, "Identitas visual: palet, fon, logo, aturan gambar."),
        "calendar": Field(CALENDAR, "Aturan kalender konten."),
        "reply": Field(REPLY, "Standar jawaban atas pengaduan warga (draf `kind: reply`)."),
        "crisis": Field(CRISIS, "Protokol unggahan krisis (draf `kind: crisis`): unsur wajib dan yang terlarang."),
        "contacts": Field(CONTACT, "Kontak resmi pemerintah daerah: boleh tampil di unggahan (bukan data pribadi)."),
        "aduan": Field(ADUAN, "Penanganan pengaduan warga (`humaskit aduan`): kategori, tahap, batas waktu."),
        "spelling": Field(SPELLING, "Pemeriksaan ejaan."),
        "mechanics": Field(MECHANICS, "Tata tulis EYD: jam, uang, tanggal."),
        "grammar": Field(GRAMMAR, "Pemeriksa tata bahasa opsional (server LanguageTool)."),
        "rules": Field(RULES, "Tingkat keparahan per aturan, atau `off` untuk mematikannya."),
        "custom_rules": Field(CUSTOM_RULES, "Aturan tambahan tanpa Python (existence, substitution, "
                              "required, limit, capitalization)."),
    },
)
