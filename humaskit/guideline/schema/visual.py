"""Schema of the visual identity (brand kit): palette, fonts, logo, image rules."""

from __future__ import annotations

from humaskit.guideline.spec import Color, Field, ListOf, MapOf, Num, Section, Str

FONT = Section(fields={
    "file": Field(Str(), "Berkas fon (relatif terhadap pedoman), atau kosong bila memakai `package`."),
    "package": Field(Str(), "Fon dari paket Python (misalnya plus-jakarta-sans)."),
    "weight": Field(Num(min=100, max=900), "Ketebalan untuk fon variabel (400 reguler, 700 tebal)."),
})

VISUAL = Section(fields={
    "palette": Field(MapOf(value=Color(), key_pattern=r"[a-z0-9][a-z0-9-]*", key_label="nama-warna"),
                     "Palet warna resmi: nama → #RRGGBB."),
    "fonts": Field(MapOf(value=FONT, key_pattern=r"[a-z0-9][a-z0-9-]*", key_label="nama-fon"),
                   "Fon resmi: nama → berkas atau paket."),
    "logo": Field(Str(), "Berkas logo (PNG, relatif terhadap pedoman)."),
    "image_formats": Field(ListOf(Str(choices=("png", "jpeg", "webp"))), "Format gambar yang diterima.",
                           default=lambda: ["png", "jpeg"]),
    "max_image_mb": Field(Num(integer=False, min=0.01), "Ukuran berkas gambar maksimum (MB).", default=8.0),
    "min_palette_share": Field(Num(integer=False, min=0, max=1),
                               "Porsi minimum piksel yang dekat dengan palet resmi.", default=0.3),
    "delta_e": Field(Num(integer=False, min=1, max=100),
                     "Jarak warna maksimum (ΔE CIELAB) agar dianggap sesuai palet.", default=12.0),
})
