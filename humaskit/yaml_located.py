"""YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` drops positions; configuration errors must name ``file:line:col``.
We compose the node tree with the safe loader and convert it ourselves, recording the
position of each key and value under its key path (a tuple of keys and list indices).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    # With ``keep_going``: values PyYAML could not build (kept as their text), so a caller can
    # report them together with everything else wrong in the document.
    problems: list[Problem] = field(default_factory=list)
    failed: set[Path] = field(default_factory=set)

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


# Budgets that keep a small hostile file from taking the machine: aliases that refer to
# aliases multiply ("billion laughs": 1 KB expands to gigabytes), and deep nesting
# exhausts the stack. Both are counted on the composed node tree before anything is built.
MAX_NODES = 100_000  # values after every alias is expanded; the shipped guideline has ~6,000
MAX_DEPTH = 64
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
# The tags plain data needs; anything else (!!python/..., !!binary, custom !tags) is refused.
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp",
                                                             "merge"))
_TAG_OF = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


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
    ("exceeded maximum nesting depth", f"susunan bersarang terlalu dalam (paling banyak {MAX_DEPTH} tingkat)"),
    ("found duplicate anchor", "nama jangkar (&nama) dipakai dua kali"),
    ("but found another document", "berkas ini memuat lebih dari satu dokumen YAML (---); pakai satu saja"),
    ("while scanning an alias", "tanda * harus diikuti nama jangkar (misalnya *dasar)"),
    ("while scanning an anchor", "tanda & harus diikuti nama jangkar (misalnya &dasar)"),
    ("found unknown escape character", "urutan garis miring terbalik (\\) dalam teks berkutip ganda tidak dikenal; "
                                      "pakai kutip tunggal"),
    ("expected <document start>", "ada teks di luar dokumen YAML; periksa indentasi baris ini"),
)

def _explain(*problems: str | None) -> str:
    """PyYAML's problem (or, failing that, its context) in Indonesian."""
    for problem in problems:
        for english, indonesian in _PROBLEMS:
            if problem and problem.startswith(english):
                return indonesian
    # Anything not listed yet: an Indonesian lead, with PyYAML's words kept for whoever helps.
    technical = "; ".join(p for p in problems if p)
    return f"susunan YAML tidak dapat dibaca di sini (keterangan teknis: {technical})" if technical else \
        "susunan YAML tidak dapat dibaca di sini"


