"""YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` drops positions; configuration errors must name ``file:line:col``.
We compose the node tree with the safe loader and convert it ourselves, recording the
position of each key and value under its key path (a tuple of keys and list indices).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from typing import Any

import yaml

from humaskit.errors import HumaskitError, Problem

try:  # libyaml's parser is several times faster; same safe constructors.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

Path = tuple
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


@dataclass
class Located:
    """A YAML document converted to plain Python, with positions by key path."""

    value: Any
    source: str
    positions: dict[Path, tuple[str, int, int]] = field(default_factory=dict)

    def where(self, path: Path) -> dict:
        """Keyword arguments for :class:`Problem` locating ``path`` (or its nearest parent)."""
        return where(self.positions, path, self.source)


def where(positions: dict, path: Path, default_source: str | None = None) -> dict:
    probe = tuple(path)
    while probe and probe not in positions:
        probe = probe[:-1]
    source, line, col = positions.get(probe, (default_source, None, None))
    return {"path": source, "line": line, "column": col, "key": dotted(path) or None}


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# PyYAML's problems, said the way a humas staff member can act on them.
_PROBLEMS = (
    ("did not find expected ',' or ']'", "daftar yang dibuka dengan '[' belum ditutup dengan ']'"),
    ("did not find expected ',' or '}'", "pemetaan yang dibuka dengan '{' belum ditutup dengan '}'"),
    ("mapping values are not allowed", "ada titik dua (:) yang tidak pada tempatnya; beri tanda kutip pada teks "
                                       "yang memuat titik dua"),
    ("found character that cannot start any token", "ada karakter yang tidak boleh di sini (misalnya tab untuk "
                                                    "indentasi; gunakan spasi)"),
    ("found unexpected end of stream", "tanda kutip belum ditutup"),
    ("did not find expected key", "indentasi tidak rata"),
    ("found undefined alias", "alias (*nama) merujuk ke jangkar (&nama) yang tidak ada"),
    ("could not find expected ':'", "baris ini perlu titik dua (kunci: nilai)"),
    ("did not find expected '-' indicator", "butir daftar harus diawali '- ' dengan indentasi yang sama"),
    ("could not determine a constructor", "tag YAML ini (misalnya !!python/...) tidak diizinkan; tulis nilainya "
                                          "sebagai teks biasa"),
    ("exceeded maximum nesting depth", f"susunan bersarang terlalu dalam (paling banyak {64} tingkat)"),
    ("found duplicate anchor", "nama jangkar (&nama) dipakai dua kali"),
    ("but found another document", "berkas ini memuat lebih dari satu dokumen YAML (---); pakai satu saja"),
)

# Budgets that keep a small hostile file from taking the machine: aliases that refer to
# aliases multiply ("billion laughs": 1 KB expands to gigabytes), and deep nesting
# exhausts the stack. Both are counted on the composed node tree before anything is built.
MAX_NODES = 100_000  # values after every alias is expanded; the shipped guideline has ~6,000
MAX_DEPTH = 64
_MERGE = "tag:yaml.org,2002:merge"
# The tags plain data needs; anything else (!!python/..., !!binary, custom !tags) is refused.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in
                        ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "merge"))


def _explain(problem: str) -> str:
    for english, indonesian in _PROBLEMS:
        if problem.startswith(english):
            return indonesian
    # Anything not listed yet: an Indonesian lead, with PyYAML's words kept for whoever helps.
    return f"susunan YAML tidak dapat dibaca di sini (keterangan teknis: {problem})" if problem else \
        "susunan YAML tidak dapat dibaca di sini"


def _check_tree(root, source: str) -> None:
    """Refuse a tree over the budgets, and duplicate keys at any depth (a merged-in key
    that the mapping overrides is not a duplicate). Visits at most MAX_NODES nodes."""
    def refuse(node, message, key=None):
        _, line, col = _pos(node)
        raise HumaskitError([Problem(message, path=source, line=line, column=col, key=key)])

    visited = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        visited += 1
        if visited > MAX_NODES:
            refuse(node, f"YAML terlalu besar setelah alias (*nama) diuraikan: lebih dari {MAX_NODES:,} nilai "
                         "(alias yang merujuk alias lain berlipat ganda). Tulis nilainya langsung.".replace(",", "."))
        if depth > MAX_DEPTH:
            refuse(node, f"YAML bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat).")
        if node.tag not in _PLAIN_TAGS:
            refuse(node, f"Tag YAML '{node.tag.replace('tag:yaml.org,2002:', '!!')}' tidak diizinkan; tulis nilainya sebagai teks, daftar, atau "
                         "pemetaan biasa.")
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    stack.append((value_node, depth + 1))
                    continue
                if isinstance(key_node, yaml.ScalarNode):
                    if (key_node.tag, key_node.value) in seen:
                        refuse(key_node, f"Kunci '{key_node.value}' ditulis dua kali.")
                    seen.add((key_node.tag, key_node.value))
                stack.append((key_node, depth + 1))
                stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _compose(loader, source: str):
    try:
        node = loader.get_single_node()
    except RecursionError:  # deeper than the parser's own stack
        raise HumaskitError([Problem(f"YAML bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat).",
                                     path=source)]) from None
    if node is not None:
        _check_tree(node, source)
    return node


def load_plain(text: str, source: str = "<yaml>"):
    """Plain Python values of one YAML document, under the same budgets and duplicate-key
    rule as :func:`load_located` (for callers that need no positions)."""
    loader = _Loader(text)
    try:
        node = _compose(loader, source)
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def load_located(text: str, source: str) -> Located:
    """Parse one YAML document; raise :class:`HumaskitError` with its position if it is malformed."""
    loader = _Loader(text)
    try:
        node = _compose(loader, source)
        located = Located(None, source)
        if node is not None:
            located.value = _convert(loader, node, (), located.positions, source)
        return located
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise HumaskitError([Problem(
            f"YAML tidak valid: {_explain(exc.problem or exc.context or '')}.",
            path=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )]) from None
    except yaml.reader.ReaderError as exc:  # a control character such as NUL, or bytes that are not text
        raise HumaskitError([Problem(
            f"YAML tidak valid: berkas memuat karakter yang tidak boleh ada di YAML "
            f"(kode U+{exc.character:04X} pada posisi {exc.position + 1})." if isinstance(exc.character, int)
            else "YAML tidak valid: berkas memuat karakter yang tidak boleh ada di YAML.", path=source)]) from None
    except yaml.YAMLError as exc:
        raise HumaskitError([Problem(f"YAML tidak valid: {exc}.", path=source)]) from None
    finally:
        loader.dispose()


def _pos(node, source=None) -> tuple:
    return source, node.start_mark.line + 1, node.start_mark.column + 1


def _convert(loader, node, path, positions, source):
    positions.setdefault(path, _pos(node, source))
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        merged: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:  # "<<: *base" or "<<: [*a, *b]" (earlier ones win)
                sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for base in reversed(sources):
                    if not isinstance(base, yaml.MappingNode):
                        _, line, col = _pos(base)
                        raise HumaskitError([Problem("'<<' hanya dapat menggabungkan pemetaan (kunci: nilai).",
                                                     path=source, line=line, column=col)])
                    merged.update(_convert(loader, base, path, positions, source))
                continue
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                _, line, col = _pos(key_node)
                raise HumaskitError([Problem("Kunci YAML harus berupa teks.", path=source,
                                             line=line, column=col)])
            if key in out:
                _, line, col = _pos(key_node)
                raise HumaskitError([Problem(f"Kunci '{key}' ditulis dua kali.", path=source,
                                             line=line, column=col, key=dotted(path + (key,)))])
            positions[path + (key,)] = _pos(key_node, source)
            out[key] = _convert(loader, value_node, path + (key,), positions, source)
        return {**merged, **out} if merged else out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, path + (i,), positions, source) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:  # PyYAML builds unquoted dates itself: 2026-11-31 raises a bare ValueError
        _, line, col = _pos(node)
        message = (f"tanggal '{node.value}' tidak ada di kalender." if _DATE_LIKE.match(str(node.value))
                   else f"nilai '{node.value}' tidak dapat dibaca.")
        raise HumaskitError([Problem(message, path=source, line=line, column=col,
                                     key=dotted(path) or None)]) from None
