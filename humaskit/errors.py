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


# The operating system's reasons, in the words humas staff read (its own are English).
_OS_REASONS = {
    "ENOENT": "berkas atau folder tidak ada",
    "EACCES": "izin ditolak",
    "EPERM": "izin ditolak",
    "ENOSPC": "ruang disk penuh",
    "EDQUOT": "kuota disk habis",
    "EROFS": "sistem berkas hanya dapat dibaca",
    "EEXIST": "berkas sudah ada",
    "EISDIR": "ini folder, bukan berkas",
    "ENOTDIR": "salah satu bagian path bukan folder",
    "ENAMETOOLONG": "nama berkas terlalu panjang",
    "ELOOP": "terlalu banyak tautan simbolik berantai",
    "EIO": "galat baca/tulis perangkat",
    "EMFILE": "terlalu banyak berkas terbuka",
    "ENFILE": "terlalu banyak berkas terbuka",
    "EBUSY": "berkas sedang dipakai",
    "ETXTBSY": "berkas sedang dipakai",
    "EXDEV": "tidak dapat dipindah antarperangkat",
}


def os_reason(exc: OSError) -> str:
    """An operating-system error explained in Indonesian (its English kept only when unknown)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name) or exc.strerror or str(exc)
