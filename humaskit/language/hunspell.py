"""A small reader for Hunspell dictionaries: enough of the format for hunspell-id.

It parses ``.aff`` (``PFX``/``SFX`` with conditions and continuation flags, ``FLAG long``,
``CIRCUMFIX``, ``NEEDAFFIX``) and ``.dic`` once, and answers "is this word a form the
dictionary generates?" by stripping affixes, the way Hunspell itself looks words up:
at most one prefix and two suffixes, the outer suffix (a clitic such as -nya) allowed by
the inner one's continuation flags, a prefix allowed by the stem's flags or by the
suffix's continuation flags (the circumfixes me-kan, pe-an, ke-an of Indonesian).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Affix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern | None   # tested on the stem's start (prefix) or end (suffix)
    cont: frozenset                # continuation flags of the affixed form
    cross: bool


class Dictionary:
    """Stems with their flags, and the affix table to derive forms from them."""

    def __init__(self, aff_path: Path, dic_path: Path) -> None:
        aff = aff_path.read_bytes()
        self.encoding = _encoding(aff)
        self.long_flags = False
        self.circumfix = ""
        self.needaffix = ""
        self.prefixes: dict[str, list[Affix]] = {}   # by added text
        self.suffixes: dict[str, list[Affix]] = {}
        self._parse_aff(aff.decode(self.encoding))
        self.stems: dict[str, frozenset] = {}
        self._parse_dic(dic_path.read_bytes().decode(self.encoding))
        self._prefix_lens = sorted({len(a) for a in self.prefixes})
        self._suffix_lens = sorted({len(a) for a in self.suffixes})
        # Suffixes that may stand outside another suffix (clitics such as -nya after -kan).
        self._outer = frozenset(f for affixes in self.suffixes.values() for a in affixes for f in a.cont)

    # --- parsing ---------------------------------------------------------------------------

    def _flags(self, text: str) -> frozenset:
        if self.long_flags:
            return frozenset(text[i:i + 2] for i in range(0, len(text) - 1, 2))
        return frozenset(text)

    def _parse_aff(self, text: str) -> None:
        headers: dict[str, tuple[str, bool]] = {}
        for raw in text.splitlines():
            parts = raw.split("#", 1)[0].split()
            if not parts:
                continue
            key = parts[0]
            if key == "FLAG":
                self.long_flags = parts[1] == "long"
            elif key == "CIRCUMFIX":
                self.circumfix = parts[1]
            elif key == "NEEDAFFIX":
                self.needaffix = parts[1]
            elif key in ("PFX", "SFX") and len(parts) >= 4:
                flag = parts[1]
                if flag not in headers:   # header line: PFX flag cross count
                    headers[flag] = (key, parts[2] == "Y")
                    continue
                strip = "" if parts[2] == "0" else parts[2]
                add, _, cont = parts[3].partition("/")
                add = "" if add == "0" else add
                condition = parts[4] if len(parts) > 4 else "."
                affix = Affix(flag, strip, add, _condition(condition, key == "PFX"),
                              self._flags(cont), headers[flag][1])
                table = self.prefixes if key == "PFX" else self.suffixes
                table.setdefault(add, []).append(affix)

    def _parse_dic(self, text: str) -> None:
        stems = self.stems
        # Few distinct flag sets are shared by 31,000 stems: one object per distinct set keeps
        # the parse, the memory and the cached (pickled) copy small.
        shared: dict[frozenset, frozenset] = {}
        by_text: dict[str, frozenset] = {"": frozenset()}
        for line in text.splitlines()[1:]:
            word, _, raw = line.strip().partition("/")
            if not word:
                continue
            key = raw.split()[0] if raw else ""
            flags = by_text.get(key)
            if flags is None:
                flags = by_text[key] = shared.setdefault(self._flags(key), self._flags(key))
            if word in stems:
                merged = stems[word] | flags
                flags = shared.setdefault(merged, merged)
            stems[word] = flags

    # --- lookup ----------------------------------------------------------------------------

    def _stem_ok(self, stem: str, need: str, *extra: str) -> bool:
        flags = self.stems.get(stem)
        return flags is not None and need in flags and all(f in flags for f in extra)

    def _suffix_forms(self, word: str):
        """(stem, suffix) pairs: the word minus one suffix whose condition holds."""
        n = len(word)
        for k in self._suffix_lens:
            if k >= n:
                break
            for affix in self.suffixes.get(word[n - k:] if k else "", ()):
                stem = word[:n - k] + affix.strip
                if affix.condition is None or affix.condition.search(stem):
                    yield stem, affix

    def _prefix_forms(self, word: str):
        n = len(word)
        for k in self._prefix_lens:
            if k >= n:
                break
            for affix in self.prefixes.get(word[:k], ()):
                stem = affix.strip + word[k:]
                if affix.condition is None or affix.condition.match(stem):
                    yield stem, affix

    def lookup(self, word: str) -> bool:
        """True when the dictionary generates exactly this form."""
        flags = self.stems.get(word)
        if flags is not None and self.needaffix not in flags:
            return True
        if self._suffixed(word, None):
            return True
        for rest, prefix in self._prefix_forms(word):
            if not prefix.add:
                continue
            circ = self.circumfix in prefix.cont
            if not circ and self._stem_ok(rest, prefix.flag):
                return True
            if self._suffixed(rest, prefix):
                return True
        return False

    def _suffixed(self, word: str, prefix: Affix | None) -> bool:
        """The word is stem + suffix (+ outer suffix), optionally under ``prefix``."""
        circ = self.circumfix
        pcirc = prefix is not None and circ in prefix.cont
        for stem, sfx in self._suffix_forms(word):
            if not sfx.add and prefix is None:
                continue  # an empty suffix only carries a circumfix's prefix (ber-henti)
            scirc = circ in sfx.cont
            flags = self.stems.get(stem)
            if flags is not None and sfx.flag in flags and scirc == pcirc:
                if prefix is None or prefix.flag in sfx.cont or (
                        prefix.flag in flags and prefix.cross and sfx.cross):
                    return True
            if sfx.flag not in self._outer:
                continue
            # twofold: stem + inner suffix, then this (outer) suffix allowed by the inner one
            for inner_stem, inner in self._suffix_forms(stem):
                if not inner.add or sfx.flag not in inner.cont:
                    continue
                iflags = self.stems.get(inner_stem)
                if iflags is None or inner.flag not in iflags:
                    continue
                icirc = circ in inner.cont
                if prefix is None and not icirc:
                    return True
                if prefix is not None and icirc == pcirc and (
                        prefix.flag in inner.cont or prefix.flag in iflags):
                    return True
        return False


def _encoding(aff: bytes) -> str:
    m = re.search(rb"^SET\s+(\S+)", aff, re.M)
    name = m.group(1).decode("ascii").lower() if m else "iso8859-1"
    return {"iso8859-1": "latin-1", "utf-8": "utf-8"}.get(name, name)


def _condition(text: str, prefix: bool) -> re.Pattern | None:
    if text == ".":
        return None
    # Hunspell conditions are regex character classes; hunspell-id writes "[^l^r]" meaning
    # "neither l nor r", so a caret inside a negated class is dropped.
    pattern = re.sub(r"\[\^([^\]]*)\]", lambda m: "[^" + m.group(1).replace("^", "") + "]", text)
    return re.compile(pattern) if prefix else re.compile(f"(?:{pattern})$")
