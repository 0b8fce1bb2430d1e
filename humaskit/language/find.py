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
