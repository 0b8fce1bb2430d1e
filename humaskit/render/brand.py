"""The guideline's brand kit made ready to draw: colours as RGB, fonts opened, logos loaded.

Fonts are opened while the brand kit is prepared, so a missing or broken font file is a
configuration error that names the guideline line, not a failure halfway through a batch.
Every font uses Pillow's BASIC layout engine: it ships inside Pillow itself, so the same
text gives the same pixels on every machine (Raqm's output depends on the system's
HarfBuzz version); Indonesian in Latin script needs no complex shaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from humaskit.color import hex_to_rgb
from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.fsutil import regular_file_problem
from humaskit.render.template import AGENCY_COLOR, image_problem, image_sizes


def package_font(package: str, italic: bool) -> Path | None:
    """The font file shipped by a ``fontpkg-*`` PyPI package (e.g. fontpkg-plus-jakarta-sans)."""
    from importlib import import_module
    from importlib.metadata import entry_points

    wanted = package.replace("-", "_").lower()
    for entry in entry_points(group="fontpkg.family"):
        if entry.name.lower() == wanted:
            root = Path(import_module(entry.value).ROOT) / "files"
            files = sorted(p for p in root.iterdir() if p.suffix.lower() in (".ttf", ".otf")
                           and ("italic" in p.name.lower()) == italic)
            return files[0] if files else None
    return None


@dataclass(frozen=True)
class FontSpec:
    name: str
    file: Path
    weight: int | None


@dataclass
class Brand:
    palette: dict[str, tuple[int, int, int]]
    hex: dict[str, str]
    fonts: dict[str, FontSpec]
    logos: dict[str, Path]
    agency_colors: dict[str, str]
    _fonts: dict = field(default_factory=dict, repr=False)
    _logos: dict = field(default_factory=dict, repr=False)

    def color(self, name: str, agency: str | None) -> tuple[int, int, int]:
        if name == AGENCY_COLOR:
            name = self.agency_colors.get(agency or "") or next(iter(self.palette))
        return self.palette[name]

    def color_name(self, name: str, agency: str | None) -> str:
        if name == AGENCY_COLOR:
            return self.agency_colors.get(agency or "") or next(iter(self.palette))
        return name

    def font(self, name: str, size: int):
        """An opened font at a pixel size, cached per process (fitting tries several sizes)."""
        key = (name, size)
        font = self._fonts.get(key)
        if font is None:
            font = self._fonts[key] = open_font(self.fonts[name], size)
        return font

    def logo(self, name: str):
        from humaskit.render.template import pillow_image

        Image = pillow_image()
        image = self._logos.get(name)
        if image is None:
            with Image.open(self.logos[name]) as raw:
                image = self._logos[name] = raw.convert("RGBA")
        return image


def open_font(spec: FontSpec, size: int):
    from PIL import ImageFont

    font = ImageFont.truetype(str(spec.file), size, layout_engine=ImageFont.Layout.BASIC)
    if spec.weight is not None:
        font.set_variation_by_axes([spec.weight])
    return font


def load_brand(guideline, font_names=None, logo_names=None) -> Brand:
    """Prepare the brand kit; the named fonts and logos (all by default) are opened now so a
    bad file is reported with the guideline line that names it."""
    visual = guideline["visual"]
    problems: list[Problem] = []
    fonts: dict[str, FontSpec] = {}
    for name, spec in visual["fonts"].items():
        if font_names is not None and name not in font_names:
            continue
        if spec["file"]:
            at = guideline.where("visual", "fonts", name, "file")
            path = _declared_dir(at) / spec["file"]
            problem = regular_file_problem(path, f"Berkas fon '{spec['file']}' untuk fon '{name}'",
                                           relative_to="pedoman yang menyebutnya")
            if problem:
                problems.append(Problem(problem, **at))
                continue
        else:
            at = guideline.where("visual", "fonts", name, "package")
            path = package_font(spec["package"], spec["italic"])
            if path is None:
                problems.append(Problem(
                    f"Paket fon '{spec['package']}' untuk fon '{name}' tidak terpasang. Pasang dengan "
                    f"`pip install fontpkg-{spec['package']}`, atau tunjuk berkas fon dengan `file:`.",
                    **at))
                continue
        # A file named in a derived guideline replaces the base's package font; the weight
        # only applies when that file is a variable font.
        weight, problem = _check_font(name, path, spec["weight"], at,
                                      guideline.where("visual", "fonts", name, "weight"))
        if problem:
            problems.append(problem)
        fonts[name] = FontSpec(name, path.resolve(), weight)
    logos: dict[str, Path] = {}
    wanted = {("logo",): visual["logo"]} if visual["logo"] else {}
    wanted.update({("logos", k): v for k, v in visual["logos"].items()})
    for key, file in wanted.items():
        name = key[-1]
        if logo_names is not None and name not in logo_names:
            continue
        at = guideline.where("visual", *key)
        path = _declared_dir(at) / file
        problem = image_problem(path, "Berkas logo", "pedoman yang menyebutnya")
        if problem:
            problems.append(Problem(problem, **at))
        logos[name] = path
    sizes = image_sizes(guideline)
    for name in visual["safe_zones"]:  # a misspelt size would silently leave its zone unprotected
        if name not in sizes and ("visual", "safe_zones", name) in guideline.positions:  # not a default
            problems.append(Problem(f"Zona aman untuk ukuran '{name}', padahal ukuran itu tidak ada di "
                                    "`platforms.*.image_sizes`.", hint=did_you_mean(name, sizes),
                                    **guideline.where("visual", "safe_zones", name)))
    if problems:
        raise HumaskitError(problems)
    palette = visual["palette"]
    return Brand(
        palette={k: hex_to_rgb(v) for k, v in palette.items()}, hex=dict(palette), fonts=fonts, logos=logos,
        agency_colors={k: a["color"] for k, a in guideline.agencies.items() if a and a.get("color")},
    )


def _declared_dir(at: dict) -> Path:
    """Relative paths in a guideline are relative to the file that wrote them (a base
    guideline's logo stays beside the base, even when a city's guideline extends it)."""
    return Path(at["path"]).parent


def _check_font(name: str, path: Path, weight: int | None, at: dict,
                weight_at: dict) -> tuple[int | None, Problem | None]:
    """Open the font once; returns the weight to set (None for a static font) and any problem."""
    from PIL import ImageFont

    try:
        opened = ImageFont.truetype(str(path), 24, layout_engine=ImageFont.Layout.BASIC)
    except OSError:
        return None, Problem(f"Berkas fon '{path.name}' untuk fon '{name}' bukan fon TrueType/OpenType yang "
                             "dapat dibuka.", **at)
    try:
        axes = opened.get_variation_axes()
    except OSError:  # not a variable font
        axes = []
    axis = next((a for a in axes if a["name"] in (b"Weight", "Weight")), None)
    if weight is None or axis is None:
        return None, None
    if not axis["minimum"] <= weight <= axis["maximum"]:
        return None, Problem(f"Ketebalan {weight} di luar jangkauan fon '{name}' ({path.name}: "
                             f"{axis['minimum']}-{axis['maximum']}).", **weight_at)
    return weight, None
