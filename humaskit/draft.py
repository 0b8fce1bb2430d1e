"""Draft posts: optional YAML front matter, then the caption.

A draft keeps the original text untouched; everything downstream works in offsets into
it, so every finding points into the file exactly as the user wrote it (front matter,
CRLF, tabs, emoji and combining characters included).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from humaskit.errors import HumaskitError, Problem
from humaskit.frontmatter import Reading
from humaskit.guideline.spec import Context, Field, ListOf, MapOf, Moment, Section, Str
from humaskit.guideline.vocabulary import KINDS

MAX_DRAFT_BYTES = 1_000_000  # a caption is a few KB; anything this big is not a post
_FENCE = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)


FRONT_MATTER = Section(fields={
    "agency": Field(Str(), "Kunci perangkat daerah di pedoman."),
    "platforms": Field(ListOf(Str(), min_items=1), "Platform tujuan."),
    "publish": Field(Moment(), "Waktu tayang (waktu setempat), misalnya 2026-12-03T09:00."),
    "kind": Field(Str(choices=KINDS), "post, reply (jawaban pengaduan), atau crisis "
                  "(unggahan krisis: bencana, wabah, gangguan layanan)."),
    "event": Field(Str(), "Nama acara atau kejadian yang dibahas; draf perangkat daerah lain dengan nama yang "
                   "sama diperiksa keseragaman faktanya."),
    "campaign": Field(Str(), "Kunci kampanye di pedoman."),
    "image": Field(Str(), "Berkas gambar, relatif terhadap draf."),
    "alt": Field(Str(nonempty=False), "Teks alternatif gambar."),
    "title": Field(Str(), "Judul singkat (untuk kalender dan gambar)."),
    "lang": Field(Str(), "Bahasa takarir bila bukan bahasa Indonesia (misalnya en-US)."),
    "template": Field(Str(), "Templat gambar untuk `humaskit render`."),
    "fields": Field(MapOf(value=Str(nonempty=False)), "Isian templat gambar."),
})


@dataclass(frozen=True)
class LineIndex:
    """Offset → (line, column), both 1-based; columns count characters (code points). A
    byte-order mark opening the file belongs to the encoding: line 1 starts after it, as in an
    editor."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "LineIndex":
        starts = [1 if text.startswith("\ufeff") else 0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return line + 1, max(1, offset - self.starts[line] + 1)


@dataclass(frozen=True)
class Draft:
    path: str                      # as given by the user ("-" for standard input)
    text: str                      # the whole file, untouched
    body_start: int                # offset where the caption starts
    agency: str | None
    platforms: tuple[str, ...]
    kind: str
    campaign: str | None = None
    publish: datetime | None = None
    image: str | None = None
    alt: str | None = None
    title: str | None = None
    lang: str | None = None
    event: str | None = None
    template: str | None = None
    fields: dict = field(default_factory=dict)
    meta_offsets: dict = field(default_factory=dict)  # front-matter key → offset of the key

    @property
    def caption(self) -> str:
        return self.text[self.body_start:]

    @property
    def folder(self) -> Path:
        return Path(self.path).parent if self.path != "-" else Path.cwd()

    def image_path(self) -> Path | None:
        return (self.folder / self.image) if self.image else None

    def key_offset(self, key: str) -> int:
        """Offset of a front-matter key, or the caption start when the key is absent."""
        return self.meta_offsets.get(key, self.body_start)


def read_text(path: str | Path, *, what: str = "Draf") -> str:
    """A draft's text; a caption is a few KB, so a much bigger file is refused as the wrong one."""
    from humaskit.fsutil import read_user_text

    return read_user_text(path, what=what, max_bytes=MAX_DRAFT_BYTES,
                          too_big_hint="Takarir media sosial hanya beberapa KB: periksa apakah berkasnya benar.")


def parse_draft(text: str, path: str = "-", *, guideline=None, agency: str | None = None,
                platforms: list[str] | None = None, kind: str | None = None) -> Draft:
    """Split front matter from the caption and validate it against the guideline.

    Command-line values (``agency``, ``platforms``, ``kind``) fill in what the front matter
    leaves out; the guideline's defaults fill in the rest.
    """
    meta: dict = {}
    offsets: dict = {}
    body_start = 0
    opening = _FENCE.match(text)
    reading = None
    if opening:
        close = _CLOSE.search(text, opening.end())
        if not close:
            raise HumaskitError.single("Front matter dibuka dengan '---' tetapi tidak ditutup.", path=path, line=1)
        yaml_text = text[opening.end():close.start()]
        first_line = text.count("\n", 0, opening.end()) + 1
        reading = Reading(yaml_text, path, first_line)
        meta = reading.value
        if meta is not None and not isinstance(meta, dict):
            raise HumaskitError.single("Front matter harus berupa pemetaan YAML (kunci: nilai).",
                                       path=path, line=first_line)
        meta = meta or {}
        body_start = close.end()
        if text.startswith("\r\n", body_start):
            body_start += 2
        elif text.startswith("\n", body_start):
            body_start += 1
        fm_start = opening.end()
        for m in _TOP_KEY.finditer(yaml_text):
            if m.group(1) in offsets:
                reading.located()  # raises: libyaml keeps the last duplicate silently
            offsets[m.group(1)] = fm_start + m.start(1)

    ctx = Context()
    clean = FRONT_MATTER.check(meta, (), ctx)
    if guideline is not None and not ctx.issues:
        _check_against_guideline(clean, guideline, ctx)
    if ctx.issues:
        raise HumaskitError([
            Problem(issue.message, hint=issue.hint,
                    **(reading.where(issue.path) if reading else {"path": path, "key": ".".join(map(str, issue.path))}))
            for issue in ctx.issues])

    defaults = guideline["defaults"] if guideline is not None else {}
    # No default agency: assuming one would tell every other agency to add its hashtags.
    chosen_agency = clean["agency"] or agency
    chosen_platforms = clean["platforms"] or platforms or defaults.get("platforms") or []
    if guideline is not None:
        if agency and not clean["agency"]:
            _check_cli_value(guideline, "agency", agency)
        if platforms and not clean["platforms"]:
            _check_cli_value(guideline, "platform", platforms)
    return Draft(
        path=path, text=text, body_start=body_start,
        agency=chosen_agency, platforms=tuple(chosen_platforms),
        kind=clean["kind"] or kind or defaults.get("kind") or "post",
        campaign=clean["campaign"], publish=clean["publish"], image=clean["image"], alt=clean["alt"],
        title=clean["title"], lang=clean["lang"], event=clean["event"], template=clean["template"],
        fields=clean["fields"],
        meta_offsets=offsets,
    )


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)", re.M)


def _check_against_guideline(clean: dict, guideline, ctx: Context) -> None:
    checks = [(("agency",), "agency", clean["agency"]), (("campaign",), "campaign", clean["campaign"])]
    checks[1:1] = [(("platforms", i), "platform", name) for i, name in enumerate(clean["platforms"] or [])]
    for at, what, name in checks:
        if problem := guideline.unknown(what, name):
            ctx.error(at, *problem)


def _check_cli_value(guideline, what: str, value) -> None:
    from humaskit.errors import did_you_mean

    known = guideline.agencies if what == "agency" else guideline.platforms
    for name in ([value] if isinstance(value, str) else value):
        if name not in known:
            label = "Perangkat daerah" if what == "agency" else "Platform"
            raise HumaskitError.single(f"{label} '{name}' (dari opsi --{what}) tidak ada di pedoman.",
                                       hint=did_you_mean(name, known))


def load_draft(path: str | Path, **options) -> Draft:
    return parse_draft(read_text(path), str(path), **options)
