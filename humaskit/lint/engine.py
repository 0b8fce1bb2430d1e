"""The lint engine: run every active rule over a draft and turn hits into located findings.

What a rule sees is :mod:`humaskit.lint.context`; comments that switch rules off,
:mod:`humaskit.lint.suppress`; which files are read, :mod:`humaskit.lint.discovery`; applying
fixes, :mod:`humaskit.lint.fixing`; worker processes, :mod:`humaskit.workers`.
"""

from __future__ import annotations

import _thread
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable

from humaskit.errors import HumaskitError
from humaskit.lint.context import LintContext
from humaskit.lint.discovery import expand_paths
from humaskit.draft import Draft, LineIndex, parse_draft, read_text
from humaskit.lint.finding import FileResult, Finding, Hit, Report
from humaskit.lint.registry import KINDS, Rule, in_order, load_rules, matches
from humaskit.lint.suppress import is_suppressed, suppressions


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: str


class Linter:
    """Lints drafts against one guideline; reuse one Linter for many files."""

    def __init__(self, guideline, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 check_fixes: bool = True) -> None:
        from humaskit.lint.custom import custom_rules

        self.guideline = guideline
        self.check_fixes = check_fixes
        self._sentence_linter: Linter | None = None
        self.memo: dict = {}
        self.notices: list[str] = []
        select, ignore = tuple(select), tuple(ignore)
        rules = in_order(load_rules().values()) + custom_rules(guideline)
        active = []
        for rule in rules:
            severity = guideline.severity(rule.id, rule.severity)
            if severity == "off" or not _selected(rule, select, ignore):
                continue
            active.append(ActiveRule(rule, severity))
        self.active = active
        self.active_ids = frozenset(a.rule.id for a in active)
        # (rule, check) per draft kind, looked up once instead of per rule per draft
        self._checks = {kind: [(a, a.rule.check) for a in active if kind in a.rule.kinds]
                        for kind in KINDS}

    def lint_draft(self, draft: Draft) -> FileResult:
        ctx = LintContext(draft, self.guideline, self.memo, self.notices, self.active_ids)
        hits: list[tuple[ActiveRule, Hit]] = []
        extend = hits.extend
        for active, check in self._checks[draft.kind]:
            extend(zip(repeat(active), check(ctx) or ()))
        if not hits:
            return FileResult(draft.path, draft.text, [], ctx.file_notes)
        lines = LineIndex.of(draft.text)
        suppressed = suppressions(draft, lines) if "humaskit-" in draft.text else None
        view = ctx.view
        findings = []
        for active, hit in hits:
            # a fix is kept only where the span maps onto the same characters, whole clusters
            start, end, exact = view.snap(hit.start, hit.end) if hit.original else view.span(hit.start, hit.end)
            line, column = lines.position(start)
            if suppressed and is_suppressed(suppressed, active.rule, line):
                continue
            end_line, end_column = lines.position(end)
            findings.append(Finding(
                path=draft.path, line=line, column=column, end_line=end_line, end_column=end_column,
                rule=active.rule.id, category=active.rule.category,
                severity=hit.severity if hit.severity and active.severity == active.rule.severity
                else active.severity,
                message=hit.message, fix=hit.fix if exact else None, start=start, end=end,
            ))
        findings.sort(key=Finding.sort_key)
        findings = _dedupe(findings)
        if self.check_fixes and any(f.fix is not None for f in findings):
            from humaskit.lint.fixcheck import checked_fixes

            findings, note = checked_fixes(self, draft, findings)
            if note:
                ctx.file_notes.append(note)
        return FileResult(draft.path, draft.text, findings, ctx.file_notes)

    def checks(self, kind: str) -> list:
        """(active rule, its check) for the drafts of ``kind``, in the engine's order."""
        return self._checks[kind]

    def sentence_linter(self) -> Linter:
        """This linter's language rules alone, with their severities, for linting one sentence
        again with a fix applied (humaskit.lint.fixcheck)."""
        if self._sentence_linter is None:
            from humaskit.lint.fixcheck import LANGUAGE

            ids = tuple(a.rule.id for a in self.active if a.rule.category in LANGUAGE and a.rule.local)
            self._sentence_linter = Linter(self.guideline, select=ids or ("-",), check_fixes=False)
        return self._sentence_linter

    def lint_text(self, text: str, path: str = "-", **draft_options) -> FileResult:
        return self.lint_draft(parse_draft(text, path, guideline=self.guideline, **draft_options))


