"""Applying fixes: which fixes of a report go in together, and --fix repeated until the
draft no longer changes."""

from __future__ import annotations

from typing import Iterable

from humaskit.draft import Draft, parse_draft
from humaskit.lint.finding import Finding


def chosen_fixes(findings: Iterable[Finding]) -> list[Finding]:
    """The fixes --fix applies: non-overlapping, earliest first wins where two overlap."""
    chosen, last_end = [], -1
    for f in sorted((f for f in findings if f.fix is not None), key=lambda f: (f.start, f.end)):
        if f.start >= last_end:
            chosen.append(f)
            last_end = max(f.end, f.start + 1) if f.end == f.start else f.end
    return chosen


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """Apply non-overlapping fixes, earliest first wins where two overlap."""
    out = text
    for f in reversed(chosen_fixes(findings)):
        out = out[:f.start] + f.fix + out[f.end:]
    return out


def fix_text(linter, draft: Draft, max_passes: int = 5, changes: list | None = None) -> str:
    """Fix until nothing more changes, so running --fix again changes nothing. ``changes``, if
    given, receives (line, column, before, after) for each span replaced, as the pass saw it."""
    text = draft.text
    for _ in range(max_passes):
        current = parse_draft(text, draft.path, guideline=linter.guideline, agency=draft.agency,
                              platforms=list(draft.platforms), kind=draft.kind)
        chosen = chosen_fixes(linter.lint_draft(current).findings)
        fixed = apply_fixes(text, chosen)
        if fixed == text:
            break
        if changes is not None:
            changes.extend((f.line, f.column, text[f.start:f.end], f.fix) for f in chosen
                           if text[f.start:f.end] != f.fix)
        text = fixed
    return text
