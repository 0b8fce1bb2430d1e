"""Schema of complaint handling (`humaskit aduan`): categories, stages, service levels, tickets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from humaskit.guideline.spec import Bool, Field, ListOf, MapOf, Num, Section, Str

KEY = r"[a-z0-9][a-z0-9_-]*"
TICKET_FIELD = re.compile(r"\{(tahun|bulan|nomor)(?::0([1-9]))?\}")
PERSONAL_FIELDS = ("akun", "nama", "kontak", "tautan", "teks")


@dataclass
class TicketFormat(Str):
    """A ticket number pattern such as ``TSM-{tahun}{bulan}-{nomor:04}``; the counter restarts
    whenever the text around ``{nomor}`` changes (monthly here)."""

    type_label: str = "format nomor tiket"

    def check(self, value, path, ctx):
        value = super().check(value, path, ctx)
        if not isinstance(value, str):
            return value
        fields = [m.group(1) for m in TICKET_FIELD.finditer(value)]
        rest = TICKET_FIELD.sub("", value)
        if fields.count("nomor") != 1:
            ctx.error(path, "format nomor tiket harus memuat {nomor} tepat sekali (misalnya TSM-{tahun}{bulan}-{nomor:04}).")
        elif "{" in rest or "}" in rest:
            ctx.error(path, "format nomor tiket hanya mengenal {tahun}, {bulan} dan {nomor} (atau {nomor:04}).")
        elif not re.fullmatch(r"[A-Z0-9/.-]*", rest):
            ctx.error(path, "format nomor tiket hanya boleh memuat huruf kapital, angka, '/', '.' dan '-'.")
        return value


CATEGORY = Section(fields={
    "label": Field(Str(), "Nama kategori untuk laporan dan jawaban.", required=True),
    "agency": Field(Str(), "Perangkat daerah penanggung jawab (diusulkan saat pencatatan).", required=True),
    "resolution_days": Field(Num(min=1, max=365), "Batas waktu penyelesaian kategori ini (hari); bawaan: "
                             "aduan.service_levels.resolution_days."),
})

STAGE = Section(fields={
    "key": Field(Str(pattern=KEY, pattern_label="kunci huruf kecil"), "Kunci tahap.", required=True),
    "label": Field(Str(), "Nama tahap.", required=True),
    "required": Field(Bool(), "Tahap wajib dilalui (tidak boleh dilompati).", default=True),
    "rejection": Field(Bool(), "Tahap penolakan: dapat dicapai dari tahap mana pun yang belum selesai, "
                       "dengan alasan.", default=False),
    "reply": Field(Str(), "Templat jawaban untuk tahap ini (Jinja2 terbatas)."),
})

CHANNEL = Section(fields={
    "label": Field(Str(), "Nama kanal.", required=True),
    "platform": Field(Str(), "Platform di pedoman untuk memeriksa jawaban (kosong: platform bawaan)."),
})


def _stages(value: dict, path: tuple, ctx) -> None:
    stages = value["stages"] or []
    keys = [s["key"] for s in stages if s]
    for i, key in enumerate(keys):
        if key in keys[:i]:
            ctx.error(path + ("stages", i, "key"), f"tahap '{key}' ditulis lebih dari sekali.")
    flow = [s for s in stages if s and not s["rejection"]]
    if stages and len(flow) < 2:
        ctx.error(path + ("stages",), "perlu minimal dua tahap bukan penolakan (misalnya diterima dan selesai).")
    if flow and not flow[0]["required"]:
        ctx.error(path + ("stages", 0, "required"), "tahap pertama selalu wajib.")


ADUAN = Section(fields={
    "ticket_format": Field(TicketFormat(), "Format nomor tiket: {tahun}, {bulan}, {nomor} atau {nomor:04}.",
                           default="ADU-{tahun}{bulan}-{nomor:05}"),
    "channels": Field(MapOf(value=CHANNEL, key_pattern=KEY, key_label="kunci huruf kecil"),
                      "Kanal pengaduan: kunci → nama dan platform."),
    "categories": Field(MapOf(value=CATEGORY, key_pattern=KEY, key_label="kunci huruf kecil"),
                        "Kategori pengaduan dan perangkat daerah penanggung jawabnya."),
    "stages": Field(ListOf(STAGE), "Tahap penanganan dalam urutan wajib; yang terakhir (bukan penolakan) "
                    "berarti selesai."),
    "service_levels": Field(Section(fields={
        "first_answer_hours": Field(Num(min=1, max=720), "Batas jawaban pertama (jam).", default=24),
        "resolution_days": Field(Num(min=1, max=365), "Batas penyelesaian (hari).", default=14),
    }), "Batas waktu layanan."),
    "report_personal_data": Field(ListOf(Str(choices=PERSONAL_FIELDS), unique=True),
                                  "Data pribadi yang boleh tampil di laporan internal (tidak pernah di laporan "
                                  "publik atau draf jawaban)."),
}, post=_stages)
