"""Fixes that never make text worse.

Before a fix is offered (in the report, and to ``--fix``), it is tried on its sentence and the
sentence is linted again with the language rules. A fix after which the sentence has a finding
it did not have ("Buruan segera daftar" → "Segera segera daftar") is dropped: the finding stays,
as advice without a fix. The fixes of one sentence are tried together first, and one by one
only when the sentence got worse, so a clean check costs one lint of one sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from humaskit.lint.finding import Finding
from humaskit.lint.rules.readability import sentences

# The rules that judge the words of a sentence; the others judge the whole post.
LANGUAGE = ("tone", "terminology", "grammar", "spelling")


def checked_fixes(linter, draft, findings: list[Finding]) -> tuple[list[Finding], str | None]:
    """``findings`` with the fix removed from those whose fix makes their sentence worse, and a
    note for the report when the text was too long to check every fix."""
    body = draft.body_start
    text = draft.text
    spans = [piece for a, b in sentences(text[body:]) for piece in _pieces(text, body + a, body + b)]
    starts = [a for a, _ in spans]
    groups: dict[tuple[int, int], list[Finding]] = {}
    for f in findings:
        if f.fix is not None and f.start >= body:
            a, b = spans[max(0, bisect_right(starts, f.start) - 1)]
            if a <= f.start and f.end <= b:
                groups.setdefault((a, b), []).append(f)
    if not groups:
        return findings, None
    judge = linter.sentence_linter()
    worse: set[int] = set()
    checked = list(groups.items())
    for (start, end), group in checked[:_BUDGET]:
        worse.update(id(f) for f in _worse(judge, draft, text[start:end], start, group))
    note = None
    if len(checked) > _BUDGET:  # not a caption: its later fixes are not offered unchecked
        worse.update(id(f) for _, group in checked[_BUDGET:] for f in group)
        note = (f"Perbaikan otomatis hanya diperiksa dan ditawarkan untuk {_BUDGET} kalimat pertama; "
                f"teks ini lebih panjang dari takarir mana pun.")
    if not worse:
        return findings, note
    return [replace(f, fix=None) if id(f) in worse else f for f in findings], note


# Sentences with fixes checked per draft: an Instagram caption (2,200 characters) has fewer.
_BUDGET = 100
# Longer than any sentence: text without sentence ends is checked in pieces this long, cut at
# spaces, so the check stays linear in the length of the text.
_LONGEST = 400


def _pieces(text: str, first: int, last: int):
    while last - first > _LONGEST:
        cut = text.rfind(" ", first + _LONGEST // 2, first + _LONGEST)
        cut = cut if cut != -1 else first + _LONGEST
        yield first, cut
        first = cut
    yield first, last


def _worse(judge, draft, sentence: str, offset: int, group: list[Finding]) -> list[Finding]:
    before = _rules(judge, draft, sentence)
    together = _non_overlapping(group)
    if not _gains(before, _rules(judge, draft, _apply(sentence, offset, together)), together):
        return [f for f in group if f not in together and _alone_worse(judge, draft, sentence, offset, f, before)]
    return [f for f in group if _alone_worse(judge, draft, sentence, offset, f, before)]


def _alone_worse(judge, draft, sentence, offset, f, before) -> bool:
    return _gains(before, _rules(judge, draft, _apply(sentence, offset, [f])), [f])


def _gains(before: Counter, after: Counter, applied: list[Finding]) -> bool:
    """Whether some rule reports more in the fixed sentence than it did, less what was fixed."""
    expected = before - Counter(f.rule for f in applied)
    return any(count > expected[rule] for rule, count in after.items())


def _rules(judge, draft, sentence: str) -> Counter:
    result = judge.lint_text(sentence, draft.path, kind=draft.kind)
    return Counter(f.rule for f in result.findings)


def _non_overlapping(group: list[Finding]) -> list[Finding]:
    chosen, last_end = [], -1
    for f in sorted(group, key=lambda f: (f.start, f.end)):
        if f.start >= last_end:
            chosen.append(f)
            last_end = max(f.end, f.start + 1)
    return chosen


def _apply(sentence: str, offset: int, fixes: list[Finding]) -> str:
    for f in sorted(fixes, key=lambda f: f.start, reverse=True):
        sentence = sentence[:f.start - offset] + f.fix + sentence[f.end - offset:]
    return sentence
