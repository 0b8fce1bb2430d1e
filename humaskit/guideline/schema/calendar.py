"""Schema of the content-calendar rules."""

from __future__ import annotations

from humaskit.guideline.spec import Clock, Day, Field, ListOf, MapOf, Num, Section, Str

SLOT_ACCOUNT = Section(fields={
    "label": Field(Str(), "Nama akun bersama.", required=True),
    "platforms": Field(ListOf(Str(), min_items=1), "Platform akun ini.", required=True),
    "slots": Field(ListOf(Clock(), min_items=1), "Jam tayang harian (HH:MM).", required=True),
})

MOMENTUM = Section(fields={
    "name": Field(Str(), "Nama hari peringatan.", required=True),
    "date": Field(Day(recurring=True), "Tanggal (MM-DD setiap tahun, atau YYYY-MM-DD).", required=True),
    "agency": Field(Str(), "Perangkat daerah penanggung jawab.", required=True),
    "hashtags": Field(ListOf(Str()), "Tagar peringatan."),
})

CALENDAR = Section(fields={
    "shared_accounts": Field(MapOf(value=SLOT_ACCOUNT), "Akun bersama dan slot tayangnya."),
    "quiet_hours": Field(Section(fields={
        "start": Field(Clock(), "Awal jam tenang.", default="21:00"),
        "end": Field(Clock(), "Akhir jam tenang.", default="06:00"),
    }), "Jam tanpa unggahan."),
    "min_spacing_minutes": Field(Num(min=0), "Jarak minimum antarunggahan satu perangkat daerah (menit).",
                                 default=120),
    "blackout": Field(ListOf(Section(fields={
        "date": Field(Day(), "Tanggal tanpa unggahan rutin.", required=True),
        "reason": Field(Str(), "Alasan."),
    })), "Tanggal tanpa unggahan (misalnya masa tenang pemilu)."),
    "quotas": Field(MapOf(value=Num(min=0)), "Kuota unggahan per bulan per perangkat daerah."),
    "momentum": Field(ListOf(MOMENTUM), "Hari peringatan dan pemiliknya."),
})
