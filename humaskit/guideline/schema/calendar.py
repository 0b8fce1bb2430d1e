"""Schema of the content-calendar rules."""

from __future__ import annotations

from humaskit.guideline.spec import Clock, Color, Day, Field, ListOf, MapOf, Num, Section, Str

SLOT_ACCOUNT = Section(fields={
    "label": Field(Str(), "Nama akun bersama.", required=True),
    "platforms": Field(ListOf(Str(), min_items=1), "Platform akun ini.", required=True),
    "slots": Field(ListOf(Clock(), min_items=1, unique=True), "Jam tayang harian (HH:MM).", required=True),
    "agencies": Field(ListOf(Str(), unique=True),
                      "Perangkat daerah yang boleh memakai akun ini (kosong: semua)."),
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
    })), "Tanggal tanpa unggahan kecuali prioritas `urgent` (misalnya masa tenang pemilu)."),
    "quotas": Field(MapOf(value=Num(min=0)), "Kuota unggahan per bulan per perangkat daerah "
                    "(unggahan `urgent` tidak dihitung)."),
    "momentum": Field(ListOf(MOMENTUM), "Hari peringatan dan pemiliknya."),
    "momentum_accounts": Field(ListOf(Str(), unique=True),
                               "Akun bersama untuk hari peringatan yang belum direncanakan "
                               "(kosong: semua akun bersama)."),
    "holiday_agency": Field(Str(), "Perangkat daerah yang menyiapkan ucapan hari libur nasional "
                            "yang belum direncanakan (kosong: tanpa ucapan otomatis)."),
    "own_slot_step_minutes": Field(Num(min=5, max=240), "Jarak antarjam calon tayang di akun milik "
                                   "perangkat daerah sendiri (menit).", default=30),
    "event_minutes": Field(Num(min=5, max=240), "Lama satu acara tayang di kalender (menit).", default=30),
    "overrides": Field(Str(), "Berkas koreksi tanggal libur/peringatan, relatif terhadap pedoman."),
    "colors": Field(Section(fields={
        "holiday": Field(Color(), "Warna hari libur nasional dan cuti bersama di kalender.", default="#B23A2E"),
        "problem": Field(Color(), "Warna tanda masalah (draf gagal, belum ditulis) di kalender.", default="#E65C00"),
    }), "Warna tetap kalender; warna perangkat daerah harus jelas berbeda dari keduanya."),
    "min_color_delta_e": Field(Num(integer=False, min=0, max=100),
                               "Jarak warna minimum (ΔE CIELAB) antara warna dua perangkat daerah, dan antara warna "
                               "perangkat daerah dan warna libur/masalah, agar mudah dibedakan di kalender.",
                               default=20.0),
})
