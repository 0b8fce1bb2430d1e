"""Findings and the Report: the one data model every printer and exit code reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from humaskit.guideline.vocabulary import SEVERITIES

SEVERITY_ORDER = {severity: i for i, severity in enumerate(SEVERITIES)}


# Hits and findings are made by the ten thousand: plain slotted classes construct several
# times faster than frozen ones (whose __init__ goes through object.__setattr__ per field).
# Nothing mutates them after construction.
@dataclass(slots=True)
class Hit:
    """What a rule yields: a span of the text rules match (offsets), a message and an optional fix."""

    start: int
    end: int
    message: str
    fix: str | None = None
    severity: str | None = None  # overrides the rule's default severity for this hit
    # Offsets into the original text instead of the matching view (lint.view): for rules about
    # the characters the view leaves out or folds.
    original: bool = False


@dataclass(slots=True)
class Finding:
    """One finding in the shape the JSON report promises (README, "humaskit lint", json): 1-based lines/columns, end exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    fix: str | None
    start: int = field(default=0, compare=False)   # offsets into the file, for --fix
    end: int = field(default=0, compare=False)

    def to_dict(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "rule": self.rule, "category": self.category, "severity": self.severity,
            "message": self.message, "fix": self.fix,
        }

    def sort_key(self):
        return (self.path, self.start, self.end, SEVERITY_ORDER[self.severity], self.rule, self.message)


@dataclass
class FileResult:
    """One linted file: its text (for printers that show the source line) and its findings."""

    path: str
    text: str
    findings: list[Finding]
    # per-file figures (e.g. readability): each a string, or a function that writes it when
    # the notes are first read, since only the text report shows them
    pending_notes: list = field(default_factory=list, repr=False)

    @property
    def notes(self) -> list[str]:
        pending = self.pending_notes
        if any(callable(note) for note in pending):
            self.pending_notes = pending = [note() if callable(note) else note for note in pending]
        return pending

    def __getstate__(self) -> dict:
        self.notes  # a result sent to another process carries its notes written out
        return self.__dict__


@dataclass
class Report:
    """Everything one lint run found; owns the exit code."""

    files: list[FileResult] = field(default_factory=list)
    problems: list = field(default_factory=list)  # errors.Problem: files the tool could not lint
    notices: list[str] = field(default_factory=list)  # said once per run (e.g. backend skipped)
    guideline: str | None = None  # the guideline's label (Guideline.label), named by every printer
    read: list[str] | None = None  # the draft files the run opened; None: every file or problem path

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def exit_code(self, fail_on: str = "error") -> int:
        if self.problems:
            return 2
        limit = SEVERITY_ORDER[fail_on]
        return 1 if any(SEVERITY_ORDER[f.severity] <= limit for f in self.findings) else 0

    @property
    def file_count(self) -> int:
        # A file both linted and in a problem (its fix could not be written) is one file; a
        # path that named no draft at all (missing, empty folder) is not a file checked.
        linted = {r.path for r in self.files}
        if self.read is not None:
            return len(linted | set(self.read))
        return len(self.files) + len({p.path for p in self.problems} - linted)

