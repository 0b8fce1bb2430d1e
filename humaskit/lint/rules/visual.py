"""Visual-identity rules for a draft's attached image: presence, readability, format and file
size, dimensions per platform, and the share of brand-palette colours.

Pillow is imported only when a draft has an image, and each image is read once per run
(cached by path, modification time and size) however many rules look at it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from humaskit.lint.finding import Hit
from humaskit.lint.registry import rule

MB = 1_000_000
ASPECT_TOLERANCE = 0.01
THUMBNAIL = 96  # palette share is measured on a thumbnail: colours, not detail, matter
# Pillow names some JPEG files MPO (multi-picture JPEG from phone cameras).
FORMAT_ALIASES = {"mpo": "jpeg", "jpg": "jpeg"}


@dataclass(frozen=True)
class Probe:
    """What one read of an image file tells every rule."""

    name: str
    size_bytes: int
    error: str | None = None
    format: str | None = None
    width: int = 0
    height: int = 0
    colors: tuple = ()  # (count, (r, g, b)) of a thumbnail


_PROBES: dict[tuple, Probe] = {}


def _probe(path: Path) -> Probe | None:
    """None when the file does not exist (``visual.image-missing`` reports it); a folder, a
    device or a FIFO is an unreadable image, found without opening it."""
    import stat as modes

    from humaskit.fsutil import regular_file_problem

    try:
        stat = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError):
        stat = None
    if stat is None or not modes.S_ISREG(stat.st_mode):
        return Probe(path.name, 0, regular_file_problem(path, f"Berkas gambar {path.name}"))
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    probe = _PROBES.get(key)
    if probe is None:
        probe = _PROBES[key] = _read(path, stat.st_size)
    return probe


def _read(path: Path, size_bytes: int) -> Probe:
    import warnings

    from PIL import Image, UnidentifiedImageError

    name = path.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt = (image.format or "").lower()
                fmt = FORMAT_ALIASES.get(fmt, fmt)
                width, height = image.size
                if width * height > Image.MAX_IMAGE_PIXELS:
                    return Probe(name, size_bytes, _bomb_message(name, width, height), fmt, width, height)
                image.draft("RGB", (THUMBNAIL * 2, THUMBNAIL * 2))  # JPEG: decode at reduced scale
                image.thumbnail((THUMBNAIL, THUMBNAIL))
                colors = image.convert("RGB").getcolors(THUMBNAIL * THUMBNAIL)
    except Image.DecompressionBombError:
        return Probe(name, size_bytes, _bomb_message(name, 0, 0))
    except UnidentifiedImageError:
        return Probe(name, size_bytes, f"Berkas {name} bukan gambar yang dikenali (PNG, JPEG, WebP).")
    except (OSError, SyntaxError, ValueError, EOFError):
        return Probe(name, size_bytes, f"Gambar {name} rusak atau terpotong dan tidak dapat dibuka; ekspor "
                                       "ulang gambarnya.")
    return Probe(name, size_bytes, None, fmt, width, height, tuple(colors))


def _bomb_message(name: str, width: int, height: int) -> str:
    from PIL import Image

    size = f" ({width}×{height}, {width * height / 1e6:.0f} juta piksel)" if width else ""
    return (f"Gambar {name}{size} melebihi batas aman {Image.MAX_IMAGE_PIXELS / 1e6:.0f} juta piksel dan "
            "ditolak agar tidak menghabiskan memori; perkecil gambarnya.")


def _image(ctx):
    """(probe or None, start, end of the `image:` line) for a draft with an image, else None."""
    draft = ctx.draft
    if not draft.image:
        return None
    start = draft.key_offset("image")
    end = ctx.text.find("\n", start)
    end = len(ctx.text) if end == -1 else end
    end = end - 1 if end > start and ctx.text[end - 1] == "\r" else end
    return _probe(draft.image_path()), start, end


def _usable(ctx):
    found = _image(ctx)
    if found is None or found[0] is None or found[0].error:
        return None
    return found


WRONG_HEAD = "---\nagency: dinkes\nplatforms: [instagram]\n"
RIGHT_POSTER = "image: poster-feed.png\nalt: Poster biru berisi jadwal posyandu bulan Desember\n---\n"
CAPTION = "Jadwal posyandu bulan Desember. #KotaTasikmalaya #DinkesTasikmalaya"


@rule("visual.image-missing", category="visual", severity="error",
      summary="Berkas gambar tidak ditemukan",
      wrong=WRONG_HEAD + "image: poster-desember.png\nalt: Poster jadwal posyandu bulan Desember\n---\n" + CAPTION,
      right=WRONG_HEAD + RIGHT_POSTER + CAPTION, example_files="visual")
def image_missing(ctx):
    """Apa yang diperiksa:
    Draf yang menyebut `image:` tetapi berkasnya tidak ada (jalur dihitung relatif terhadap
    berkas draf).
    Mengapa:
    Unggahan akan terbit tanpa gambar, atau admin mengunggah gambar yang salah. Salah ketik
    nama berkas lebih mudah diperbaiki sebelum terbit.
    """
    found = _image(ctx)
    if found and found[0] is None:
        yield Hit(found[1], found[2], f"Berkas gambar '{ctx.draft.image}' tidak ditemukan (dicari relatif "
                                      "terhadap draf).")


@rule("visual.image-unreadable", category="visual", severity="error",
      summary="Gambar rusak atau terlalu besar untuk dibuka",
      wrong=WRONG_HEAD + "image: rusak.png\nalt: Poster jadwal posyandu bulan Desember\n---\n" + CAPTION,
      right=WRONG_HEAD + RIGHT_POSTER + CAPTION, example_files="visual")
def image_unreadable(ctx):
    """Apa yang diperiksa:
    Gambar yang tidak dapat dibuka: berkasnya rusak atau terpotong, bukan gambar, atau
    jumlah pikselnya melebihi batas aman (bom dekompresi, lebih dari ±89 juta piksel).
    Mengapa:
    Platform akan menolak gambar seperti ini saat diunggah. Gambar raksasa juga dapat
    menghabiskan memori komputer yang membukanya, jadi tidak dibaca sama sekali.
    """
    found = _image(ctx)
    if found and found[0] is not None and found[0].error:
        yield Hit(found[1], found[2], found[0].error)


@rule("visual.image-file", category="visual", severity="error",
      summary="Format atau ukuran berkas gambar tidak diterima",
      wrong=WRONG_HEAD + "image: poster-feed.gif\nalt: Poster jadwal posyandu bulan Desember\n---\n" + CAPTION,
      right=WRONG_HEAD + RIGHT_POSTER + CAPTION, example_files="visual")
def image_file(ctx):
    """Apa yang diperiksa:
    Format gambar (dibaca dari isi berkas, bukan dari ekstensinya) harus salah satu dari
    `visual.image_formats`, dan ukuran berkas tidak boleh melebihi `visual.max_image_mb`
    maupun `max_image_mb` tiap platform tujuan.
    Mengapa:
    Platform menolak atau mengompres ulang berkas yang terlalu besar sehingga teks pada
    poster menjadi buram; format di luar pedoman (GIF, BMP, TIFF) tidak selalu didukung.
    """
    found = _usable(ctx)
    if not found:
        return
    probe, start, end = found
    formats = ctx.guideline["visual"]["image_formats"]
    if probe.format not in formats:
        yield Hit(start, end, f"Format gambar {probe.name} adalah {probe.format.upper() or 'tidak dikenal'}; "
                              f"pedoman hanya menerima {', '.join(f.upper() for f in formats)}.")
    limit, where = ctx.guideline["visual"]["max_image_mb"], "pedoman"
    for platform in ctx.platforms:
        if platform["max_image_mb"] and platform["max_image_mb"] < limit:
            limit, where = platform["max_image_mb"], platform["label"]
    if probe.size_bytes > limit * MB:
        yield Hit(start, end, f"Berkas {probe.name} berukuran {_file_size(probe.size_bytes)}, melebihi batas "
                              f"{limit:g} MB ({where}); kompres atau perkecil gambarnya.")


def _file_size(size_bytes: int) -> str:
    return f"{size_bytes / MB:.1f} MB" if size_bytes >= MB // 10 else f"{max(1, round(size_bytes / 1000))} KB"


def _ratio(width: int, height: int) -> str:
    from math import gcd

    d = gcd(width, height)
    return f"{width // d}:{height // d}"


@rule("visual.image-size", category="visual", severity="warning",
      summary="Dimensi gambar tidak sesuai platform",
      wrong=WRONG_HEAD + "image: lebar.png\nalt: Poster jadwal posyandu bulan Desember\n---\n" + CAPTION,
      right=WRONG_HEAD + RIGHT_POSTER + CAPTION, example_files="visual")
def image_size(ctx):
    """Apa yang diperiksa:
    Rasio dan dimensi gambar dibandingkan dengan ukuran yang disarankan tiap platform tujuan
    (`platforms.<platform>.image_sizes`): rasionya harus sama dengan salah satu ukuran (selisih
    paling banyak 1%) dan resolusinya tidak lebih kecil dari ukuran itu.
    Mengapa:
    Gambar dengan rasio lain dipotong otomatis oleh platform sehingga teks atau logo di tepi
    hilang; gambar beresolusi rendah tampak buram di layar ponsel.
    """
    found = _usable(ctx)
    if not found:
        return
    probe, start, end = found
    w, h = probe.width, probe.height
    for platform in ctx.platforms:
        sizes = platform["image_sizes"]
        if not sizes:
            continue
        same_ratio = [s for s in sizes
                      if abs(w / h - s["width"] / s["height"]) <= ASPECT_TOLERANCE * s["width"] / s["height"]]
        listed = ", ".join(f"{s['width']}×{s['height']} ({s['name']})" for s in sizes)
        if not same_ratio:
            yield Hit(start, end, f"Gambar {probe.name} berukuran {w}×{h} (rasio {_ratio(w, h)}) tidak sesuai "
                                  f"{platform['label']}; gunakan {listed}.")
        elif all(w < s["width"] * (1 - ASPECT_TOLERANCE) for s in same_ratio):
            best = max(same_ratio, key=lambda s: s["width"])
            yield Hit(start, end, f"Resolusi gambar {probe.name} ({w}×{h}) terlalu kecil untuk "
                                  f"{platform['label']}; buat ulang dengan {best['width']}×{best['height']}.")


def _palette(guideline):
    return dict(guideline["visual"]["palette"])


@rule("visual.off-palette", category="visual", severity="warning",
      summary="Warna gambar di luar palet resmi",
      wrong=WRONG_HEAD + "image: warna-bebas.png\nalt: Poster jadwal posyandu bulan Desember\n---\n" + CAPTION,
      right=WRONG_HEAD + RIGHT_POSTER + CAPTION, example_files="visual")
def off_palette(ctx):
    """Apa yang diperiksa:
    Porsi piksel gambar yang warnanya dekat dengan palet resmi (`visual.palette`): jarak warna
    ΔE (CIELAB, CIE76) paling jauh `visual.delta_e`. Bila porsinya di bawah
    `visual.min_palette_share`, gambar dianggap keluar dari identitas visual. Porsinya juga
    ditampilkan di laporan teks untuk setiap gambar.
    Mengapa:
    Warna yang konsisten membuat warga langsung mengenali informasi resmi pemerintah daerah
    dan membedakannya dari akun tiruan. Foto kegiatan boleh berwarna bebas, tetapi grafis
    informasi sebaiknya memakai palet (misalnya lewat `humaskit render`).
    """
    found = _usable(ctx)
    if not found:
        return
    from humaskit.color import delta_e, hex_to_rgb, palette_share, rgb_to_hex

    probe, start, end = found
    visual = ctx.guideline["visual"]
    palette = ctx.memo("visual.palette", _palette)
    share = palette_share(list(probe.colors), palette, visual["delta_e"])
    ctx.note(f"Gambar {probe.name}: {probe.width}×{probe.height} {probe.format.upper()}, "
             f"{_file_size(probe.size_bytes)}, {share:.0%} piksel dekat palet resmi.")
    if share >= visual["min_palette_share"]:
        return
    brand = [hex_to_rgb(v) for v in palette.values()]
    off = sorted((c for c in probe.colors if min(delta_e(c[1], b) for b in brand) > visual["delta_e"]),
                 key=lambda c: (-c[0], c[1]))
    dominant: list = []
    for _, rgb in off:  # name clearly different colours, not shades of one
        if len(dominant) < 3 and all(delta_e(rgb, d) > visual["delta_e"] for d in dominant):
            dominant.append(rgb)
    yield Hit(start, end, f"Hanya {share:.0%} piksel gambar {probe.name} yang dekat dengan palet resmi "
                          f"(ΔE ≤ {visual['delta_e']:g}); pedoman meminta minimal "
                          f"{visual['min_palette_share']:.0%}. Warna dominan di luar palet: "
                          f"{', '.join(rgb_to_hex(rgb) for rgb in dominant)}.")
