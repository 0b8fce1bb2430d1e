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
)


def _explain(problem: str) -> str:
    for english, indonesian in _PROBLEMS:
        if problem.startswith(english):
            return indonesian
    return problem


def load_located(text: str, source: str) -> Located:
    """Parse one YAML document; raise :class:`HumaskitError` with its position if it is malformed."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
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
    except yaml.YAMLError as exc:
        raise HumaskitError([Problem(f"YAML tidak valid: {exc}.", path=source)]) from None
    finally:
        loader.dispose()


def _pos(node, source=None) -> tuple:
    return source, node.start_mark.line + 1, node.start_mark.column + 1


def _convert(loader, node, path, positions, source):
    positions.setdefault(path, _pos(node, source))
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves "<<" merge keys
        out: dict = {}
        for key_node, value_node in node.value:
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
        return out
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
