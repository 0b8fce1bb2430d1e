"""Image templates: YAML schema, validation against the guideline's brand kit, and lookup.

A template names colours, fonts and logos only by their brand-kit names; anything else is
a validation error located at ``file:line:col``. Boxes are fractions of the canvas
``[x, y, w, h]``, optionally overridden per size under ``at:``, so one template serves every size.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass, field
from pathlib import Path

from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.guideline.spec import Bool, Context, Field, ListOf, MapOf, Num, Section, Spec, Str
from humaskit.resources import shipped_dir
from humaskit.yaml_located import load_located

# Fields every template may use without declaring them; filled from the data's agency.
BUILTIN_FIELDS = {
    "instansi": "nama resmi perangkat daerah",
    "singkatan": "nama singkat perangkat daerah",
    "akun": "akun media sosial perangkat daerah, dipisah titik tengah",
    "pemda": "nama pemerintah daerah (organization di pedoman)",
}
# A colour name resolved per item to the agency's own brand colour.
AGENCY_COLOR = "instansi"

NAME = r"[a-z0-9][a-z0-9-]*"


class Box(Spec):
    """``[x, y, w, h]`` as fractions of the canvas, inside it."""

    type_label = "kotak [x, y, lebar, tinggi] (pecahan 0-1)"

    def check(self, value, path, ctx):
        if (not isinstance(value, list) or len(value) != 4
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                           for v in value)):
            ctx.error(path, "harus berupa kotak [x, y, lebar, tinggi] dengan empat bilangan pecahan 0-1 "
                            "dari ukuran kanvas, misalnya [0.08, 0.2, 0.84, 0.3].")
            return None
        x, y, w, h = (float(v) for v in value)
        if min(x, y) < 0 or w <= 0 or h <= 0 or x + w > 1.0001 or y + h > 1.0001:
            ctx.error(path, f"kotak {value} keluar dari kanvas: x dan y ≥ 0, lebar dan tinggi > 0, "
                            "x + lebar ≤ 1 dan y + tinggi ≤ 1.")
            return None
        return (x, y, w, h)


class SizeRange(Spec):
    """``[largest, smallest]`` font size in pixels for a 1080-pixel canvas side."""

    type_label = "[ukuran terbesar, ukuran terkecil]"

    def check(self, value, path, ctx):
        if isinstance(value, int) and not isinstance(value, bool):
            value = [value, value]
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            ctx.error(path, "harus berupa [ukuran terbesar, ukuran terkecil] dalam piksel, misalnya [96, 48].")
            return None
        big, small = value
        if not 6 <= small <= big <= 600:
            ctx.error(path, f"rentang ukuran {value} tidak valid: terkecil ≥ 6, terbesar ≥ terkecil, ≤ 600.")
            return None
        return (big, small)


_PLACE = {
    "box": Field(Box(), "Kotak [x, y, lebar, tinggi] dalam pecahan kanvas.", required=True),
    "at": Field(MapOf(value=Box(), key_pattern=NAME, key_label="nama-ukuran"),
                "Kotak khusus per ukuran, misalnya `story: [0.06, 0.2, 0.88, 0.3]`."),
    "if": Field(Str(), "Gambar lapisan ini hanya bila isian ini terisi."),
}

LAYERS = {
    "background": Section(fields={
        "color": Field(Str(), "Warna latar (nama di palet).", required=True),
        "to": Field(Str(), "Warna kedua untuk gradasi (nama di palet)."),
        "direction": Field(Str(choices=("vertical", "horizontal", "diagonal")), "Arah gradasi.",
                           default="vertical"),
        "image": Field(Str(), "Gambar latar (relatif terhadap templat)."),
        "fit": Field(Str(choices=("cover", "contain")),
                     "cover: memenuhi kanvas (dipotong); contain: utuh di atas warna latar.", default="cover"),
    }),
    "shape": Section(fields={
        **_PLACE,
        "shape": Field(Str(choices=("rect", "ellipse")), "Bentuk.", default="rect"),
        "color": Field(Str(), "Warna isi (nama di palet).", required=True),
        "radius": Field(Num(min=0, max=1000), "Jari-jari sudut membulat (piksel).", default=0),
    }),
    "logo": Section(fields={
        **_PLACE,
        "logo": Field(Str(), "Nama logo di pedoman (`logo` = logo utama).", default="logo"),
        "align": Field(Str(choices=("left", "center", "right")), "Posisi logo di kotaknya.", default="center"),
    }),
    "text": Section(fields={
        **_PLACE,
        "field": Field(Str(), "Isian yang ditulis."),
        "text": Field(Str(), "Teks dengan isian dalam kurung kurawal, misalnya `Pukul {waktu} WIB`."),
        "font": Field(Str(), "Nama fon di pedoman.", required=True),
        "size": Field(SizeRange(), "[terbesar, terkecil] dalam piksel untuk kanvas 1080; teks mengecil "
                                   "sampai muat.", required=True),
        "line_height": Field(Num(integer=False, min=0.8, max=3), "Jarak baris (kali ukuran huruf).",
                             default=1.2),
        "align": Field(Str(choices=("left", "center", "right")), "Rata teks.", default="left"),
        "valign": Field(Str(choices=("top", "middle", "bottom")), "Posisi tegak di kotak.", default="top"),
        "color": Field(Str(), "Warna teks (nama di palet).", required=True),
        "uppercase": Field(Bool(), "Tulis dengan huruf kapital.", default=False),
    }),
}


class Layer(Spec):
    """One layer: ``type`` picks the section that validates the rest."""

    type_label = "lapisan"

    def check(self, value, path, ctx):
        if not isinstance(value, dict):
            ctx.error(path, "lapisan harus berupa pemetaan dengan kunci `type`.")
            return None
        kind = value.get("type")
        if kind not in LAYERS:
            ctx.error(path + (("type",) if "type" in value else ()),
                      f"jenis lapisan '{kind}' tidak dikenal; pilihan: {', '.join(LAYERS)}.",
                      did_you_mean(str(kind), LAYERS) if kind else None)
            return None
        out = LAYERS[kind].check({k: v for k, v in value.items() if k != "type"}, path, ctx)
        out["type"] = kind
        return out


# Where a field comes from when the data is a draft and its `fields:` leaves the field out.
DRAFT_SOURCES = ("title", "caption", "date", "day")

FIELD = Section(fields={
    "label": Field(Str(), "Keterangan isian untuk pengguna."),
    "required": Field(Bool(), "Isian wajib diisi.", default=True),
    "default": Field(Str(nonempty=False), "Nilai bila isian kosong."),
    "draft": Field(Str(choices=DRAFT_SOURCES), "Dari draf, bila `fields:` tidak mengisinya: `title` (judul draf), "
                   "`caption` (paragraf pertama takarir), `date` (tanggal `publish`, misalnya 22 Desember 2026), "
                   "`day` (hari libur atau peringatan pada tanggal `publish`)."),
})

TEMPLATE = Section(fields={
    "name": Field(Str(), "Nama templat.", required=True),
    "description": Field(Str(), "Kegunaan templat."),
    "sizes": Field(ListOf(Str(), min_items=1, unique=True),
                   "Ukuran yang didukung (nama dari `platforms.*.image_sizes` di pedoman)."),
    "fields": Field(MapOf(value=FIELD, key_pattern=r"[a-z][a-z0-9_]*", key_label="nama_isian"),
                    "Isian templat.", required=True),
    "filename": Field(Str(), "Nama berkas keluaran dari isian, misalnya `{judul}`."),
    "alt": Field(Str(), "Teks alternatif yang disarankan, dengan isian dalam kurung kurawal.", required=True),
    "layers": Field(ListOf(Layer(), min_items=1), "Lapisan dari bawah ke atas.", required=True),
})


@dataclass(frozen=True)
class Template:
    name: str
    key: str                      # file stem, used in messages and output names
    source: Path
    data: dict
    positions: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def fields(self) -> dict:
        return self.data["fields"]

    @property
    def layers(self) -> list[dict]:
        return self.data["layers"]

    @property
    def sizes(self) -> list[str]:
        return self.data["sizes"]

    def where(self, *path) -> dict:
        from humaskit.yaml_located import where

        return where(self.positions, path, str(self.source))


def image_sizes(guideline) -> dict[str, tuple[int, int]]:
    """Every named image size of the guideline's platforms, in first-seen order."""
    sizes: dict[str, tuple[int, int]] = {}
    for platform in guideline.platforms.values():
        for size in platform["image_sizes"] or []:
            sizes.setdefault(size["name"], (size["width"], size["height"]))
    return sizes


