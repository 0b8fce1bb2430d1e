"""False alarms of the grammar and spelling rules on real formal Indonesian nobody here wrote,
and recall on the informal side of the STIF pairs. Rates are printed (run with -s to see them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter

import language_corpora as corpora


@pytest.fixture(scope="module")
def checked():
    return Linter(load_guideline(), select=("grammar", "spelling"))


def _rate(linter, captions):
    flagged = [f for c in captions for f in linter.lint_text(c, kind="post").findings
               if f.severity in ("error", "warning")]
    words = corpora.word_count(captions)
    return 1000 * len(flagged) / words, words, flagged


@pytest.mark.parametrize("source", [
    "eyd-v",
    # The news article may not be redistributed; CI provides it and .ci/run fails without it.
    pytest.param("seed", marks=pytest.mark.skipif(not corpora.seed_available(),
                                                  reason="shared/seed/ not beside this clone (CI has it)")),
])
def test_edited_formal_text_has_under_one_alarm_per_1000_words(checked, source):
    captions = corpora.eyd_v() if source == "eyd-v" else corpora.seed()
    rate, words, flagged = _rate(checked, captions)
    print(f"\n{source}: {words} words, {len(flagged)} errors/warnings, {rate:.2f} per 1,000 words")
    assert words > (5000 if source == "eyd-v" else 500)
    assert rate < 1.0, [(f.rule, f.message) for f in flagged]


def _reviewed():
    """Flags on the STIF formal side that a reviewer checked and found to be real errors the
    annotators' rewrite kept (stif_formal_reviewed.tsv: rule, flagged text, excerpt, reason)."""
    path = Path(__file__).with_name("stif_formal_reviewed.tsv")
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[1:] if line]
    return [(rule, flagged, excerpt) for rule, flagged, excerpt, _ in rows]


def test_stif_formal_rewrites(checked):
    """The STIF formal side is customer-service tweets rewritten by annotators, and the rewrites
    keep real errors ("di tolak", "tangal", "jaringanya", "rp2000"). Raw flags are bounded loosely;
    false alarms (flags not in the reviewed list of real errors; any new flag counts as false)
    must stay under one per 1,000 words, as on edited text."""
    captions = corpora.stif("for", "train") + corpora.stif("for", "dev")
    rate, words, flagged = _rate(checked, captions)
    reviewed = _reviewed()
    false = []
    for caption in captions:
        for f in checked.lint_text(caption, kind="post").findings:
            if f.severity not in ("error", "warning"):
                continue
            text = caption[f.start:f.end]
            if not any(f.rule == rule and text == got and excerpt in caption for rule, got, excerpt in reviewed):
                false.append((f.rule, text, caption))
    false_rate = 1000 * len(false) / words
    print(f"\nSTIF formal: {words} words, {len(flagged)} errors/warnings ({rate:.2f} per 1,000 words), "
          f"{len(flagged) - len(false)} reviewed real errors, {len(false)} false alarms ({false_rate:.2f} per 1,000)")
    assert words > 20000
    assert rate < 2.5
    assert false_rate < 1.0, false


def test_stif_recall_informal_flagged_far_more_than_formal():
    # The language rules of every engine; hashtag/platform/visual rules judge the post, not its language.
    linter = Linter(load_guideline(), select=("tone", "terminology", "spelling", "grammar"))

    # STIF's formal rewrites keep the customer-service forms of address and chat words "kak", "min"
    # and "dm" (in 1 formal sentence in 6), which a government account's register reports as
    # informal (issue #11); they are left out of the formal side so that the comparison measures
    # the rest of the rules, as it did before those words were listed.
    kept = {"kak", "min", "dm"}

    def share(captions, ignore=frozenset()):
        hits = sum(1 for c in captions if any(f.severity in ("error", "warning")
                                              and c[f.start:f.end].lower() not in ignore
                                              for f in linter.lint_text(c, kind="post").findings))
        return hits / len(captions)

    informal, formal = share(corpora.stif("inf")), share(corpora.stif("for"), kept)
    print(f"\nSTIF train: informal sentences flagged {informal:.1%}, formal rewrites flagged {formal:.1%}")
    assert informal > 0.6
    assert informal > 2 * formal
