"""Schema of the visual identity (brand kit): palette, fonts, logo, safe zones, image rules."""

from __future__ import annotations

from humaskit.guideline.spec import Bool, Color, Context, Field, ListOf, MapOf, Num, Section, Str

NAME = r"[a-z0-9][a-z0-9-]*"

# Meta's guidance for 1080x1920 frames: about 250 px (14%) at the top and bottom of a story
# are covered by the app; a reel's caption and buttons cover about 35% at the bottom.
DEFAULT_SAFE_ZONES = {
    "story": {"top": 0.14, "bottom": 0.14, "sides": 0.06},
    "reels": {"top": 0.14, "bottom": 0.35, "sides": 0.06},
}


def _font_source(font: dict, path: tuple, ctx: Context) -> None:
    if not font["file"] and not font["package"]:
        ctx.error(path, "fon perlu sumber: `file` (berkas fon) atau `package` (paket Python).")


FONT = Section(fields={
    "file": Field(Str(), "Berkas fon TTF/OTF (relatif terhadap pedoman); bila ada, menggantikan `package` "
                        "(jadi pedoman turunan dapat memakai fonnya sendiri)."),
    "package": Field(Str(), "Fon dari paket Python yang terpasang bersama humaskit (misalnya plus-jakarta-sans)."),
    "weight": Field(Num(min=100, max=900), "Ketebalan untuk fon variabel (400 reguler, 700 tebal)."),
    "italic": Field(Bool(), "Pakai gaya miring dari paket fon.", default=False),
}, post=_font_source)

SAFE_ZONE = Section(fields={
    "top": Field(Num(integer=False, min=0, max=0.5), "Bagian atas yang bebas teks (porsi tinggi).", required=True),
    "bottom": Field(Num(integer=False, min=0, max=0.5), "Bagian bawah yang bebas teks (porsi tinggi).",
                    required=True),
    "sides": Field(Num(integer=False, min=0, max=0.5), "Bagian kiri dan kanan yang bebas teks (porsi lebar).",
                   required=True),
})

VISUAL = Section(fields={
    "palette": Field(MapOf(value=Color(), key_pattern=NAME, key_label="nama-warna"),
                     "Palet warna resmi: nama → #RRGGBB."),
    "fonts": Field(MapOf(value=FONT, key_pattern=NAME, key_label="nama-fon"),
                   "Fon resmi: nama → berkas atau paket."),
    "logo": Field(Str(), "Berkas logo (PNG, relatif terhadap pedoman)."),
    "logos": Field(MapOf(value=Str(), key_pattern=NAME, key_label="nama-logo"),
                   "Logo tambahan yang dapat dipakai templat: nama → berkas PNG."),
    "safe_zones": Field(MapOf(value=SAFE_ZONE, key_pattern=NAME, key_label="nama-ukuran"),
                        "Zona aman per ukuran: tepi yang tertutup antarmuka aplikasi dan harus bebas teks "
                        "(story ±14% atas dan bawah; reels 14% atas dan 35% bawah, tempat takarir dan tombol).",
                        default=lambda: dict(DEFAULT_SAFE_ZONES)),
    "image_formats": Field(ListOf(Str(choices=("png", "jpeg", "webp"))), "Format gambar yang diterima.",
                           default=lambda: ["png", "jpeg"]),
    "max_image_mb": Field(Num(integer=False, min=0.01), "Ukuran berkas gambar maksimum (MB).", default=8.0),
    "min_palette_share": Field(Num(integer=False, min=0, max=1),
                               "Porsi minimum piksel yang dekat dengan palet resmi.", default=0.3),
    "delta_e": Field(Num(integer=False, min=1, max=100),
                     "Jarak warna maksimum (ΔE CIELAB) agar dianggap sesuai palet.", default=12.0),
})
