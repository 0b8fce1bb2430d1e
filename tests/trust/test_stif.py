"""Recall on informal text: the share of STIF dev sentences (customer-service tweets, typed as
written) that get at least one error or warning from the language rules. Run with -s for the rates."""

from __future__ import annotations

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter

from trust.typed import stif_typed

TARGET = 0.92


def _flagged_share(linter, captions):
    hits = [c for c in captions if any(f.severity in ("error", "warning")
                                       for f in linter.lint_text(c, kind="post").findings)]
    return len(hits) / len(captions), [c for c in captions if c not in set(hits)]


def test_stif_dev_informal_sentences_are_flagged():
    linter = Linter(load_guideline(), select=("tone", "terminology", "spelling", "grammar"))
    informal = stif_typed("inf", "dev")
    share, missed = _flagged_share(linter, informal)
    formal_share, _ = _flagged_share(linter, stif_typed("for", "dev"))
    print(f"\nSTIF dev (typed): {len(informal)} informal sentences, {share:.1%} flagged "
          f"(target {TARGET:.0%}); formal rewrites flagged {formal_share:.1%}")
    for caption in missed:
        print(f"  not flagged: {caption}")
    assert len(informal) == 214
    assert share >= TARGET
