"""The caption as rules match it: what a reader sees, with offsets back to the file.

A word hides from a rule behind characters a reader never notices: a zero-width space or a
soft hyphen inside it (``g\\u200bak``), fullwidth or "bold" mathematical letters (``ｇａｋ``), a
Cyrillic or Greek look-alike (``gаk``), an accent written as a separate combining mark. Rules
match on a *view* of the text in which invisible characters are removed, compatibility letters
folded (NFKC, only where the result is a plain Latin letter or digit), look-alike letters folded
to Latin inside Latin words, and accents composed (NFC). Every span a rule reports is mapped
back to the original text and widened to whole grapheme clusters (the characters a reader
sees), so findings point at the file as written and a fix never splits a character.

Only the caption is normalised; the front matter keeps its offsets. A plain ASCII caption,
nearly every one, takes a fast path: its view is the text itself.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from humaskit.lint.matching import lazy_pattern

# Characters a reader does not see: C0/C1 controls and DEL (tab and line breaks excepted),
# format characters (zero-width, soft hyphen, bidirectional controls, tags), Hangul fillers,
# variation selectors. Joiners and selectors inside an emoji sequence stay (see _kept).
_HIDDEN = lazy_pattern(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_ASCII_CONTROL = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Marks that belong to the character before them: kept after an emoji (👨‍👩, ❤️, 1️⃣, flag
# tags), hidden after a letter or digit of the Latin, Greek or Cyrillic scripts.
_JOINERS = lazy_pattern("[\u034f\u200c\u200d\ufe00-\ufe0f\U000e0000-\U000e0fff]")
# Letters NFKC may fold (fullwidth, mathematical, letterlike, ligatures) and the Greek and
# Cyrillic blocks whose look-alikes are folded inside Latin words.
_FOLDABLE = lazy_pattern("[\u0370-\u03ff\u0400-\u052f\u2100-\u214f\ufb00-\ufb06\uff10-\uff19\uff21-\uff3a"
                       "\uff41-\uff5a\U0001d400-\U0001d7ff]")
_SCRIPTS = lazy_pattern("[\u0370-\u03ff\u0400-\u052f]")
# Greek and Cyrillic letters drawn like a Latin one (from Unicode's confusables list).
CONFUSABLE = {
    **dict(zip("аеорсухѕіјһԁԛԝӏ", "aeopcyxsijhdqwl")),
    **dict(zip("АВЕКМНОРСТХУЅІЈԚԜҮӀ", "ABEKMHOPCTXYSIJQWYI")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοαινκρυϲϳ", "ABEZHIKMNOPTYXoaivkpucj")),
}
_CATEGORY_FOLDED = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Nd"))


@lru_cache(maxsize=4096)
def _compat(c: str) -> str | None:
    """The plain Latin letters or digits NFKC folds ``c`` into (ｇ→g, 𝐠→g, ﬁ→fi), else None:
    folding symbols (½, ², ™, …) would change what the text says, not only how it is drawn."""
    if unicodedata.category(c) not in _CATEGORY_FOLDED:
        return None
    folded = unicodedata.normalize("NFKC", c)
    return folded if folded != c and folded.isascii() and folded.isalnum() else None


# --- grapheme clusters ---------------------------------------------------------------------

def _extend(c: str) -> bool:
    """Grapheme_Cluster_Break Extend, SpacingMark or ZWJ, roughly: marks, joiners, selectors,
    emoji skin tones and tags."""
    o = ord(c)
    return unicodedata.category(c) in ("Mn", "Me", "Mc") or o in (0x200C, 0x200D) \
        or 0x1F3FB <= o <= 0x1F3FF or 0xE0020 <= o <= 0xE007F


def _pictographic(c: str) -> bool:
    o = ord(c)
    return 0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or 0x2300 <= o <= 0x23FF or 0x2B00 <= o <= 0x2BFF \
        or o in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299)


def _regional(c: str) -> bool:
    return "\U0001F1E6" <= c <= "\U0001F1FF"


def _hangul(c: str) -> str:
    """Hangul syllable type: L, V, T, LV, LVT, or '' for any other character."""
    o = ord(c)
    if 0x1100 <= o <= 0x115F or 0xA960 <= o <= 0xA97C:
        return "L"
    if 0x1160 <= o <= 0x11A7 or 0xD7B0 <= o <= 0xD7C6:
        return "V"
    if 0x11A8 <= o <= 0x11FF or 0xD7CB <= o <= 0xD7FB:
        return "T"
    if 0xAC00 <= o <= 0xD7A3:
        return "LV" if (o - 0xAC00) % 28 == 0 else "LVT"
    return ""


def _control(c: str) -> bool:
    return c in "\r\n" or (unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cf") and c not in "\u200c\u200d"
                           and not 0xE0020 <= ord(c) <= 0xE007F)


def grapheme_boundary(text: str, i: int) -> bool:
    """Whether offset ``i`` lies between two grapheme clusters (Unicode UAX #29, simplified:
    CR LF, controls, extending marks and joiners, emoji ZWJ sequences, flag pairs, Hangul)."""
    if i <= 0 or i >= len(text):
        return True
    before, after = text[i - 1], text[i]
    if before.isascii() and after.isascii():
        return not (before == "\r" and after == "\n")
    if before == "\r" and after == "\n":
        return False
    if _control(before) or _control(after):
        return True
    if _extend(after):
        return False
    if before == "\u200d" and _pictographic(after):
        return False
    if _regional(before) and _regional(after):
        run, j = 0, i - 1
        while j >= 0 and _regional(text[j]):
            run, j = run + 1, j - 1
        return run % 2 == 0
    h1, h2 = _hangul(before), _hangul(after)
    if h1 and h2:
        return not ((h1 == "L" and h2 in ("L", "V", "LV", "LVT")) or (h1 in ("LV", "V") and h2 in ("V", "T"))
                    or (h1 in ("LVT", "T") and h2 == "T"))
    return True


def _cluster_end(text: str, i: int, stop: int) -> int:
    j = i + 1
    while j < stop and not grapheme_boundary(text, j):
        j += 1
    return j


# --- the view ------------------------------------------------------------------------------

@dataclass
class View:
    """The text rules see (``text``, caption from ``base``) and the way back to ``original``.

    ``edits`` are the replaced stretches in text order, as (view start, view end, original
    start, original end); between them the view is a copy of the original."""

    original: str
    text: str
    base: int
    edits: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: list[int] = field(default_factory=list)  # original offsets of the invisible characters left out
    mixed: list[tuple[int, int, str | None]] = field(default_factory=list)  # mixed-script words, Latin form

    def __post_init__(self) -> None:
        self._ascii = self.original.isascii()
        self._starts: list[int] = []          # clusters of several characters met so far
        self._clusters: dict[int, int] = {}   # their start → end

    def span(self, start: int, end: int) -> tuple[int, int, bool]:
        """Original (start, end) of the view span, widened to whole grapheme clusters, and
        whether it is exact: the same characters, so a fix written for it fits the original."""
        if not self.edits:
            return self.snap(start, end)
        s, exact_start = self._edge(start, True)
        e, exact_end = self._edge(end, False) if end > start else (s, exact_start)
        s, e, exact = self.snap(s, max(s, e))
        return s, e, exact and exact_start and exact_end

    def snap(self, start: int, end: int) -> tuple[int, int, bool]:
        """(start, end) of the original text widened to grapheme boundaries; True if unchanged."""
        original = self.original
        s, e = start, end
        if self._ascii:  # the one cluster of two ASCII characters: CR LF
            if 0 < s < len(original) and original[s] == "\n" and original[s - 1] == "\r":
                s -= 1
            if 0 < e < len(original) and original[e] == "\n" and original[e - 1] == "\r":
                e += 1
        else:
            if not grapheme_boundary(original, s):
                s = self._around(s)[0]
            if not grapheme_boundary(original, e):
                e = self._around(e)[1]
        return s, e, s == start and e == end

    def _around(self, i: int) -> tuple[int, int]:
        """The cluster that offset ``i`` (not a boundary) lies inside, remembered: a hostile
        cluster of thousands of marks would otherwise be walked again for every span in it."""
        k = bisect_right(self._starts, i) - 1
        if k >= 0 and i < self._clusters[self._starts[k]]:
            start = self._starts[k]
            return start, self._clusters[start]
        original = self.original
        s, e = i - 1, i + 1
        while not grapheme_boundary(original, s):
            s -= 1
        while not grapheme_boundary(original, e):
            e += 1
        insort(self._starts, s)
        self._clusters[s] = e
        return s, e

    def cluster(self, i: int) -> tuple[int, int]:
        """The grapheme cluster of the original text that holds offset ``i``."""
        s, e, _ = self.snap(i, i + 1)
        return s, e

    def _edge(self, v: int, is_start: bool) -> tuple[int, bool]:
        """Original offset of a view boundary ``v``: a span's start (the character at ``v``
        begins there) or end (the character before ``v`` ends there)."""
        edits = self.edits
        if v >= len(self.text) and is_start:
            return len(self.original), True
        k = bisect_right(edits, (v, float("inf"))) - 1 if is_start else \
            bisect_right(edits, (v - 1, float("inf"))) - 1
        if k < 0:
            return v, True
        vs, ve, os_, oe = edits[k]
        at = v if is_start else v - 1
        if at < ve:  # inside a replaced stretch: only its edges are exact
            return (os_, v == vs) if is_start else (oe, v == ve)
        return v - ve + oe, True


def matching_view(text: str, base: int) -> View:
    """The view of ``text`` whose caption starts at ``base`` (the text itself when nothing in
    the caption needs changing, as in nearly every draft)."""
    caption = text[base:]
    if caption.isascii():
        if not _ASCII_CONTROL.search(caption):
            return View(text, text, base)
    elif unicodedata.is_normalized("NFC", caption) and not _HIDDEN.search(caption) \
            and not _FOLDABLE.search(caption):
        return View(text, text, base)
    replaced: dict[int, str] = {}  # original offset → what the view shows instead ("" = nothing)
    hidden: list[int] = []
    owner = (-2, -1)  # (last joiner, the character it belongs to): a run of joiners is walked once
    for m in _HIDDEN.finditer(text, base):
        i = m.start()
        if _JOINERS.match(text, i):
            owner = (i, _owner(text, i, base, owner))
            if _kept(text[i], text[owner[1]] if owner[1] >= base else ""):
                continue
        replaced[i] = ""
        if i or text[i] != "\ufeff":  # a byte-order mark opening the file is the encoding's
            hidden.append(i)
    mixed = _fold_words(text, base, replaced)
    clusters: list[tuple[int, int, str]] = []
    if not unicodedata.is_normalized("NFC", caption):
        for m in re.finditer(r"\S+", caption):
            if not unicodedata.is_normalized("NFC", m.group()):
                clusters.extend(_composed(text, m.start() + base, m.end() + base, replaced))
    return _build(text, base, replaced, clusters, hidden, mixed)


def _owner(text: str, i: int, base: int, last: tuple[int, int]) -> int:
    """Offset of the character the joiner or selector at ``i`` is attached to (before it, past
    other marks), or -1."""
    j = i - 1
    while j >= base and (_JOINERS.match(text, j) or unicodedata.category(text[j]) in ("Mn", "Me", "Mc")):
        if j == last[0]:
            return last[1]
        j -= 1
    return j if j >= base else -1


def _kept(mark: str, owner: str) -> bool:
    """A joiner or selector stays when it belongs to an emoji (or to a letter of a script that
    needs joiners); after a Latin, Greek or Cyrillic letter or digit it only hides the word."""
    if not owner:
        return False
    latin_like = ord(owner) < 0x0530 or _compat(owner) is not None
    if "\ufe00" <= mark <= "\ufe0f":
        return not (owner.isalpha() and latin_like)  # a keycap (1️⃣) keeps its selector
    return not (owner.isalnum() and latin_like)


def _fold_words(text: str, base: int, replaced: dict[int, str]) -> list:
    """Fold compatibility letters, and look-alike letters in words that are Latin or written
    only in look-alikes; return the words that mix Latin with Greek or Cyrillic letters, with
    their Latin spelling when every foreign letter has a Latin twin."""
    mixed = []
    done = base
    size = len(text)
    for m in _FOLDABLE.finditer(text, base):
        i = m.start()
        if i < done:
            continue
        c = m.group()
        compat = _compat(c)
        if compat is not None:
            replaced[i] = compat
            continue
        if not _SCRIPTS.match(c):
            continue
        start, end = i, i + 1
        while start > done and _in_word(text[start - 1]):
            start -= 1
        while end < size and _in_word(text[end]):
            end += 1
        done = end
        word = text[start:end]
        latin = _LATIN.search(word) is not None
        twins = all(ch in CONFUSABLE for ch in _SCRIPTS.findall(word))
        if latin or twins:
            for k in _TWINS.finditer(text, start, end):
                replaced[k.start()] = CONFUSABLE[k.group()]
            for k in _FOLDABLE.finditer(text, start, end):
                if _compat(k.group()) is not None:
                    replaced[k.start()] = _compat(k.group())
        if latin:
            mixed.append((start, end, word.translate(_LATIN_SPELLING) if twins else None))
    return mixed


# Latin letters (ASCII, accented, fullwidth, mathematical) that make a word a Latin one.
_LATIN = lazy_pattern("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff21-\uff3a\uff41-\uff5a"
                    "\U0001d400-\U0001d6a5]")
_TWINS = lazy_pattern("[" + "".join(CONFUSABLE) + "]")
_INSIDE_WORD = frozenset("_\u00ad\u034f\u200b\u200c\u200d\u2060\ufeff")
_LATIN_SPELLING = str.maketrans({**CONFUSABLE, **dict.fromkeys(_INSIDE_WORD - {"_"})})


def _in_word(c: str) -> bool:
    return c.isalnum() or c in _INSIDE_WORD or unicodedata.category(c) in ("Mn", "Mc")


def _composed(text: str, start: int, end: int, replaced: dict[int, str]):
    """(start, end, NFC form) of the grapheme clusters between ``start`` and ``end`` that NFC
    changes, with the characters already replaced in them replaced first."""
    i = start
    while i < end:
        j = _cluster_end(text, i, end)
        cluster = text[i:j]
        if not unicodedata.is_normalized("NFC", cluster):
            shown = "".join(replaced.get(k, text[k]) for k in range(i, j))
            yield i, j, unicodedata.normalize("NFC", shown)
        i = j


def _build(text: str, base: int, replaced: dict[int, str], clusters, hidden, mixed) -> View:
    """Apply the replacements (single characters and whole clusters) in one pass."""
    stretches = [(s, e, shown) for s, e, shown in clusters]
    inside = {k for s, e, _ in clusters for k in range(s, e)}
    stretches += [(i, i + 1, shown) for i, shown in replaced.items() if i not in inside]
    stretches.sort()
    parts, edits = [], []
    last = view_len = 0
    for s, e, shown in stretches:
        parts.append(text[last:s])
        view_len += s - last
        parts.append(shown)
        edits.append((view_len, view_len + len(shown), s, e))
        view_len += len(shown)
        last = e
    parts.append(text[last:])
    return View(text, "".join(parts), base, edits, hidden, mixed)


# --- showing text on a terminal ------------------------------------------------------------

# What a terminal must never receive raw from a caption, a path or a message: C0 and C1
# controls and DEL (ESC starts sequences that recolour, retitle or clear it; a line break
# forges a report line), line and paragraph separators, bidirectional controls.
_UNSAFE = lazy_pattern("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Documentation examples also show the invisible characters a rule is about.
_UNSEEN = lazy_pattern("[\x00-\x08\x0a-\x1f\x7f-\x9f\xad\u061c\u200b\u200c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _escaped(m: re.Match) -> str:
    o = ord(m.group())
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def printable(text: str, *, invisible: bool = False) -> str:
    """``text`` with the characters a terminal would obey instead of show written as escapes
    (``\\x1b``, ``\\u202e``); with ``invisible``, zero-width characters too. A tab stays."""
    pattern = _UNSEEN if invisible else _UNSAFE
    return pattern.sub(_escaped, text) if pattern.search(text) else text
