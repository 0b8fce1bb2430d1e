"""Small YAML documents (a draft's front matter, ``humaskit.yaml``), read the quickest way that
reads them right.

Almost every draft's front matter is a handful of ``key: value`` lines: plain words,
a flow list of platforms, a publish time, a quoted title. Reading those with PyYAML cost
as much as several rules together, and importing PyYAML was a noticeable part of start-up,
so :func:`read_simple` reads exactly that subset and returns ``None`` for anything else,
which then goes through PyYAML. For what it accepts it must give what ``yaml.safe_load``
gives; a property test holds it to that. :class:`Reading` is the one way both drafts and
``humaskit.yaml`` are read: the simple path, else PyYAML without positions, and positions
(:mod:`humaskit.yaml_located`) worked out only when a message needs them.
"""

from __future__ import annotations

import re

_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *")
# A plain scalar that YAML 1.1 resolves to a string for certain: it starts with a letter
# (so it is no number, date, indicator or tag) and holds no ':' or '#' (which could make it
# a mapping or a comment) and no control character. In a flow list, no flow indicator either.
_PLAIN = re.compile(r"[^\W\d_][^\x00-\x1f\x7f:#]*(?<![ \t])")
_PLAIN_ITEM = re.compile(r"[^\W\d_][^\x00-\x1f\x7f:#,\[\]{}]*(?<![ \t])")
# A publish time without seconds is a string in YAML 1.1 (its timestamp needs seconds).
_MINUTES = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# Plain words YAML 1.1 reads as booleans or null, in every casing it accepts.
_SPECIAL = frozenset(
    w for base in ("y", "yes", "n", "no", "true", "false", "on", "off", "null")
    for w in (base, base.capitalize(), base.upper())
) | {"~"}


def _scalar(value: str, plain: re.Pattern):
    """The string a one-line scalar stands for, or None when YAML might read it otherwise."""
    if value[:1] == '"':
        inner = value[1:-1]
        if len(value) >= 2 and value[-1] == '"' and '"' not in inner and "\\" not in inner \
                and inner.isprintable():
            return inner
        return None
    if value[:1] == "'":
        inner = value[1:-1]
        if len(value) >= 2 and value[-1] == "'" and "'" not in inner.replace("''", "") \
                and inner.isprintable():
            return inner.replace("''", "'")
        return None
    if value in _SPECIAL or not value.isprintable():
        return None
    if plain.fullmatch(value):
        return value
    if _MINUTES.fullmatch(value):
        return value
    return None


def read_simple(text: str) -> dict | None:
    """The front matter as a dict when it is simple one-line ``key: value`` pairs, else None."""
    out: dict = {}
    for line in text.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip(" ") or line[0] == "#":
            continue
        m = _LINE.fullmatch(line)
        if not m:
            return None
        key, value = m.group(1), m.group(2)
        if key in out or key in _SPECIAL:
            return None
        if not value:
            return None  # "key:" alone may open a nested block on the next lines
        if value[0] == "[":
            if value[-1] != "]":
                return None
            inner = value[1:-1].strip()
            items = []
            if inner:
                for part in inner.split(","):
                    item = _scalar(part.strip(), _PLAIN_ITEM)
                    if item is None:
                        return None
                    items.append(item)
            out[key] = items
            continue
        scalar = _scalar(value, _PLAIN)
        if scalar is None:
            return None
        out[key] = scalar
    return out


class Reading:
    """One small YAML document: its ``value``, and :meth:`where` a key path came from.

    ``first_line`` is the document's first line in its file (front matter starts after the
    opening ``---``), so every position is a line of the file. A malformed document raises
    :class:`~humaskit.errors.HumaskitError` at its exact position."""

    def __init__(self, text: str, source: str, first_line: int = 1) -> None:
        self.text, self.source, self.first_line = text, source, first_line
        self._located = None
        value = read_simple(text)
        if value is None:
            from humaskit.errors import HumaskitError
            from humaskit.yaml_located import load_plain

            try:
                value = load_plain(text, source)
            except HumaskitError:  # the located reading says what is wrong, and where
                value = self.located().value
        self.value = value

    def located(self):
        """The document read with the position of every value (PyYAML, slower), once."""
        if self._located is None:
            from dataclasses import replace

            from humaskit.errors import HumaskitError
            from humaskit.yaml_located import load_located

            shift = self.first_line - 1
            try:
                self._located = load_located(self.text, self.source)
            except HumaskitError as exc:
                raise HumaskitError([replace(p, line=p.line + shift) if p.line else p
                                     for p in exc.problems]) from None
        return self._located

    def where(self, path: tuple) -> dict:
        """``path``/``line``/``column``/``key`` of the value at a key path, lines of the file."""
        where = self.located().where(path)
        if where.get("line"):
            where["line"] += self.first_line - 1
        return where
