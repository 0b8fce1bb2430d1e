"""Comments in a draft that switch rules off: ``<!-- humaskit-disable-next-line RULE -->``,
``<!-- humaskit-disable RULE -->`` … ``<!-- humaskit-enable RULE -->``; a rule is named as
--select names it (id, category, dotted prefix), or not at all for every rule."""

from __future__ import annotations

import re

from humaskit.draft import Draft, LineIndex
from humaskit.lint.matching import lazy_pattern
from humaskit.lint.registry import Rule, matches
from humaskit.lint.text import html_comments

_CONTROL = lazy_pattern(
    r"<!--\s*humaskit-(disable-next-line|disable|enable)\b([^>]*?)-->"
)


def suppressions(draft: Draft, lines: LineIndex) -> list:
    """Lines on which each rule pattern is switched off, from inline comments."""
    ranges: list[tuple[tuple, int, int]] = []  # (patterns, first line, last line)
    open_blocks: dict[tuple, int] = {}
    text = draft.text
    # Each comment is matched on its own (from its last "<!--", as a comment may quote one):
    # the pattern run over the whole caption rescans to the end from every unclosed "<!--".
    for start, end in html_comments(text, draft.body_start):
        m = _CONTROL.fullmatch(text, text.rfind("<!--", start, end), end)
        if not m:
            continue
        action = m.group(1)
        patterns = tuple(p for p in re.split(r"[\s,]+", m.group(2).strip()) if p) or ("*",)
        line, _ = lines.position(m.start())
        if action == "disable-next-line":
            ranges.append((patterns, line + 1, line + 1))
        elif action == "disable":
            open_blocks[patterns] = line
        else:
            for key in [k for k in open_blocks if k == patterns or patterns == ("*",)]:
                ranges.append((key, open_blocks.pop(key), line))
    for key, first in open_blocks.items():
        ranges.append((key, first, 10**9))
    return ranges


def is_suppressed(ranges, rule: Rule, line: int) -> bool:
    """Whether a comment switches ``rule`` off on ``line`` (``ranges`` from :func:`suppressions`)."""
    return any(first <= line <= last and matches(rule, patterns) for patterns, first, last in ranges)
