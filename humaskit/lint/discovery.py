"""Which files ``humaskit lint`` reads: drafts named, found in folders or matched by a
pattern, and a clear problem (with advice) for every path that gives none."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from humaskit.lint.matching import lazy_pattern

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
_GLOB = lazy_pattern(r"[*?[]")
# What to do with a file that is not a draft, by its suffix (the advice humas staff need).
_NOT_A_DRAFT = {
    (".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages"):
        "Ini dokumen pengolah kata: salin takarir ke berkas .md atau .txt, lalu periksa berkas itu.",
    (".yaml", ".yml"):
        "Berkas YAML bukan draf: periksa pedoman dengan 'humaskit guideline check', rencana dengan "
        "'humaskit calendar build'.",
    (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"):
        "Gambar bukan draf: lampirkan lewat 'image:' di front matter draf, lalu periksa drafnya.",
    (".csv", ".xlsx", ".xls", ".ods"):
        "Tabel bukan draf: salin tiap takarir ke berkas .md atau .txt tersendiri.",
}


def not_a_draft_hint(path: str) -> str:
    """Advice for a path that lint will not read as a caption."""
    suffix = Path(path).suffix.lower()
    for suffixes, hint in _NOT_A_DRAFT.items():
        if suffix in suffixes:
            return hint
    return "Simpan takarir sebagai berkas .md atau .txt (atau kirim lewat masukan standar dengan -)."


def expand_paths(paths: Iterable[str]) -> tuple[list[str], list]:
    """Files to lint (directories walked for drafts, sorted) and problems for every path that
    gives none: a missing path, a pattern or folder that matches no draft, a file that is not
    a draft (its own linting would be nonsense, and --fix would rewrite it)."""
    import glob

    from humaskit.errors import Problem

    files, problems = [], []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(problems)
            found = _drafts_in(path, problems)
            if not found and len(problems) == before:
                problems.append(Problem("Tidak ada draf (.md atau .txt) di folder ini.", path=raw,
                                        hint="Periksa nama foldernya, atau sebutkan berkas drafnya langsung."))
            files.extend(found)
        elif path.exists():
            if path.suffix.lower() in DRAFT_SUFFIXES:
                files.append(str(path))
            else:
                problems.append(Problem("Bukan berkas draf: humaskit lint hanya membaca berkas .md dan .txt.",
                                        path=raw, hint=not_a_draft_hint(raw)))
        elif _GLOB.search(raw):  # a pattern the shell did not expand (quoted, or on Windows)
            matched = sorted(p for p in glob.glob(raw, recursive=True)
                             if Path(p).suffix.lower() in DRAFT_SUFFIXES and Path(p).is_file())
            if matched:
                files.extend(matched)
            else:
                problems.append(Problem("Tidak ada draf (.md atau .txt) yang cocok dengan pola ini.", path=raw))
        else:
            problems.append(Problem("Berkas atau folder tidak ditemukan.", path=raw,
                                    hint=_nearby(path)))
    return files, problems


def _nearby(path: Path) -> str | None:
    """'Did you mean' among the drafts and folders beside a mistyped path."""
    from humaskit.errors import did_you_mean

    parent = path.parent if str(path.parent) else Path(".")
    try:
        names = [p.name for p in parent.iterdir() if not p.name.startswith(".")][:1000]
    except OSError:
        return None
    return did_you_mean(path.name, names)


def _drafts_in(folder: Path, problems: list) -> list[str]:
    """Draft files under ``folder``, hidden folders and files skipped, in the order sorting
    their Path objects gives (os.scandir: several times faster than Path.rglob here). A
    folder that cannot be read becomes a problem, so no draft is skipped without a word."""
    import os

    from humaskit.errors import Problem, os_reason

    top = str(folder)
    prefix = "" if top == "." else top.rstrip(os.sep) + os.sep if top != os.sep else top
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(directory: str, parts: tuple[str, ...]) -> None:
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            problems.append(Problem(f"Folder tidak dapat dibaca ({os_reason(exc)}); draf di dalamnya tidak "
                                    "diperiksa.", path=directory))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, parts + (entry.name,))
            elif os.path.splitext(entry.name)[1].lower() in DRAFT_SUFFIXES and entry.is_file():
                key = parts + (entry.name,)
                found.append((key, prefix + os.sep.join(key)))

    walk(top, ())
    found.sort()
    return [path for _, path in found]
