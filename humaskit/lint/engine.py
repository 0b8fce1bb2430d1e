"""The lint engine: run every active rule over a draft and turn hits into located findings."""

from __future__ import annotations

import _thread
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import Callable, Iterable

from humaskit.errors import HumaskitError
from humaskit.lint.draft import Draft, LineIndex, parse_draft, read_text
from humaskit.lint.finding import FileResult, Finding, Hit, Report
from humaskit.lint.registry import CATEGORIES, KINDS, Rule, load_rules
from humaskit.lint.text import Tokens, html_comments
from humaskit.lint.view import matching_view

_CONTROL = re.compile(
    r"<!--\s*humaskit-(disable-next-line|disable|enable)\b([^>]*?)-->"
)


class LintContext:
    """What a rule sees: the draft, the guideline, shared tokens and a per-guideline memo."""

    def __init__(self, draft: Draft, guideline, memo: dict, notices: list[str] | None = None,
                 active: frozenset[str] | None = None) -> None:
        self.draft = draft
        # the ids of the rules that run (None: all); word lists leave a word to the rule that owns it
        self.active = active
        self.guideline = guideline
        # Rules match on the caption as a reader sees it; their spans are mapped back to the file.
        self.view = matching_view(draft.text, draft.body_start)
        self.text = self.view.text
        self.base = self.view.base
        self._memo = memo
        self.notices = notices if notices is not None else []
        self.file_notes: list[str] = []
        self._draft_memo: dict = {}

    @cached_property
    def tokens(self) -> Tokens:
        return Tokens(self.text, self.base)

    @property
    def caption(self) -> str:
        return self.text[self.base:]

    @cached_property
    def platforms(self) -> list[dict]:
        """The guideline's entries for the draft's platforms (validated when the draft was read)."""
        known = self.guideline.platforms
        return [known[name] for name in self.draft.platforms if name in known]

    @property
    def agency(self) -> dict | None:
        return self.guideline.agencies.get(self.draft.agency) if self.draft.agency else None

    def memo(self, key: str, factory: Callable):
        """Build something once per guideline (compiled lexicons, regexes) and reuse it."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory(self.guideline)
            return value

    def per_draft(self, key: str, factory: Callable):
        """Something several rules derive from this draft, computed once for it."""
        try:
            return self._draft_memo[key]
        except KeyError:
            value = self._draft_memo[key] = factory(self)
            return value

    def note(self, message) -> None:
        """A figure about this file shown by the text report (e.g. its readability): a string,
        or a function returning it, called only if the report shows it."""
        self.file_notes.append(message)

    def notice(self, message: str) -> None:
        """Something said once per run, not per file (e.g. an optional backend was skipped)."""
        if message not in self.notices:
            self.notices.append(message)


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
        # A fixed order, whatever order the rule modules happened to be imported in, so that
        # per-file notes and equal-position findings always come out the same.
        rules = sorted(load_rules().values(), key=lambda r: (CATEGORIES.index(r.category), r.id))
        rules += custom_rules(guideline)
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
        suppressed = _suppressions(draft, lines) if "humaskit-" in draft.text else None
        view = ctx.view
        findings = []
        for active, hit in hits:
            # a fix is kept only where the span maps onto the same characters, whole clusters
            start, end, exact = view.snap(hit.start, hit.end) if hit.original else view.span(hit.start, hit.end)
            line, column = lines.position(start)
            if suppressed and _is_suppressed(suppressed, active.rule, line):
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
            from humaskit.lint.fixcheck import LANGUAGE, NOT_LOCAL

            ids = tuple(a.rule.id for a in self.active
                        if a.rule.category in LANGUAGE and a.rule.id not in NOT_LOCAL)
            self._sentence_linter = Linter(self.guideline, select=ids or ("-",), check_fixes=False)
        return self._sentence_linter

    def lint_text(self, text: str, path: str = "-", **draft_options) -> FileResult:
        return self.lint_draft(parse_draft(text, path, guideline=self.guideline, **draft_options))


def _selected(rule: Rule, select: tuple, ignore: tuple) -> bool:
    def matches(patterns):
        return any(rule.id == p or rule.category == p or rule.id.startswith(p + ".") for p in patterns)

    return (not select or matches(select)) and not matches(ignore)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.start, f.end, f.rule, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _suppressions(draft: Draft, lines: LineIndex):
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


def _is_suppressed(ranges, rule: Rule, line: int) -> bool:
    for patterns, first, last in ranges:
        if first <= line <= last and any(
            p == "*" or p == rule.id or p == rule.category or rule.id.startswith(p + ".") for p in patterns
        ):
            return True
    return False


# --- files ---------------------------------------------------------------------------------

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
_GLOB = re.compile(r"[*?[]")
# What to do with a file that is not a draft, by its suffix (the advice humas staff need).
_NOT_A_DRAFT = {
    (".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages"):
        "Ini dokumen pengolah kata: salin takarir ke berkas .md atau .txt, lalu periksa berkas itu.",
    (".yaml", ".yml"):
        "Berkas YAML bukan draf: periksa pedoman dengan 'humaskit guideline check', rencana dengan "
        "'humaskit calendar build'.",
    (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"):
        "Gambar bukan draf: lampirkan lewat 'image:' di front matter draf, lalu periksa drafnya.",
    (".csv", ".xlsx", ".xls", ".ods"):
        "Tabel bukan draf: salin tiap takarir ke berkas .md atau .txt tersendiri.",
}


def not_a_draft_hint(path: str) -> str:
    """Advice for a path that lint will not read as a caption."""
    suffix = Path(path).suffix.lower()
    for suffixes, hint in _NOT_A_DRAFT.items():
        if suffix in suffixes:
            return hint
    return "Simpan takarir sebagai berkas .md atau .txt (atau kirim lewat masukan standar dengan -)."


def expand_paths(paths: Iterable[str]) -> tuple[list[str], list]:
    """Files to lint (directories walked for drafts, sorted) and problems for every path that
    gives none: a missing path, a pattern or folder that matches no draft, a file that is not
    a draft (its own linting would be nonsense, and --fix would rewrite it)."""
    import glob

    from humaskit.errors import Problem

    files, problems = [], []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(problems)
            found = _drafts_in(path, problems)
            if not found and len(problems) == before:
                problems.append(Problem("Tidak ada draf (.md atau .txt) di folder ini.", path=raw,
                                        hint="Periksa nama foldernya, atau sebutkan berkas drafnya langsung."))
            files.extend(found)
        elif path.exists():
            if path.suffix.lower() in DRAFT_SUFFIXES:
                files.append(str(path))
            else:
                problems.append(Problem("Bukan berkas draf: humaskit lint hanya membaca berkas .md dan .txt.",
                                        path=raw, hint=not_a_draft_hint(raw)))
        elif _GLOB.search(raw):  # a pattern the shell did not expand (quoted, or on Windows)
            matched = sorted(p for p in glob.glob(raw, recursive=True)
                             if Path(p).suffix.lower() in DRAFT_SUFFIXES and Path(p).is_file())
            if matched:
                files.extend(matched)
            else:
                problems.append(Problem("Tidak ada draf (.md atau .txt) yang cocok dengan pola ini.", path=raw))
        else:
            problems.append(Problem("Berkas atau folder tidak ditemukan.", path=raw,
                                    hint=_nearby(path)))
    return files, problems


def _nearby(path: Path) -> str | None:
    """'Did you mean' among the drafts and folders beside a mistyped path."""
    from humaskit.errors import did_you_mean

    parent = path.parent if str(path.parent) else Path(".")
    try:
        names = [p.name for p in parent.iterdir() if not p.name.startswith(".")][:1000]
    except OSError:
        return None
    return did_you_mean(path.name, names)


PARALLEL_FROM = 200  # files; below this, starting worker processes costs more than it saves
_WORKER: tuple = ()  # (linter, draft options), inherited by forked workers
_FORKING = _thread.allocate_lock()  # one pool at a time sets _WORKER, even from several threads


def _drafts_in(folder: Path, problems: list) -> list[str]:
    """Draft files under ``folder``, hidden folders and files skipped, in the order sorting
    their Path objects gives (os.scandir: several times faster than Path.rglob here). A
    folder that cannot be read becomes a problem, so no draft is skipped without a word."""
    import os

    from humaskit.errors import Problem, os_reason

    top = str(folder)
    prefix = "" if top == "." else top.rstrip(os.sep) + os.sep if top != os.sep else top
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(directory: str, parts: tuple[str, ...]) -> None:
        try:
            entries = list(os.scandir(directory))
        except OSError as exc:
            problems.append(Problem(f"Folder tidak dapat dibaca ({os_reason(exc)}); draf di dalamnya tidak "
                                    "diperiksa.", path=directory))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, parts + (entry.name,))
            elif os.path.splitext(entry.name)[1].lower() in DRAFT_SUFFIXES and entry.is_file():
                key = parts + (entry.name,)
                found.append((key, prefix + os.sep.join(key)))

    walk(top, ())
    found.sort()
    return [path for _, path in found]


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
    if jobs == 1 or files < PARALLEL_FROM:
        return 1  # decided before importing multiprocessing, which a one-draft lint never needs
    import multiprocessing
    import os

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs or cores, files // (PARALLEL_FROM // 4)))


def _lint_files(files: list[str], jobs: int, linter: Linter, options: dict) -> list:
    """(FileResult or problems, notices raised there) for every file, in file order."""
    global _WORKER
    workers = worker_count(len(files), jobs) if "-" not in files else 1
    if workers < 2:
        return [(_lint_one(path, linter, options), ()) for path in files]
    import multiprocessing

    from humaskit.workers import interrupts_held, worker_start

    # The first file is linted here before forking, so the workers inherit the lexicons and
    # the dictionary already loaded instead of each loading its own.
    done = [(_lint_one(files[0], linter, options), ())]
    rest = files[1:]
    size = -(-len(rest) // (workers * 4))
    chunks = [rest[i:i + size] for i in range(0, len(rest), size)]
    with _FORKING:
        _WORKER = (linter, options)
        try:
            # Ctrl-C reaches every process of the terminal: the workers ignore it and the parent,
            # interrupted, leaves this block, which terminates them (no worker tracebacks, no
            # second Ctrl-C needed).
            with interrupts_held():
                pool = multiprocessing.get_context("fork").Pool(workers, initializer=worker_start)
            with pool:
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


def fix_text(linter: Linter, draft: Draft, max_passes: int = 5, changes: list | None = None) -> str:
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
