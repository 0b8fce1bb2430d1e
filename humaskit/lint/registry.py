"""The rule registry: every rule is declared once, with everything its docs and tests need.

A rule is a function ``check(ctx) -> Iterable[Hit]`` decorated with :func:`rule`. Its
docstring (Indonesian, for humas staff) says *what it does* and *why*; ``wrong`` and
``right`` are complete example drafts (front matter allowed) that the meta-test runs:
``wrong`` must raise the rule, ``right`` must not. ``humaskit rules`` and
``docs/rules.md`` are generated from these declarations.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Callable, Iterable

CATEGORIES = ("tone", "terminology", "spelling", "grammar", "hashtag", "platform", "visual",
              "accessibility", "reply", "crisis", "privacy", "voice")
SEVERITIES = ("error", "warning", "suggestion")

# Modules that declare rules, in documentation order.
RULE_MODULES = (
    "tone", "terminology", "hashtag", "platform", "accessibility",
    "mechanics", "eyd", "spelling", "characters", "reply", "crisis", "privacy", "readability", "grammar",
    "visual", "voice",
)
KINDS = ("post", "reply", "crisis")


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    summary: str
    doc: str
    wrong: str
    right: str
    check: Callable
    fixable: bool = False
    kinds: tuple[str, ...] = KINDS
    # "folder": the rule compares drafts with each other (lint over a folder); its wrong example
    # is linted together with the drafts in ``example_files``.
    scope: str = "draft"
    # Wrong/right examples that need files beside them (images) name a fixture folder.
    example_files: str | None = None

    @property
    def what(self) -> str:
        return _section(self.doc, "Apa yang diperiksa")

    @property
    def why(self) -> str:
        return _section(self.doc, "Mengapa")


def _section(doc: str, title: str) -> str:
    lines = doc.splitlines()
    out, inside = [], False
    for line in lines:
        stripped = line.strip()
        if stripped.endswith(":") and stripped[:-1] in ("Apa yang diperiksa", "Mengapa"):
            inside = stripped[:-1] == title
            continue
        if inside:
            out.append(stripped)
    return " ".join(x for x in out if x).strip()


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, *, category: str, severity: str, summary: str, wrong: str, right: str,
         fixable: bool = False, kinds: Iterable[str] = KINDS, example_files: str | None = None,
         scope: str = "draft"):
    """Declare a rule. The decorated function's docstring is its documentation."""
    assert category in CATEGORIES, category
    assert severity in SEVERITIES, severity
    assert rule_id.split(".")[0] == category or rule_id.startswith(category), rule_id

    def register(check: Callable) -> Callable:
        doc = inspect.cleandoc(check.__doc__ or "")
        assert "Apa yang diperiksa:" in doc and "Mengapa:" in doc, f"{rule_id}: docstring sections missing"
        assert rule_id not in REGISTRY, f"duplicate rule id {rule_id}"
        REGISTRY[rule_id] = Rule(rule_id, category, severity, summary, doc, inspect.cleandoc(wrong),
                                 inspect.cleandoc(right), check, fixable, tuple(kinds), scope=scope,
                                 example_files=example_files)
        return check

    return register


_LOADED = False


def load_rules() -> dict[str, Rule]:
    global _LOADED
    if not _LOADED:
        for name in RULE_MODULES:
            importlib.import_module(f"humaskit.lint.rules.{name}")
        _LOADED = True
    return REGISTRY
