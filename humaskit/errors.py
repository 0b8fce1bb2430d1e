"""Errors that stop a command (exit code 2), with the file, line and key at fault.

Messages are in Indonesian because humas staff read them; the CLI prints them without a
traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as we know."""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    key: str | None = None
    hint: str | None = None

    def render(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        head = f"{where}: " if where else ""
        key = f"[{self.key}] " if self.key else ""
        text = f"{head}{key}{self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text


@dataclass
class HumaskitError(Exception):
    """One or more problems that make the command unable to run (exit 2)."""

    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def single(cls, message: str, **where) -> "HumaskitError":
        return cls([Problem(message, **where)])

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)


def nearest(word: str, choices) -> str | None:
    """The closest valid name to a mistyped one, for "apakah maksud Anda ..." hints."""
    import difflib

    found = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices) -> str | None:
    guess = nearest(word, choices)
    return f"Apakah maksud Anda '{guess}'?" if guess else None
