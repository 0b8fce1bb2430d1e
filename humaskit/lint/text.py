"""Tokenising a caption once, for every rule: words, hashtags, mentions, URLs, emoji.

All spans are absolute offsets into the draft's text. URLs, e-mail addresses, mentions,
hashtags and HTML comments are masked (replaced by spaces) before words are taken, so
no word rule ever looks inside them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from humaskit.lint.matching import lazy_pattern, whole_word_offsets, WORD

# Top-level domains a bare address (tasikmalayakota.go.id) is recognised by.
_TLD = r"(?:go\.id|co\.id|ac\.id|or\.id|id|com|net|org|info|ly|me|gl)\b"
URL = lazy_pattern(rf"(?:https?://|www\.)[^\s<>\"'()]+|\b(?:[a-z0-9-]+\.)+{_TLD}(?:/[^\s<>\"'()]*)?", re.I)
EMAIL = lazy_pattern(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Hashtags and mentions; what may stand before them is checked in code, as a leading
# lookbehind makes a regex scan the whole caption several times slower.
HASHTAG = lazy_pattern(r"#\w+")
MENTION = lazy_pattern(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
COMMENT = lazy_pattern(r"<!--.*?-->", re.S)
TRAILING = ".,;:!?)]}'\""
_APOSTROPHE = lazy_pattern("['’]")

# Emoji: pictographs, symbols and flags; a sequence joined by ZWJ or with modifiers is one emoji.
_EMOJI_CORE = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF\u3030\u303D\u3297\u3299]"
EMOJI = lazy_pattern(
    r"(?:[\U0001F1E6-\U0001F1FF]{2})"
    rf"|{_EMOJI_CORE}[\uFE0F\U0001F3FB-\U0001F3FF]*(?:\u200D{_EMOJI_CORE}[\uFE0F\U0001F3FB-\U0001F3FF]*)*"
)
# One character of an emoji sequence, as EMOJI reads them (for looking back over one).
EMOJI_PART = lazy_pattern(rf"{_EMOJI_CORE}|[\U0001F1E6-\U0001F1FF\uFE0F\u200D\U0001F3FB-\U0001F3FF]")


# Every emoji lies above U+2000. (Written as a negated class: the same class written as
# the range up to U+10FFFF takes milliseconds to compile, at every start.)
_HIGH_CHAR = lazy_pattern("[^\x00-\u1fff]")
# Every URL holds one of these: a scheme, "www." or a dot before a known top-level domain.
# (Three separate looks: one case-insensitive alternation scans a caption several times slower.)
_TLD_HINT = lazy_pattern(rf"\.{_TLD}", re.I)
_WWW = lazy_pattern(r"www\.", re.I)


def trim_url(start: int, end: int, text: str) -> int:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


def html_comments(text: str, start: int = 0):
    """Spans of the HTML comments in ``text`` from ``start``, as ``COMMENT.finditer`` finds them,
    in one pass: once a ``<!--`` has no ``-->`` after it, no later one has either (the regex
    would scan to the end of the text from every unclosed ``<!--``)."""
    find = text.find
    i = find("<!--", start)
    while i != -1:
        j = find("-->", i + 4)
        if j == -1:
            return
        yield i, j + 3
        i = find("<!--", j + 3)


def _email_spans(caption: str) -> list[tuple[int, int]]:
    """What ``EMAIL.finditer`` finds, but the pattern is tried once per "@", from the start of
    the address characters before it: tried from every position, it rescans a long word once
    per letter."""
    spans: list[tuple[int, int]] = []
    done = 0
    find = caption.find
    i = find("@")
    while i != -1:
        start = i
        while start > done and (caption[start - 1].isalnum() or caption[start - 1] in "_.+-"):
            start -= 1
        m = EMAIL.match(caption, start) if start < i else None
        if m:
            spans.append(m.span())
            done = m.end()
            i = find("@", done)
        else:
            i = find("@", i + 1)
    return spans


def _unclaimed(taken: list[tuple[int, int]], spans) -> list[tuple[int, int]]:
    """The ``spans`` (in text order, not overlapping each other) that overlap none of ``taken``
    (sorted and disjoint, so only the last one starting before a span's end can overlap it)."""
    starts = [s for s, _ in taken]
    free = []
    for s, e in spans:
        k = bisect_left(starts, e) - 1
        if k < 0 or taken[k][1] <= s:
            free.append((s, e))
    return free


# No link is longer: a longer run without a space is not looked into, as the domain part of
# the pattern backtracks over a long chain of dotted labels once per label.
_LONGEST_URL = 4096


def _url_spans(caption: str) -> list[tuple[int, int]]:
    """What ``URL.finditer`` finds, but the pattern is tried only from the start of the
    whitespace-separated chunks that hold a sign of an address ("://", "www.", ".go.id"...).

    A URL never spans whitespace, so every match lies inside such a chunk; running the
    pattern over the whole caption instead costs more than the rest of tokenising."""
    hints = [m.start() for m in _TLD_HINT.finditer(caption)]
    i = caption.find("://")
    while i != -1:
        hints.append(i)
        i = caption.find("://", i + 1)
    if "www." in caption.lower():
        hints.extend(m.start() for m in _WWW.finditer(caption))
    if not hints:
        return []
    spans: list[tuple[int, int]] = []
    done = 0
    for hint in sorted(hints):
        if hint < done:
            continue
        start = hint
        while start > done and caption[start - 1] not in " \t\r\n":
            start -= 1
        end = hint
        while end < len(caption) and caption[end] not in " \t\r\n":
            end += 1
        if end - start <= _LONGEST_URL:
            spans.extend(m.span() for m in URL.finditer(caption, start, end))
        done = end
    return spans


class Tokens:
    """Every token kind of one caption, computed once and only when a rule asks.

    Speed matters here (every rule reads these): each kind is looked for only when its
    trigger character is present, and word offsets are built lazily; rules that look
    words up in a lexicon first intersect ``lower_words`` with it, so a clean draft costs
    one set operation.
    """

    def __init__(self, text: str, base: int) -> None:
        # The whole text with everything before ``base`` (the front matter) blanked, line breaks
        # kept: an offset in ``masked`` is an offset in the file's text, and the caption's first
        # line still starts a line.
        if base:
            text = "\n".join(" " * len(line) for line in text[:base].split("\n")) + text[base:]
        self.base = base
        self._offsets: dict[str, list[int]] = {}
        self.urls, self.emails, self.mentions, self.hashtags, self.comments = [], [], [], [], []
        taken: list[tuple[int, int]] = []  # spans already claimed, sorted, disjoint
        if "<!--" in text:
            taken = list(html_comments(text))
            self.comments = list(taken)
        if "@" in text:
            found = _unclaimed(taken, _email_spans(text))
            self.emails = list(found)
            taken = sorted(taken + found)
        urls = [(s, trim_url(s, e, text)) for s, e in _url_spans(text)]
        if urls:
            found = _unclaimed(taken, urls)
            self.urls = [(s, e, text[s:e]) for s, e in found]
            taken = sorted(taken + found)
        if "@" in text:
            spans = [m.span() for m in MENTION.finditer(text)
                     if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_@")]
            found = _unclaimed(taken, spans)
            self.mentions = [(s, e, text[s:e]) for s, e in found]
            taken = sorted(taken + found)
        if "#" in text:
            spans = [m.span() for m in HASHTAG.finditer(text) if m.end() - m.start() > 1 and (
                m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_&#"))]
            found = _unclaimed(taken, spans)
            self.hashtags = [(s, e, text[s:e]) for s, e in found]
            taken = sorted(taken + found)
        if taken:
            parts, last = [], 0
            for s, e in taken:
                parts.append(text[last:s])
                parts.append(" " * (e - s))
                last = e
            parts.append(text[last:])
            self.masked = "".join(parts)
        else:
            self.masked = text

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """Every word token with its offsets: the definition the faster lookups below
        (``lower_words``, ``find_words``, ``upper_words``) are tested against; no rule needs
        the whole list."""
        return [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.masked)]

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """Every word of the caption in lower case, for a quick "any hit at all?" test."""
        # Most chunks between spaces are one plain word; only the others (punctuation,
        # hyphens) need the tokeniser, which is several times slower than str.split.
        chunks = set(self.lower_chunks)
        odd = [c for c in chunks if not c.isalnum()]
        if odd:
            chunks.difference_update(odd)
            chunks.update(WORD.findall(" ".join(odd)))
        return frozenset(chunks)

    @cached_property
    def loose_words(self) -> frozenset[str]:
        """``lower_words`` plus the parts of words joined by an apostrophe ("x'senin" gives
        "senin" too): a word a pattern can match at its own word boundaries is always in here,
        so a rule may skip its scan when none of its words is."""
        if "'" not in self.masked and "’" not in self.masked:
            return self.lower_words
        parts = {p for w in self.lower_words if "'" in w or "’" in w for p in _APOSTROPHE.split(w) if p}
        return self.lower_words | parts

    @cached_property
    def lower_chunks(self) -> list[str]:
        """The lower-case masked caption split at whitespace (words with their punctuation)."""
        return self.lower_masked.split()

    @cached_property
    def lower_masked(self) -> str:
        """The masked caption in lower case, offset for offset (the few characters whose lower
        case is longer, such as 'İ', are left as they are)."""
        low = self.masked.lower()
        if len(low) != len(self.masked):
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.masked)
        return low

    def find_words(self, wanted) -> list[tuple[int, int, str]]:
        """The word tokens whose lower case is in ``wanted`` (a set of lower-case words), in
        text order, found with ``str.find`` so that a rule never walks every token."""
        wanted = self.lower_words.intersection(wanted)
        if not wanted:
            return []
        masked, offsets = self.masked, self.offsets
        found = [(i, i + len(word), masked[i:i + len(word)])
                 for word in wanted for i in offsets(word)]
        found.sort()
        return found

    def offsets(self, word: str) -> list[int]:
        """Where the lower-case ``word`` stands as a whole word, remembered:
        several rules look for the same common words."""
        try:
            return self._offsets[word]
        except KeyError:
            found = self._offsets[word] = whole_word_offsets(self.lower_masked, word)
            return found

    def upper_words(self) -> list[tuple[int, int, str]]:
        """The word tokens written in capitals (``str.isupper``), in text order.

        Only space-separated chunks that are not all lower case are tokenised, and offsets
        are found for the few words wanted, instead of building every word's tuple."""
        wanted = set()
        # most chunks are all lower case, and no word in those can be in capitals
        for chunk in {c for c in self.masked.split() if not c.islower()}:
            if chunk.isalnum():
                if chunk.isupper():
                    wanted.add(chunk)
            else:
                wanted.update(w for w in WORD.findall(chunk) if w.isupper())
        if not wanted:
            return []
        masked = self.masked
        found = [(i, i + len(word), word) for word in wanted for i in whole_word_offsets(masked, word)]
        found.sort()
        return found

    @cached_property
    def emoji(self) -> list[tuple[int, int]]:
        first = None if self.masked.isascii() else _HIGH_CHAR.search(self.masked)
        if first is None:
            return []
        return [(m.start(), m.end()) for m in EMOJI.finditer(self.masked, first.start())]


def sentence_start(text: str, offset: int, base: int) -> bool:
    """True when ``offset`` begins a sentence: caption start, after .!? or a blank line. Spaces,
    opening quotes and emoji before it do not count ("⚠️ PERINGATAN" opens its line)."""
    i = offset - 1
    while i >= base and (text[i] in " \t\"'(“‘" or (text[i] > "\u2000" and EMOJI_PART.match(text[i]))):
        i -= 1
    return i < base or text[i] in ".!?\n\r:•-–—*>"
