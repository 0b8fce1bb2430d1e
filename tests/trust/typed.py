"""STIF sentences as a person types them, for tests that measure recall on informal text.

STIF lines are tokenised and lower-cased; ``language_corpora.detokenize`` attaches the
punctuation, restores day and month names and replaces the placeholders. Typed text also
starts each sentence with a capital, which the rules that judge capitals (shouting, names,
the di-/ke- rule for capitalised words) need to see as a writer would produce it.
"""

from __future__ import annotations

import re

import language_corpora as corpora

_SENTENCE_START = re.compile(r"(^|[.!?]\s+)([^\W\d_])")


def capitalise_sentences(text: str) -> str:
    """Each sentence of ``text`` opening with a capital letter, as a writer types it."""
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)


def stif_typed(side: str, split: str) -> list[str]:
    """One side (``inf`` or ``for``) of a STIF split as typed text: detokenised, sentences capitalised."""
    return [capitalise_sentences(line) for line in corpora.stif(side, split)]
