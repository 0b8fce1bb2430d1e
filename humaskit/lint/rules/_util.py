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
        # lower-case first word → (first word as written in the phrase, parts, phrase),
        # longest phrase first
        self.first: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
        for phrase in sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p)):
            words = WORD.findall(phrase)
            if not words:
                continue
            parts = tuple(part.lower() if ignorecase else part for part in phrase.split())
            key = words[0].lower() if ignorecase else words[0]
            self.first.setdefault(words[0].lower(), []).append((key, parts, phrase))
        self.lower_first = frozenset(self.first)

    def __bool__(self) -> bool:
        return bool(self.first)

    def finditer(self, tokens):
        """Yield (start, end, text, phrase) with absolute offsets over a caption's tokens."""
        present = self.lower_first.intersection(tokens.lower_words)
        if not present:
            return
        lower = tokens.lower_masked
        text = lower if self.ignorecase else tokens.masked
        # Only phrases whose other parts occur somewhere in the caption are tried, and only
        # the first words of those are looked for.
        viable: dict[str, list] = {}
        for word in present:
            candidates = [(k, parts, phrase) for k, parts, phrase in self.first[word]
                          if len(parts) == 1 or parts[-1] in text and (
                              len(parts) == 2 or all(p in text for p in parts[1:-1]))]
            if candidates:
                viable[word] = candidates
        if not viable:
            return
        masked, base = tokens.masked, tokens.base
        skip_to = -1
        for start, end, written in tokens.find_words(viable):
            if start < skip_to:
                continue
            low = lower[start - base:end - base]  # the word as find_words matched it
            exact = low if self.ignorecase else written
            for k, parts, phrase in viable.get(low, ()):
                if k != exact:
                    continue
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
