"""Word ownership: every word of the shipped word lists is reported by exactly one active rule,
whichever of the word-list rules a guideline or ``--ignore`` switches off (issue #11: with
``tone.profanity`` off, the words both the profanity and the informal lists hold were reported by
no rule)."""

from __future__ import annotations

from itertools import combinations

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint import lexicon
from humaskit.lint.engine import Linter

OWNER_IDS = [rule_id for rule_id, _ in lexicon.OWNERS]
SUBSETS = [frozenset(c) for n in range(len(OWNER_IDS) + 1) for c in combinations(OWNER_IDS, n)]


@pytest.fixture(scope="module")
def guideline():
    return load_guideline()


def _lists(guideline) -> dict[str, frozenset[str]]:
    return {rule_id: frozenset(listed(guideline)) for rule_id, listed in lexicon.OWNERS}


@pytest.mark.parametrize("off", SUBSETS, ids=lambda off: "+".join(sorted(off)) or "all-on")
def test_each_listed_word_has_one_owner_whatever_is_off(guideline, off):
    lists = _lists(guideline)
    active = [rule_id for rule_id in OWNER_IDS if rule_id not in off]  # in the declared order
    owned = {rule_id: lexicon.owned(guideline, rule_id, frozenset(active)) for rule_id in active}
    for word in frozenset().union(*lists.values()):
        listing = [rule_id for rule_id in active if word in lists[rule_id]]
        owners = [rule_id for rule_id in active if word in owned[rule_id]]
        assert len(owners) == (1 if listing else 0), (word, owners)
        if owners:  # the first active rule of the declared order that lists the word
            assert owners[0] == listing[0]


def test_the_lists_overlap_so_ownership_matters(guideline):
    lists = _lists(guideline)
    shared = lists["tone.profanity"] & lists["tone.informal-word"]
    assert len(shared) >= 5
    assert lists["terminology.kata-baku"] & lists["tone.informal-word"]


def _shared_words(guideline) -> list[str]:
    """Single words (letters only) that two or more lists hold: the words ownership decides."""
    lists = _lists(guideline)
    words = sorted(w for w in frozenset().union(*lists.values())
                   if w.isalpha() and sum(w in listed for listed in lists.values()) >= 2)
    return words


@pytest.mark.parametrize("off", [frozenset(), frozenset({"tone.profanity"}),
                                 frozenset({"tone.profanity", "tone.informal-word"}),
                                 frozenset({"terminology.kata-baku"})],
                         ids=lambda off: "+".join(sorted(off)) or "all-on")
def test_linting_reports_a_shared_word_once(guideline, off):
    """The same, through the real linter: a word two lists hold gets one finding, from the
    first active owner, and switching that owner off hands the word to the next."""
    linter = Linter(guideline, ignore=tuple(off), select=tuple(OWNER_IDS))
    lists = _lists(guideline)
    words = _shared_words(guideline)
    assert len(words) >= 10
    for word in words:
        caption = f"Warga menulis {word} di kolom komentar."
        result = linter.lint_text(caption, kind="post")
        start = caption.index(word)
        on_word = [f.rule for f in result.findings if f.start <= start < f.end]
        listing = [rule_id for rule_id in OWNER_IDS if rule_id not in off and word in lists[rule_id]]
        if listing:
            assert on_word == [listing[0]], (word, on_word)
        else:
            assert on_word == [], (word, on_word)
