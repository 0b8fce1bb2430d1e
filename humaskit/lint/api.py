"""Library entry points behind `humaskit lint` and `humaskit rules`."""

from __future__ import annotations

import sys
from pathlib import Path

from humaskit.errors import HumaskitError, did_you_mean
from humaskit.guideline.vocabulary import KINDS
from humaskit.lint.finding import SEVERITY_ORDER

FORMATS = ("text", "json", "sarif", "github")


def _choice(value: str, choices, option: str) -> None:
    if value not in choices:
        raise HumaskitError.single(f"Nilai '{value}' untuk {option} tidak dikenal; pilihan: {', '.join(choices)}.",
                                   hint=did_you_mean(value, choices))


def run_lint(paths, *, guideline_path: Path | None = None, output_format: str = "text", fix: bool = False,
             diff: bool = False, fail_on: str = "error", platforms=None, agency=None, kind=None,
             select=(), ignore=(), jobs: int = 0, out=None) -> int:
    """Lint ``paths``, print the report in ``output_format``, apply fixes if asked; return the exit code."""
    from humaskit.guideline import resolve_guideline
    from humaskit.lint.engine import Linter, lint_paths
    from humaskit.lint.printers import PRINTERS

    out = out or sys.stdout
    if fix and diff:
        raise HumaskitError.single("Opsi --fix dan --diff tidak dapat dipakai bersama: --fix menulis perbaikan ke "
                                   "berkas, --diff hanya menampilkannya tanpa menulis. Pilih salah satu.")
    _choice(output_format, FORMATS, "--format")
    _choice(fail_on, tuple(SEVERITY_ORDER), "--fail-on")
    if kind is not None:
        _choice(kind, KINDS, "--kind")
    guideline = resolve_guideline(guideline_path)
    linter = Linter(guideline, select=select, ignore=ignore)
    _check_patterns(linter, select, ignore)
    report = lint_paths(paths, guideline, linter=linter, agency=agency, platforms=platforms, kind=kind, jobs=jobs)
    if fix or diff:
        report = _apply(report, linter, paths, write=fix, show_diff=diff, out=out, jobs=jobs,
                        agency=agency, platforms=platforms, kind=kind)
    if output_format == "text":
        colour = out.isatty() and "NO_COLOR" not in __import__("os").environ
        out.write(PRINTERS["text"](report, colour=colour))
    else:
        out.write(PRINTERS[output_format](report))
    return report.exit_code(fail_on)


def _check_patterns(linter, select, ignore) -> None:
    from humaskit.lint.registry import CATEGORIES, load_rules, names_a_rule

    rules = [*load_rules().values(), *(r.rule for r in linter.active)]
    known = {r.id for r in rules} | set(CATEGORIES)
    for option, values in (("--select", select), ("--ignore", ignore)):
        for value in values:
            if not names_a_rule(value, rules):
                raise HumaskitError.single(f"Aturan atau kategori '{value}' (opsi {option}) tidak dikenal.",
                                           hint=did_you_mean(value, known))


def _apply(report, linter, paths, *, write: bool, show_diff: bool, out, jobs: int = 0, **options):
    """Fix every file that has fixable findings, then lint again so the report shows what is left."""
    import difflib

    from dataclasses import replace

    from humaskit.fsutil import atomic_write
    from humaskit.draft import parse_draft
    from humaskit.lint.engine import lint_paths
    from humaskit.lint.fixing import fix_text

    unwritable = []
    for result in report.files:
        if not any(f.fix is not None for f in result.findings):
            continue
        draft = parse_draft(result.text, result.path, guideline=linter.guideline, **options)
        changes: list = []
        fixed = fix_text(linter, draft, changes=changes)
        if fixed == result.text:
            continue
        if show_diff:
            out.writelines(difflib.unified_diff(result.text.splitlines(True), fixed.splitlines(True),
                                                f"a/{result.path}", f"b/{result.path}"))
            if not fixed.endswith("\n"):
                out.write("\n")
        if write:
            if result.path == "-":
                out.write(fixed)
                continue
            try:
                # ``expected``: an edit saved since the lint read the file is never overwritten.
                atomic_write(result.path, fixed, expected=result.text, what="Draf")
                # One write per file: a Ctrl-C never leaves a report without its line end.
                sys.stderr.write(_changes_text(result.path, changes) + "\n")
            except HumaskitError as exc:  # the original stays as it was
                unwritable.extend(replace(p, message=f"Perbaikan tidak ditulis: {p.message}") for p in exc.problems)
    if not write or all(r.path == "-" for r in report.files):
        return report
    fresh = lint_paths(paths, linter.guideline, linter=linter, jobs=jobs, **options)
    fresh.problems.extend(unwritable)
    return fresh


def _changes_text(path: str, changes: list) -> str:
    """What --fix changed in one file, one line per span: "  5:12  'aja' → 'saja'"."""
    lines = [f"diperbaiki: {path} ({len(changes)} perubahan)"]
    for line, column, before, after in changes:
        if not before:
            lines.append(f"  {line}:{column}  ditambahkan '{_one_line(after)}'")
        else:
            shown = f"'{_one_line(after)}'" if after else "(dihapus)"
            lines.append(f"  {line}:{column}  '{_one_line(before)}' → {shown}")
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return text.replace("\n", "⏎")


def describe_rules(rule_id: str | None = None, *, guideline_path: Path | None = None,
                   output_format: str = "text") -> str:
    from humaskit.lint.docs import rule_text, rules_markdown
    from humaskit.lint.registry import CATEGORIES, in_order, load_rules, matches

    _choice(output_format, ("text", "markdown"), "--format")
    rules = list(load_rules().values())
    if guideline_path is not None:
        from humaskit.guideline import resolve_guideline
        from humaskit.lint.custom import custom_rules

        rules += custom_rules(resolve_guideline(guideline_path))
    if rule_id:
        chosen = [r for r in rules if matches(r, (rule_id,))]
        if not chosen:
            raise HumaskitError.single(f"Aturan '{rule_id}' tidak dikenal.",
                                       hint=did_you_mean(rule_id, [r.id for r in rules] + list(CATEGORIES)))
        rules = chosen
    if output_format == "markdown":
        return rules_markdown(rules)
    return "\n".join(rule_text(r) for r in in_order(rules))
