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


def mentions_any(ctx, words: frozenset) -> bool:
    """Whether the caption has any of ``words`` (lower case): one set operation, so a rule
    can return at once on the common clean draft before walking tokens with offsets."""
    return not words.isdisjoint(ctx.tokens.lower_words)


class PhraseIndex:
    """Find whole-word phrases fast: index each phrase by its first word, and try the
    phrase's anchored pattern only where a token starts with that word. Longest phrase
    first at each token; matches do not overlap."""

    def __init__(self, phrases, *, ignorecase: bool = True) -> None:
        from humaskit.lint.text import WORD

        self.ignorecase = ignorecase
        self.first: dict[str, list[tuple[re.Pattern, str]]] = {}
        for phrase in sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p)):
            words = WORD.findall(phrase)
            if not words:
                continue
            body = r"\s+".join(map(re.escape, phrase.split()))
            pattern = re.compile(rf"(?:{body})(?![\w-])", re.I if ignorecase else 0)
            key = words[0].lower() if ignorecase else words[0]
            self.first.setdefault(key, []).append((pattern, phrase))
        self.first_words = frozenset(self.first)

    def __bool__(self) -> bool:
        return bool(self.first)

    def finditer(self, tokens):
        """Yield (start, end, text, phrase) with absolute offsets over a caption's tokens."""
        first = self.first
        if self.ignorecase:
            if self.first_words.isdisjoint(tokens.lower_words):
                return
            starts = tokens.find_words(self.first_words)
            key = str.lower
        else:
            starts = tokens.words
            key = str
        masked, base = tokens.masked, tokens.base
        skip_to = -1
        for start, _, word in starts:
            if start < skip_to:
                continue
            for pattern, phrase in first.get(key(word), ()):
                m = pattern.match(masked, start - base)
                if m:
                    skip_to = m.end() + base
                    yield start, skip_to, m.group(), phrase
                    break
