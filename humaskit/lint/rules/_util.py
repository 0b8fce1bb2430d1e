"""Small helpers shared by the rule modules."""

from __future__ import annotations


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
    """Find whole-word phrases fast: index each phrase by its first word and compare the
    phrase only where a token starts with that word. Longest phrase first at each token;
    matches do not overlap.

    A phrase matches as the pattern ``word\\s+word…(?![\\w-])`` would, compared with
    ``str.startswith`` on the (lower-cased) caption instead: no regular expression is
    compiled for the hundreds of names a guideline lists, nor run for each candidate.
    """

    def __init__(self, phrases, *, ignorecase: bool = True) -> None:
        from humaskit.lint.text import WORD

        self.ignorecase = ignorecase
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p)):
            words = WORD.findall(phrase)
            if not words:
                continue
            parts = tuple(part.lower() if ignorecase else part for part in phrase.split())
            key = words[0].lower() if ignorecase else words[0]
            self.first.setdefault(key, []).append((parts, phrase))
        self.first_words = frozenset(self.first)
        self.lower_first = frozenset(w.lower() for w in self.first)

    def __bool__(self) -> bool:
        return bool(self.first)

    def finditer(self, tokens):
        """Yield (start, end, text, phrase) with absolute offsets over a caption's tokens."""
        if self.lower_first.isdisjoint(tokens.lower_words):
            return
        first = self.first
        starts = tokens.find_words(self.lower_first)
        if self.ignorecase:
            text, key = tokens.lower_masked, str.lower
        else:
            text, key = tokens.masked, str
        masked, base = tokens.masked, tokens.base
        # Only phrases whose other parts occur somewhere in the caption are tried.
        viable: dict[str, list] = {}
        skip_to = -1
        for start, _, word in starts:
            if start < skip_to:
                continue
            word = key(word)
            candidates = viable.get(word)
            if candidates is None:
                candidates = viable[word] = [(parts, phrase) for parts, phrase in first.get(word, ())
                                             if len(parts) == 1 or parts[-1] in text and (
                                                 len(parts) == 2 or all(p in text for p in parts[1:-1]))]
            for parts, phrase in candidates:
                end = _phrase_end(text, start - base, parts)
                if end != -1:
                    skip_to = end + base
                    yield start, skip_to, masked[start - base:end], phrase
                    break


def _phrase_end(text: str, i: int, parts: tuple[str, ...]) -> int:
    """Where ``parts`` joined by whitespace end when they start at ``i`` as whole words, else -1."""
    n = len(text)
    for k, part in enumerate(parts):
        if k:
            if i >= n or not text[i].isspace():
                return -1
            i += 1
            while i < n and text[i].isspace():
                i += 1
        if not text.startswith(part, i):
            return -1
        i += len(part)
    if i < n and (text[i].isalnum() or text[i] in "_-"):
        return -1
    return i