def _selected(rule: Rule, select: tuple, ignore: tuple) -> bool:
    return (not select or matches(rule, select)) and not matches(rule, ignore)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.start, f.end, f.rule, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


PARALLEL_FROM = 200  # files; below this, starting worker processes costs more than it saves
_WORKER: tuple = ()  # (linter, draft options), inherited by forked workers
_FORKING = _thread.allocate_lock()  # one pool at a time sets _WORKER, even from several threads


def lint_paths(paths: Iterable[str], guideline, *, linter: Linter | None = None,
               agency: str | None = None, platforms: list[str] | None = None,
               kind: str | None = None, select=(), ignore=(), jobs: int = 0) -> Report:
    """Lint files and folders; a file that cannot be read or parsed becomes a problem (exit 2)
    and the others are still linted.

    Many files are linted on every CPU core (``jobs`` processes; 0 = one per core). The
    report is the same, byte for byte, however many processes made it."""
    linter = linter or Linter(guideline, select=select, ignore=ignore)
    files, problems = expand_paths(paths)
    report = Report(problems=list(problems), notices=linter.notices, guideline=guideline.label, read=list(files))
    outcomes = _lint_files(files, jobs, linter, {"agency": agency, "platforms": platforms, "kind": kind})
    for outcome, notices in outcomes:
        if isinstance(outcome, FileResult):
            report.files.append(outcome)
        else:
            report.problems.extend(outcome)
        for notice in notices:
            if notice not in report.notices:
                report.notices.append(notice)
    if len(report.files) > 1:
        from humaskit.lint.rules.voice import add_findings

        add_findings(report, linter, {"agency": agency, "platforms": platforms, "kind": kind})
    return report


def worker_count(files: int, jobs: int = 0) -> int:
    """How many processes lint ``files`` files: one unless there are enough to pay for more."""
    if files < PARALLEL_FROM:
        return 1  # decided before importing multiprocessing, which a one-draft lint never needs
    from humaskit.workers import worker_count as count

    return count(files, jobs, min_per_worker=PARALLEL_FROM // 4)


def _lint_files(files: list[str], jobs: int, linter: Linter, options: dict) -> list:
    """(FileResult or problems, notices raised there) for every file, in file order."""
    global _WORKER
    workers = worker_count(len(files), jobs) if "-" not in files else 1
    if workers < 2:
        return [(_lint_one(path, linter, options), ()) for path in files]
    from humaskit.workers import worker_pool

    # The first file is linted here before forking, so the workers inherit the lexicons and
    # the dictionary already loaded instead of each loading its own.
    done = [(_lint_one(files[0], linter, options), ())]
    rest = files[1:]
    size = -(-len(rest) // (workers * 4))
    chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
    with _FORKING:
        _WORKER = (linter, options)
        try:
            with worker_pool(workers) as pool:
                for chunk in pool.map(_lint_chunk, chunks, chunksize=1):
                    done.extend(chunk)
        finally:
            _WORKER = ()
    return done


def _lint_chunk(paths: list[str]):
    """In a worker process: lint ``paths`` with the linter inherited from the parent."""
    linter, options = _WORKER
    out = []
    for path in paths:
        before = len(linter.notices)
        out.append((_lint_one(path, linter, options), tuple(linter.notices[before:])))
    return out


def _lint_one(path: str, linter: Linter, options: dict):
    """A FileResult, or the problems that kept the file from being linted."""
    try:
        draft = parse_draft(read_text(path), path, guideline=linter.guideline, **options)
    except HumaskitError as exc:
        return exc.problems
    return linter.lint_draft(draft)


