"""Per-word verdicts of a rule, remembered across drafts (word finding itself is
:func:`humaskit.lint.text.whole_word_offsets` and ``Tokens.find_words``)."""

from __future__ import annotations


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
