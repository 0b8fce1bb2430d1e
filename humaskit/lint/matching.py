"""Every way a rule finds words and phrases in a caption, in one module.

Rules say *what* they look for (a word set, a phrase list, a per-word verdict) and this
module decides *how*: with ``str.find`` and set operations rather than a regular expression
per entry, as a caption is matched by some forty rules. Each matcher is held to a plain
regular-expression definition by the property tests in ``tests/test_matching.py`` and
``tests/test_properties.py``, so a faster scanner is a change here and nowhere else.
Offsets are absolute in the text the matcher is given.
"""

from __future__ import annotations

import re

# \w (not [^\W_]) because Python's engine is twice as fast on it; an underscore in a
# caption is rare and harmless inside a word.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")

_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regular expression compiled when it is first used. Compiling takes Python's regex
    compiler about 0.1 ms a pattern; the rules hold over a hundred, and a lint of one draft
    reaches only some of them (most wait behind a cheap test). Once compiled, its methods are
    the compiled pattern's own, as fast as calling them on it."""

    __slots__ = ("_source", "_flags", "_compiled") + _PATTERN_METHODS

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags

    def compiled(self) -> re.Pattern:
        try:
            return self._compiled
        except AttributeError:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for name in _PATTERN_METHODS:
                setattr(self, name, getattr(compiled, name))
            return compiled

    def __getattr__(self, name: str):
        # reached only for what is not set yet: a method before the first use, or an attribute
        # of the compiled pattern (pattern, flags, groups)
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def lazy_pattern(source: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(source, flags)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def continues_word(text: str, i: int, step: int) -> bool:
    """Whether a word touching position ``i`` goes on there, as WORD tokenises: ``i`` holds a
    word character, or a hyphen/apostrophe with another word character ``step`` further."""
    size = len(text)
    if i < 0 or i >= size:
        return False
    c = text[i]
    if _word_char(c):
        return True
    j = i + step
    return c in "-'’" and 0 <= j < size and _word_char(text[j])


def whole_word_offsets(text: str, needle: str) -> list[int]:
    """Offsets where ``needle`` (one word or several) stands in ``text`` as whole words
    (``continues_word`` is false on both sides; written out here, as it runs for every
    occurrence of every word a rule looks for)."""
    n, size = len(needle), len(text)
    found = []
    find = text.find
    i = find(needle)
    while i != -1:
        if i:
            c = text[i - 1]
            if c.isalnum() or c == "_" or (c in "-'’" and i >= 2 and (text[i - 2].isalnum() or text[i - 2] == "_")):
                i = find(needle, i + 1)
                continue
        j = i + n
        if j < size:
            c = text[j]
            if c.isalnum() or c == "_" or (c in "-'’" and j + 1 < size
                                           and (text[j + 1].isalnum() or text[j + 1] == "_")):
                i = find(needle, i + 1)
                continue
        found.append(i)
        i = find(needle, i + 1)
    return found


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
        self.ignorecase = ignorecase
        # lower-case first word → (first word as written in the phrase, parts, phrase, the
        # lower-case words of the phrase), longest phrase first
        self.first: dict[str, list[tuple[str, tuple[str, ...], str, frozenset[str]]]] = {}
        for phrase in sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p)):
            words = WORD.findall(phrase)
            if not words:
                continue
            parts = tuple(part.lower() if ignorecase else part for part in phrase.split())
            key = words[0].lower() if ignorecase else words[0]
            # Each part stands between spaces (the last one before a non-word character), so
            # where the phrase matches, every word of it is one of the caption's words.
            self.first.setdefault(words[0].lower(), []).append(
                (key, parts, phrase, frozenset(w.lower() for w in words)))
        self.lower_first = frozenset(self.first)

    def __bool__(self) -> bool:
        return bool(self.first)

    def finditer(self, tokens):
        """Yield (start, end, text, phrase) over a caption's tokens, offsets in the file's text."""
        present = self.lower_first.intersection(tokens.lower_words)
        if not present:
            return
        lower = tokens.lower_masked
        text = lower if self.ignorecase else tokens.masked
        # Only phrases all of whose words occur somewhere in the caption are tried, and only
        # the first words of those are looked for.
        words = tokens.loose_words
        viable: dict[str, list] = {}
        for word in present:
            candidates = [c for c in self.first[word] if c[3] <= words]
            if candidates:
                viable[word] = candidates
        if not viable:
            return
        masked = tokens.masked
        skip_to = -1
        for start, end, written in tokens.find_words(viable):
            if start < skip_to:
                continue
            low = lower[start:end]  # the word as find_words matched it
            exact = low if self.ignorecase else written
            for k, parts, phrase, _ in viable.get(low, ()):
                if k != exact:
                    continue
                end = _phrase_end(text, start, parts)
                if end != -1:
                    skip_to = end
                    yield start, end, masked[start:end], phrase
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


class PhrasePresence:
    """Whole-word, case-insensitive presence of any of a list of phrases (found with str.find)."""

    def __init__(self, phrases) -> None:
        self.phrases = tuple(" ".join(p.casefold().split()) for p in phrases if p.strip())

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def search(self, lower: str) -> bool:
        for phrase in self.phrases:
            i = lower.find(phrase)
            while i != -1:
                end = i + len(phrase)
                if (i == 0 or not lower[i - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()):
                    return True
                i = lower.find(phrase, i + 1)
        return False


class WordVerdicts:
    """Per-word answers of a rule, remembered across drafts.

    ``judge(word)`` returns a falsy value for a word the rule has nothing to say about. Those
    words go into a set, so for a draft the rule only looks at ``words - clean`` (one set
    difference in C) and, once warm, at nothing at all.
    """

    def __init__(self, judge) -> None:
        self.judge = judge
        self.clean: set[str] = set()
        self.flagged: dict[str, object] = {}

    def __call__(self, words) -> list[tuple[str, object]]:
        """(word, verdict) for the words of ``words`` that have something to report, sorted."""
        found = []
        for word in words - self.clean:
            verdict = self.flagged.get(word)
            if verdict is None:
                verdict = self.judge(word)
                if not verdict:
                    self.clean.add(word)
                    continue
                self.flagged[word] = verdict
            found.append((word, verdict))
        found.sort()
        return found
