"""Finding whole words in a caption with ``str.find``: on the few words a rule cares about this
is much cheaper than walking every word token of the caption."""

from __future__ import annotations


def is_word_char(c: str) -> bool:
    return c.isalnum() or c in "-_'’"


def occurrences(lower: str, word: str):
    """Offsets of ``word`` (lower case) in ``lower`` as a whole word, not part of a longer one."""
    n = len(word)
    i = lower.find(word)
    while i != -1:
        end = i + n
        if (i == 0 or not is_word_char(lower[i - 1])) and (end == len(lower) or not is_word_char(lower[end])):
            yield i
        i = lower.find(word, i + 1)
