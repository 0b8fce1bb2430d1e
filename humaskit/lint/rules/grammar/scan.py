"""What several grammar rules find in one draft, and how they look for it.

Patterns run over the caption with URLs, e-mail addresses, mentions, hashtags and comments blanked
out (``tokens.masked``), so offsets stay those of the file and nothing inside a link is ever "fixed".
"""

from __future__ import annotations

import re
from functools import cached_property
from itertools import compress, islice
from operator import eq

from humaskit.lint import running
from humaskit.lint.finding import Hit
from humaskit.lint.matching import continues_word, lazy_pattern, whole_word_offsets


class _Scan:
    """What several rules need from one draft, found once with cheap string operations and
    only when a rule asks (the caption's word tokens are never built here)."""

    def __init__(self, tokens) -> None:
        self.tokens = tokens
        self.lower = tokens.lower_masked

    @cached_property
    def numbers(self) -> list[int]:
        """Offsets of 1–3 digit numbers standing alone and followed by a word."""
        masked = self.tokens.masked
        pattern = _NUMBER_WORD_ASCII if masked.isascii() else _NUMBER_WORD
        return [m.start() for m in pattern.finditer(masked) if starts_word(masked, m.start())]

    @cached_property
    def doubles(self) -> list[int]:
        """Offsets of a word written twice in a row ("anak anak", "yang yang")."""
        lower = self.lower
        parts = self.tokens.lower_chunks
        # The chunks equal to the next one, picked out in C (compress over a map of eq).
        twice = {a for a in compress(parts, map(eq, parts, islice(parts, 1, None))) if a.isalpha()}
        if not twice:
            return []
        found = []
        for word in sorted(twice):
            found.extend(whole_word_offsets(lower, f"{word} {word}"))
        return sorted(found)

    @cached_property
    def twos(self) -> list[int]:
        """Offsets of "anak2" forms: a letter, then 2, then the end of the word."""
        lower, found = self.lower, []
        i = lower.find("2")
        while i != -1:
            if i > 1 and lower[i - 1].isalpha() and not continues_word(lower, i + 1, 1):
                j = i
                while j > 0 and lower[j - 1].isalpha():
                    j -= 1
                if i - j >= 2 and starts_word(lower, j):
                    found.append(j)
            i = lower.find("2", i + 1)
        return found


# A 1–3 digit number followed by a word: where dates and sentence-opening numbers start.
# The ASCII form means the same on an ASCII caption and scans one about twice as fast.
_NUMBER_WORD = lazy_pattern(r"\d\d?\d?(?=[ \t]+[^\W\d_])")
_NUMBER_WORD_ASCII = lazy_pattern(r"[0-9][0-9]?[0-9]?(?=[ \t]+[A-Za-z])")


def scan(ctx) -> _Scan:
    return ctx.per_draft("mechanics.scan", lambda c: _Scan(c.tokens))


def anchored(pattern: re.Pattern, text: str, needles, haystack: str | None = None, starts=None):
    """Matches of ``pattern`` starting where one of ``needles`` occurs at a word start, in order.

    ``str.find`` locates the few candidate places and the regex only runs there: scanning a
    whole caption with a large alternation, or with a leading ``\\b``, costs more than all
    the finds together. ``haystack`` (for example the lower-cased text) is where the needles
    are looked for; ``starts`` decides what a word start is (``starts_word`` by default).
    """
    starts = starts or starts_word
    haystack = text if haystack is None else haystack
    places = []
    for needle in needles:
        i = haystack.find(needle)
        while i != -1:
            places.append(i)
            i = haystack.find(needle, i + 1)
    end = -1
    for i in sorted(places):
        if i < end or not starts(text, i):
            continue
        m = pattern.match(text, i)
        if m is not None:
            end = m.end()
            yield m


def starts_word(text: str, i: int) -> bool:
    """Nothing word-like right before ``i``. Checked in Python on the few matches: a leading
    lookbehind makes a regex several times slower to scan a caption."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_.,/:")


def baku_words(guideline) -> frozenset[str]:
    """Words (and phrases) that terminology.kata-baku or tone.informal-word already report."""
    from humaskit.lint import lexicon

    return frozenset(lexicon.kata_baku(guideline)) | frozenset(lexicon.informal(guideline))


def rewrites(ctx, matches, fixed, message: str):
    """A hit with its fix for each match outside a regional-language passage."""
    for m in matches:
        if not running.in_passage(ctx, m.start()):
            fix = fixed(m)
            yield Hit(m.start(), m.end(), message.format(fix), fix)
