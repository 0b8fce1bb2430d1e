"""Small helpers shared by the rule modules."""

from __future__ import annotations

from unicodedata import category


def match_case(original: str, replacement: str) -> str:
    """Keep the capital of the word being replaced (Praktek → Praktik)."""
    if replacement and original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


# emoji, their variation selectors and joiners, and other pictographs
_SYMBOLS = frozenset(("So", "Sk", "Mn", "Cf"))


def sentence_start(text: str, offset: int, base: int) -> bool:
    """True when ``offset`` begins a sentence: caption start, after .!? or a blank line. Spaces,
    opening quotes and emoji before it do not count ("⚠️ PERINGATAN" opens its line)."""
    i = offset - 1
    while i >= base and (text[i] in " \t\"'(“‘" or (text[i] > "\u2000" and category(text[i]) in _SYMBOLS)):
        i -= 1
    return i < base or text[i] in ".!?\n\r:•-–—*>"
