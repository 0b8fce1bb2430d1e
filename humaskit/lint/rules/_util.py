"""Small helpers shared by the rule modules."""

from __future__ import annotations

import re


def match_case(original: str, replacement: str) -> str:
    """Keep the capital of the word being replaced (Praktek → Praktik)."""
    if replacement and original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def sentence_start(text: str, offset: int, base: int) -> bool:
    """True when ``offset`` begins a sentence: caption start, after .!? or a blank line."""
    i = offset - 1
    while i >= base and text[i] in " \t\"'(“‘":
        i -= 1
    return i < base or text[i] in ".!?\n\r:•-–—*>"


def phrase_regex(phrases, *, ignorecase: bool = True) -> re.Pattern | None:
    """One alternation over whole-word phrases, longest first so the longest match wins;
    spaces in a phrase match any run of spaces."""
    items = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not items:
        return None
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in items)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I if ignorecase else 0)


def plural(n: int, word: str) -> str:
    return f"{n} {word}"