def template_names() -> list[str]:
    return sorted(p.stem for p in shipped_dir("templates").glob("*.yaml"))


def find_template(name: str) -> Path:
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        from humaskit.fsutil import regular_file_problem

        problem = regular_file_problem(path, "Berkas templat")
        if problem:
            raise HumaskitError.single(problem, path=str(path))
        return path
    shipped = shipped_dir("templates") / f"{name}.yaml"
    if shipped.is_file():
        return shipped
    raise HumaskitError.single(f"Templat '{name}' tidak dikenal; templat bawaan: {', '.join(template_names())}.",
                               hint=did_you_mean(name, template_names()))


def placeholders(text: str) -> list[str]:
    """Field names used in a ``{field}`` format string; raises ValueError when malformed."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(name)
        names.append(name)
    return names


def pillow_image():
    """Pillow's Image module with the decompression-bomb limit set to the largest canvas a
    guideline may declare: a bigger logo or background is refused before it is decoded."""
    from PIL import Image

    from humaskit.guideline.schema.core import MAX_IMAGE_PIXELS

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    return Image


def image_problem(path: Path, what: str, relative_to: str) -> str | None:
    """Why an image a template or brand kit names cannot be used, or None. The image is decoded
    whole, so a truncated file fails here, before a batch starts, not in every graphic."""
    import warnings

    from humaskit.fsutil import regular_file_problem

    problem = regular_file_problem(path, f"{what} '{path.name}'", relative_to=relative_to)
    if problem:
        return problem
    Image = pillow_image()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.width * image.height > Image.MAX_IMAGE_PIXELS:
                    raise Image.DecompressionBombError(path)
                image.load()
    except Image.DecompressionBombError:
        return (f"{what} '{path.name}' melebihi batas aman {Image.MAX_IMAGE_PIXELS / 1e6:.0f} juta piksel dan "
                "ditolak; perkecil gambarnya.")
    except (OSError, SyntaxError, ValueError):
        return f"{what} '{path.name}' bukan gambar yang dapat dibuka (rusak atau terpotong)."
    return None


def load_template(name: str, guideline) -> Template:
    """Find, parse and validate a template against ``guideline``; every problem at once."""
    from humaskit.fsutil import read_user_text

    path = find_template(name)
    located = load_located(read_user_text(path, what="Templat"), str(path))
    ctx = Context()
    data = TEMPLATE.check(located.value, (), ctx)
    if not ctx.issues:
        _cross_check(data, guideline, path, ctx)
    if ctx.issues:
        raise HumaskitError([Problem(i.message, hint=i.hint, **located.where(i.path)) for i in ctx.issues])
    return Template(data["name"], path.stem, path.resolve(), data, located.positions)


def _cross_check(data: dict, guideline, path: Path, ctx: Context) -> None:
    visual = guideline["visual"]
    colors = set(visual["palette"]) | {AGENCY_COLOR}
    fonts = visual["fonts"]
    logos = {"logo"} if visual["logo"] else set()
    logos |= set(visual["logos"])
    sizes = image_sizes(guideline)
    known_fields = set(data["fields"]) | set(BUILTIN_FIELDS)

    def ref(at, name, known, what):
        if name is not None and name not in known:
            ctx.error(at, f"{what} '{name}' tidak ada di pedoman ({guideline.source.name}); "
                          f"yang tersedia: {', '.join(sorted(known)) or '(kosong)'}.", did_you_mean(name, known))

    def fmt(at, text):
        try:
            for used in placeholders(text):
                ref_field(at, used)
        except ValueError as exc:
            ctx.error(at, f"isian '{{{exc}}}' tidak valid: tulis nama isian saja, misalnya {{judul}}.")

    def ref_field(at, name):
        if name not in known_fields:
            ctx.error(at, f"isian '{name}' tidak dideklarasikan di `fields`.", did_you_mean(name, known_fields))

    if not data["sizes"]:
        data["sizes"] = list(sizes)
    for i, size in enumerate(data["sizes"]):
        ref(("sizes", i), size, sizes, "Ukuran")
    if data["filename"]:
        fmt(("filename",), data["filename"])
    fmt(("alt",), data["alt"])
    for i, layer in enumerate(data["layers"]):
        at = ("layers", i)
        kind = layer["type"]
        for key in ("color", "to"):
            if layer.get(key):
                ref(at + (key,), layer[key], colors, "Warna")
        for size in layer.get("at") or {}:
            ref(at + ("at", size), size, data["sizes"], "Ukuran templat")
        if layer.get("if"):
            ref_field(at + ("if",), layer["if"])
        if kind == "background" and layer["image"]:
            image = path.parent / layer["image"]
            problem = image_problem(image, "gambar latar", "templat")
            if problem:
                ctx.error(at + ("image",), problem)
            layer["image"] = str(image.resolve())
        elif kind == "logo":
            ref(at + ("logo",), layer["logo"], logos, "Logo")
        elif kind == "text":
            ref(at + ("font",), layer["font"], fonts, "Fon")
            if bool(layer["field"]) == bool(layer["text"]):
                ctx.error(at, "lapisan teks perlu tepat satu dari `field` (satu isian) atau `text` "
                              "(teks dengan {isian}).")
            elif layer["field"]:
                ref_field(at + ("field",), layer["field"])
            else:
                fmt(at + ("text",), layer["text"])
