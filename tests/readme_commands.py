"""The `humaskit calendar|render` commands the README shows, as a user would type them."""

from __future__ import annotations

import re
import shlex

from support import REPO

_COMMAND = re.compile(r"(?m)^\s*(humaskit (?:calendar|render)\b[^\n`#]*)|`(humaskit (?:calendar|render)\b[^`]*)`")


def readme_commands(engine: str) -> list[list[str]]:
    """Complete commands (calendar with --month, render with --data or --list), as argument lists."""
    found = []
    for block, inline in _COMMAND.findall((REPO / "README.md").read_text(encoding="utf-8")):
        words = shlex.split(block or inline)
        if words[1] == engine and ("--month" in words or "--data" in words or "--list" in words):
            found.append(words[1:])
    return list({" ".join(w): w for w in found}.values())
