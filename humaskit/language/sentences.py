"""Indonesian sentences in a caption: where they end (not inside 07.00 or after "dr."), and a rough
count of syllables."""

from __future__ import annotations


# A sentence ends at . ! ? followed by a space, a quote or the end (not inside 07.00 or Rp25.000,
# not after "dr." or "No." before a name), or at a line break (captions put list items on lines).
_AFTER_END = frozenset(" \t\r\n\"'”’)")
_ABBREVIATIONS = frozenset(("dr", "drg", "ir", "prof", "no", "yth", "hlm", "dll", "dsb", "dst", "dkk", "st", "tgl",
                            "jl", "kel", "kec", "rt", "rw", "sdr", "bpk", "h", "hj", "s", "m", "a"))


def sentences(masked: str) -> list[tuple[int, int]]:
    """Sentence spans (offsets into ``masked``); a span may hold no word (a blank line).

    Found with ``str.find`` over the few end marks: cheaper than a regex scan of the caption.
    """
    n = len(masked)
    cuts = []
    for mark in ".!?\n":
        i = masked.find(mark)
        while i != -1:
            j = i + 1
            if mark == "\n" or j == n or masked[j] in _AFTER_END:
                cuts.append(j)
            i = masked.find(mark, j)
    cuts.sort()
    spans, start = [], 0
    for cut in cuts:
        if cut <= start:
            continue
        if masked[cut - 1] == "." and _abbreviation_at(masked, cut - 1):
            continue
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _abbreviation_at(masked: str, i: int) -> bool:
    """The dot at ``i`` closes an abbreviation (dr., No., a single capital), not a sentence.

    The word before the dot is looked for only within the 4 characters an abbreviation can
    have, not back to the start of the line."""
    low = i - 5 if i > 5 else 0
    k = max(masked.rfind(" ", low, i), masked.rfind("\n", low, i))
    if k == -1 and i > 4:
        return False  # a word of five characters or more
    word = masked[k + 1:i]
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def syllables(text: str) -> int:
    """Indonesian syllables in a text, roughly: one per vowel, a diphthong (ai, au, oi) counts once."""
    data = text.lower().encode()  # the vowels are ASCII, one byte each in UTF-8
    return len(data) - len(data.translate(None, b"aiueo")) - data.count(b"ai") - data.count(b"au") \
        - data.count(b"oi")
