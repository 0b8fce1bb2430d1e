"""Fixes that never make text worse.

Before a fix is offered (in the report, and to ``--fix``), it is applied to the words around it
(three each side, inside its sentence) and they are linted again with the language rules. A fix
after which they have a finding they did not have ("Buruan segera daftar" → "Segera segera
daftar") is dropped: the finding stays, as advice without a fix. All the windows of a draft are
linted together, with every fix applied, and compared with the draft's own findings; only a window
that seems worse is linted again as it was written (out of its sentence it may read differently),
and only one that really got worse is tried fix by fix. A clean draft costs one short lint.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from humaskit.draft import Draft
from humaskit.lint.context import LintContext
from humaskit.lint.finding import Finding
from humaskit.lint.fixing import chosen_fixes
from humaskit.lint.matching import lazy_pattern, WORD

# The rules that judge the words of a sentence; the others judge the whole post.
LANGUAGE = ("tone", "terminology", "grammar", "spelling")
# Language rules a fix cannot set off are left out of the check: each declares it (``local=False``
# in its @rule), as fixes are words, or spacing and punctuation made standard, and those rules
# judge numbers, spacing and characters, what a window of words does not show, or call a server.


def checked_fixes(linter, draft, findings: list[Finding]) -> tuple[list[Finding], str | None]:
    """``findings`` with the fix removed from those whose fix makes the words around it worse,
    and a note for the report when the text was too long to check every fix."""
    body = draft.body_start
    text = draft.text
    windows: list[list] = []  # [start, end, fixes]: the words around fixes, merged where they meet
    fixes = sorted((f for f in findings if f.fix is not None and f.start >= body), key=lambda f: f.start)
    unchecked: list[Finding] = []
    for i, f in enumerate(fixes):
        start, end = _around(text, body, f)
        if windows and windows[-1][1] >= start and not _END.search(text, windows[-1][1] - 1, start + 1) \
                and max(end, windows[-1][1]) - windows[-1][0] <= _WIDEST:
            windows[-1][1] = max(windows[-1][1], end)
            windows[-1][2].append(f)
        elif len(windows) == _BUDGET:  # not a caption: its later fixes are not offered unchecked
            unchecked = fixes[i:]
            break
        else:  # windows never overlap, so each finding of the draft counts in one of them
            start = max(start, windows[-1][1]) if windows else start
            if start > f.start:
                unchecked.append(f)  # a fix inside the previous, full window: not offered unchecked
                continue
            windows.append([start, end, [f]])
    if not windows:
        return findings, None
    judge = linter.sentence_linter()
    worse: set[int] = {id(f) for f in unchecked}
    checked = [((start, end), group) for start, end, group in windows]
    for (start, end), group in _gaining(judge, draft, text, checked, findings):
        worse.update(id(f) for f in _worse(judge, draft, text[start:end], start, group))
    note = None
    if unchecked:
        note = (f"Perbaikan otomatis hanya diperiksa dan ditawarkan untuk {_BUDGET} bagian pertama; "
                f"teks ini lebih panjang dari takarir mana pun.")
    if not worse:
        return findings, note
    return [replace(f, fix=None) if id(f) in worse else f for f in findings], note


# Words each side of a fix that its check reads: enough for a doubled word, a phrase, a particle;
# never past the end of a sentence, nor further than _REACH characters.
_CONTEXT = 3
_REACH = 80
_WIDEST = 400  # a window holding many fixes (text with no sentences) is cut, so checks stay linear
_END = lazy_pattern(r"[.!?](?=\s)|\n")
# Windows checked per draft: an Instagram caption (2,200 characters) has fewer fixes.
_BUDGET = 100


def _around(text: str, body: int, f: Finding) -> tuple[int, int]:
    """From the _CONTEXT-th word before the fix to the end of the _CONTEXT-th after, inside
    its sentence."""
    start = _plain_start(text, max(body, f.start - _REACH), f.start)
    end = _plain_end(text, f.end, min(len(text), f.end + _REACH))
    return (start if start != -1 else _scanned_start(text, body, f),
            end if end != -1 else _scanned_end(text, f))


# Most fixes stand among plain words one space apart: then the words are found with str.rfind
# and str.find, and only other text is scanned (tests/test_properties.py holds the two equal).
def _plain_start(text: str, low: int, i: int) -> int:
    """The start of the _CONTEXT-th word before ``i`` when the words between are letters and
    digits one space apart, all after ``low``; else -1."""
    if text[i - 1:i] == " ":
        i -= 1
    for _ in range(_CONTEXT):
        space = text.rfind(" ", low, i)
        if space == -1 or not text[space + 1:i].isalnum():
            return -1
        i = space
    return i + 1


def _plain_end(text: str, i: int, high: int) -> int:
    """The end of the _CONTEXT-th word after ``i`` when the words between are letters and
    digits one space apart, all before ``high``; else -1."""
    if text[i:i + 1] == " ":
        i += 1
    for _ in range(_CONTEXT):
        space = text.find(" ", i, high)
        if space == -1 or not text[i:space].isalnum():
            return -1
        end, i = space, space + 1
    return end


def _scanned_start(text: str, body: int, f: Finding) -> int:
    first = max(body, f.start - _REACH)
    ends = [m.end() for m in _END.finditer(text, first, f.start)]
    first = ends[-1] if ends else first
    before = [m.start() for m in WORD.finditer(text, first, f.start)]
    return before[-_CONTEXT] if len(before) >= _CONTEXT else (before[0] if before else f.start)


def _scanned_end(text: str, f: Finding) -> int:
    last = min(len(text), f.end + _REACH)
    stop = _END.search(text, f.end, last)
    last = stop.start() if stop else last
    after = [m.end() for m in WORD.finditer(text, f.end, last)]
    return after[_CONTEXT - 1] if len(after) >= _CONTEXT else (after[-1] if after else f.end)


_GAP = "\n\n"  # windows linted together stay apart: each is its own paragraph


def _gaining(judge, draft, text: str, checked: list, findings: list[Finding]) -> list:
    """The (span, fixes) whose sentence gains a finding with all its fixes applied. The fixed
    sentences are linted in one text, and compared with the draft's own findings there; only
    where that shows a gain are the sentences linted alone too (a sentence read out of its
    caption may differ), and only a sentence that got worse is looked at fix by fix."""
    chosen = [chosen_fixes(group) for _, group in checked]
    after, starts = [], []
    at = 0
    for ((start, end), _), fixes in zip(checked, chosen):
        fixed = _apply(text[start:end], start, fixes)
        starts.append(at)
        after.append(fixed)
        at += len(fixed) + len(_GAP)
    counted_after = _per_sentence(judge, draft, _GAP.join(after), starts)
    rules = judge.active_ids
    in_draft = [Counter() for _ in checked]
    window_starts = [start for (start, _), _ in checked]
    for f in findings:
        if f.rule in rules:
            i = bisect_right(window_starts, f.start) - 1
            if i >= 0 and f.start < checked[i][0][1]:
                in_draft[i][f.rule] += 1
    suspects = [i for i, (b, a, fixes) in enumerate(zip(in_draft, counted_after, chosen)) if _gains(b, a, fixes)]
    if not suspects:
        return []
    alone = [text[checked[i][0][0]:checked[i][0][1]] for i in suspects]
    starts = [sum(len(t) + len(_GAP) for t in alone[:k]) for k in range(len(alone))]
    counted_before = _per_sentence(judge, draft, _GAP.join(alone), starts)
    return [checked[i] for i, b in zip(suspects, counted_before) if _gains(b, counted_after[i], chosen[i])]


def _per_sentence(judge, draft, joined: str, starts: list[int]) -> list[Counter]:
    """How many hits each rule of ``judge`` has in each part of ``joined`` (parts begin at
    ``starts``). The rules are run directly: only their counts matter here, so no finding is
    located, sorted or printed."""
    counts = [Counter() for _ in starts]
    piece = Draft(path=draft.path, text=joined, body_start=0, agency=draft.agency, platforms=draft.platforms,
                  kind=draft.kind)
    ctx = LintContext(piece, judge.guideline, judge.memo, [], judge.active_ids)
    view = ctx.view
    for active, check in judge.checks(draft.kind):
        for hit in check(ctx) or ():
            start = view.span(hit.start, hit.end)[0] if view.edits else hit.start
            counts[max(0, bisect_right(starts, start) - 1)][active.rule.id] += 1
    return counts


def _worse(judge, draft, sentence: str, offset: int, group: list[Finding]) -> list[Finding]:
    before = _rules(judge, draft, sentence)
    together = chosen_fixes(group)
    if not _gains(before, _rules(judge, draft, _apply(sentence, offset, together)), together):
        return [f for f in group if f not in together and _alone_worse(judge, draft, sentence, offset, f, before)]
    return [f for f in group if _alone_worse(judge, draft, sentence, offset, f, before)]


def _alone_worse(judge, draft, sentence, offset, f, before) -> bool:
    return _gains(before, _rules(judge, draft, _apply(sentence, offset, [f])), [f])


def _gains(before: Counter, after: Counter, applied: list[Finding]) -> bool:
    """Whether some rule reports more in the fixed sentence than it did, less what was fixed."""
    if not after:
        return False  # most fixed sentences: nothing left to report
    expected = before - Counter(f.rule for f in applied)
    return any(count > expected[rule] for rule, count in after.items())


def _rules(judge, draft, sentence: str) -> Counter:
    return _per_sentence(judge, draft, sentence, [0])[0]


def _apply(sentence: str, offset: int, fixes: list[Finding]) -> str:
    for f in sorted(fixes, key=lambda f: f.start, reverse=True):
        sentence = sentence[:f.start - offset] + f.fix + sentence[f.end - offset:]
    return sentence
