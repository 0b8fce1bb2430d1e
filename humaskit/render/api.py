"""Library entry points of the renderer: render one item to bytes, or a whole data file to a folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from humaskit.errors import HumaskitError, Problem, did_you_mean
from humaskit.render.data import Item, values_for
from humaskit.render.template import Template, image_sizes, load_template

FORMATS = {"png": "png", "jpeg": "jpg", "jpg": "jpg"}
# Lint categories about the words themselves; hashtag, platform, reply and image rules are the
# caption's business, not the poster's.
PRINTED_TEXT = ("tone", "terminology", "spelling", "grammar")


@dataclass(frozen=True)
class Options:
    fmt: str = "png"          # png | jpeg
    quality: int = 90         # JPEG only
    debug: bool = False
    alt: bool = False

    @property
    def suffix(self) -> str:
        return FORMATS[self.fmt]


@dataclass(frozen=True)
class Rendered:
    size: str
    filename: str
    data: bytes
    alt: str
    warnings: tuple[str, ...] = ()


class TextError(HumaskitError):
    """The text a graphic would print has error-level lint findings: that item is not drawn."""

    def __init__(self, problems: list[Problem], warnings: list[str]) -> None:
        super().__init__(problems)
        self.warnings = warnings


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    items: int = 0
    text_errors: bool = False     # some item stopped on its own words, not on bad input

    @property
    def exit_code(self) -> int:
        """0 all rendered; 1 lint errors in the printed text, or some items failed and the rest
        were written; 2 nothing could be rendered."""
        if not self.failed:
            return 0
        return 1 if self.written or self.text_errors else 2


class Renderer:
    """A template bound to a guideline's brand kit; reuse it for many items."""

    def __init__(self, template: Template, guideline, options: Options = Options()) -> None:
        from humaskit.render.brand import load_brand

        self.template, self.guideline, self.options = template, guideline, options
        fonts = {layer["font"] for layer in template.layers if layer["type"] == "text"}
        logos = {layer["logo"] for layer in template.layers if layer["type"] == "logo"}
        self.brand = load_brand(guideline, fonts, logos)
        self.sizes = image_sizes(guideline)
        self._linter = None
        self.zones = guideline["visual"]["safe_zones"]
        # Names a line must not break before their last word: the agencies' and the city's.
        self.names = tuple(a["name"] for a in guideline.agencies.values() if a and a.get("name")) + (
            guideline["organization"],)

    @classmethod
    def load(cls, template_name: str, guideline, options: Options = Options()) -> "Renderer":
        return cls(load_template(template_name, guideline), guideline, options)

    def pick_sizes(self, wanted: list[str]) -> list[str]:
        """Template sizes named on the command line (``all`` = every size of the template)."""
        names = [n.strip() for w in wanted for n in w.split(",") if n.strip()] or ["all"]
        if "all" in names:
            return list(self.template.sizes)
        problems = [Problem(f"Ukuran '{n}' tidak tersedia di templat '{self.template.key}'; pilihan: all, "
                            f"{', '.join(self.template.sizes)}.", hint=did_you_mean(n, self.template.sizes))
                    for n in names if n not in self.template.sizes]
        if problems:
            raise HumaskitError(problems)
        return list(dict.fromkeys(names))

    def render(self, item: Item, sizes: list[str], base: str) -> list[Rendered]:
        """Every requested size of one item, in memory (so a failure writes nothing)."""
        from humaskit.render.draw import PillowMeasure, draw, encode
        from humaskit.render.layout import FitError, plan, safe_area

        if item.problems:
            raise HumaskitError(list(item.problems))
        values = values_for(item, self.template, self.guideline)
        warnings = self.check_text(item)
        alt = " ".join(self.template.data["alt"].format_map({k: _spoken(v) for k, v in values.items()}).split())
        measure = PillowMeasure(self.brand)
        out = []
        for size in sizes:
            width, height = self.sizes[size]
            zone = self.zones.get(size)
            try:
                placed = plan(self.template, size, width, height, values, measure, zone, self.names)
            except FitError as exc:
                raise HumaskitError([Problem(exc.message, **item.where_field(exc.field))]) from None
            image, contrast = draw(placed, (width, height), self.brand, item.agency, size,
                                   debug=self.options.debug, safe=safe_area(width, height, zone))
            data = encode(image, self.options.fmt, self.options.quality)
            # Output names are slugs and size names (no dots): ".debug" keeps a debug view from ever
            # replacing the graphic to be posted.
            debug = ".debug" if self.options.debug else ""
            out.append(Rendered(size, f"{base}-{size}{debug}.{self.options.suffix}", data, alt,
                                tuple(warnings + contrast)))
        return out

    def check_text(self, item: Item) -> list[str]:
        """Lint every field the template prints, as a caption would be linted; error findings
        raise :class:`TextError`, warnings come back as messages."""
        if self._linter is None:
            from humaskit.lint.engine import Linter

            self._linter = Linter(self.guideline, select=PRINTED_TEXT)
        errors, warnings = [], []
        for name in self.template.fields:
            text = str(item.fields.get(name) or "").strip()  # the template's own defaults are not linted
            if not text:
                continue
            # An empty front matter first, so a value that starts with "---" is read as text.
            result = self._linter.lint_text(f"---\n---\n{text}", item.where.get("path") or "-",
                                            agency=item.agency)
            for finding in result.findings:
                if finding.severity == "suggestion":
                    continue
                fix = f" Saran: '{finding.fix}'." if finding.fix else ""
                problem = Problem(f"{finding.message}{fix} ({finding.rule})", **item.where_field(name))
                (errors if finding.severity == "error" else warnings).append(problem)
        if errors:
            raise TextError(errors, [w.render() for w in warnings])
        return [w.render() for w in warnings]

    def write(self, rendered: list[Rendered], out_dir: Path) -> list[Path]:
        from humaskit.fsutil import atomic_write
        from humaskit.outdir import output_file

        written = []
        for r in rendered:
            target = output_file(out_dir, r.filename)
            atomic_write(target, r.data)
            written.append(target)
            if self.options.alt:
                atomic_write(target.with_suffix(".alt.txt"), r.alt + "\n")
        return written


def _spoken(text: str) -> str:
    """A field as a screen reader should hear it: list lines joined by semicolons, no bullets."""
    lines = [line.strip().lstrip("•*-–·").strip() for line in text.splitlines()]
    return "; ".join(line for line in lines if line)