def _check_tree(root, source: str) -> None:
    """Refuse a tree over the budgets, tags plain data does not need, and duplicate keys at
    any depth (a merged-in key that the mapping overrides is not a duplicate).

    Aliases share nodes, so the tree composed from a 1 KB "billion laughs" is small; it is
    walking it with every alias expanded, as building the values does, that never ends. The
    walk below expands aliases and stops after ten times the document's own nodes (at least
    MAX_NODES), so a bomb is refused in milliseconds and a large honest file is not."""
    def refuse(node, message, key=None):
        _, line, col = _pos(node)
        raise HumaskitError([Problem(message, path=source, line=line, column=col, key=key)])

    limit, counted = MAX_NODES, False
    visited = 0
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        visited += 1
        if visited > limit and not counted:  # counting the document's own nodes only pays off here
            limit, counted = max(MAX_NODES, 10 * _distinct_nodes(root)), True
        if visited > limit:
            refuse(node, f"YAML terlalu besar setelah alias (*nama) diuraikan: lebih dari {limit:,} nilai "
                         "(alias yang merujuk alias lain berlipat ganda). Tulis nilainya langsung.".replace(",", "."))
        if depth > MAX_DEPTH:
            refuse(node, f"YAML bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat).")
        if node.tag != _TAG_OF[type(node)] if type(node) in _TAG_OF else node.tag not in _SCALAR_TAGS:
            refuse(node, f"Tag YAML '{_shorten(node.tag.replace('tag:yaml.org,2002:', '!!'))}' tidak diizinkan; "
                         "tulis nilainya sebagai teks, daftar, atau pemetaan biasa.")
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    stack.append((value_node, depth + 1))
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    refuse(key_node, "Kunci YAML harus berupa teks, bukan daftar atau pemetaan.")
                if (key_node.tag, key_node.value) in seen:
                    refuse(key_node, f"Kunci '{_shorten(key_node.value)}' ditulis dua kali.")
                seen.add((key_node.tag, key_node.value))
                stack.append((value_node, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


def _distinct_nodes(root) -> int:
    """How many nodes the document itself holds (each alias target once)."""
    seen = {id(root)}
    stack = [root]
    while stack:
        node = stack.pop()
        children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else \
            node.value if isinstance(node, yaml.SequenceNode) else ()
        for child in children:
            if id(child) not in seen:
                seen.add(id(child))
                stack.append(child)
    return len(seen)


def _shorten(value: str, width: int = 40) -> str:
    return value if len(value) <= width else value[:width - 1] + "…"


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
    """Plain Python values of one YAML document, under the same budgets and rules as
    :func:`load_located`, faster, for callers that need no positions: any problem is a
    :class:`HumaskitError`, located only as far as PyYAML's own construction tells."""
    loader = _Loader(text)
    try:
        with _explained(text, source):
            node = _compose(loader, source)
            try:
                return None if node is None else loader.construct_document(node)
            except _CONSTRUCTION_ERRORS:  # load_located says which value and where
                raise HumaskitError([Problem("YAML memuat nilai yang tidak dapat dibaca.", path=source)]) from None
    finally:
        loader.dispose()


def load_located(text: str, source: str, *, keep_going: bool = False) -> Located:
    """Parse one YAML document; raise :class:`HumaskitError` with its position if it is malformed.
    ``keep_going``: a value that cannot be built (2026-12-32) goes to ``Located.problems`` instead."""
    loader = _Loader(text)
    try:
        with _explained(text, source):
            node = _compose(loader, source)
            located = Located(None, source)
            loader.collected = located if keep_going else None
            if node is not None:
                located.value = _convert(loader, node, (), located.positions, source)
            return located
    finally:
        loader.dispose()


@contextmanager
def _explained(text: str, source: str):
    """PyYAML's errors as a :class:`HumaskitError` in Indonesian, at ``source:line:column``."""
    try:
        yield
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise HumaskitError([Problem(
            f"YAML tidak valid: {_explain(exc.problem, exc.context)}.",
            path=source,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        )]) from None
    except yaml.reader.ReaderError as exc:  # a control character such as NUL, or bytes that are not text
        at = exc.position if isinstance(exc.position, int) else 0
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        code = f" (kode U+{exc.character:04X})" if isinstance(exc.character, int) else ""
        raise HumaskitError([Problem(
            f"YAML tidak valid: berkas memuat karakter yang tidak boleh ada di YAML{code}, karakter kendali "
            "yang tak terlihat; hapus karakter itu.", path=source, line=line, column=column)]) from None
    except yaml.YAMLError as exc:
        raise HumaskitError([Problem(f"YAML tidak valid: {_explain(str(exc))}.", path=source)]) from None


def _pos(node, source=None) -> tuple:
    return source, node.start_mark.line + 1, node.start_mark.column + 1


# What PyYAML's constructors raise for a value they cannot build (an impossible date
# 2026-11-31, "!!int abc", "!!bool maybe", "!!timestamp x"); a bare ValueError and friends.
_CONSTRUCTION_ERRORS = (ValueError, TypeError, AttributeError, KeyError, OverflowError, yaml.constructor.ConstructorError)


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
            key = _scalar(loader, key_node, path, source)  # a collection key was refused by _check_tree
            if key in out:
                _, line, col = _pos(key_node)
                raise HumaskitError([Problem(f"Kunci '{_shorten(str(key))}' ditulis dua kali.", path=source,
                                             line=line, column=col, key=dotted(path + (key,)))])
            positions[path + (key,)] = _pos(key_node, source)
            out[key] = _convert(loader, value_node, path + (key,), positions, source)
        return {**merged, **out} if merged else out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(loader, item, path + (i,), positions, source) for i, item in enumerate(node.value)]
    return _scalar(loader, node, path, source)


def _scalar(loader, node, path, source):
    if node.tag == _STR:  # most values: what PyYAML's str constructor returns, without its dispatch
        return node.value
    try:
        return loader.construct_object(node, deep=True)
    except _CONSTRUCTION_ERRORS:
        _, line, col = _pos(node)
        shown = _shorten(str(node.value))
        message = (f"tanggal '{shown}' tidak ada di kalender." if _DATE_LIKE.match(str(node.value))
                   else f"nilai '{shown}' tidak dapat dibaca.")
        problem = Problem(message, path=source, line=line, column=col, key=dotted(path) or None)
        if getattr(loader, "collected", None) is None:
            raise HumaskitError([problem]) from None
        loader.collected.problems.append(problem)
        loader.collected.failed.add(path)
        return str(node.value)
