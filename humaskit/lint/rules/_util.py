"""Small helpers shared by the rule modules."""

from __future__ import annotations

from humaskit.lint.text import EMOJI_PART


def match_case(original: str, replacement: str) -> str:
    """Keep the capital of the word being replaced (Praktek → Praktik)."""
    if replacement and original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def sentence_start(text: str, offset: int, base: int) -> bool:
    """True when ``offset`` begins a sentence: caption start, after .!? or a blank line. Spaces,
    opening quotes and emoji before it do not count ("⚠️ PERINGATAN" opens its line)."""
    i = offset - 1
    while i >= base and (text[i] in " \t\"'(“‘" or (text[i] > "\u2000" and EMOJI_PART.match(text[i]))):
        i -= 1
    return i < base or text[i] in ".!?\n\r:•-–—*>"
