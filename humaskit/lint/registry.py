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

from humaskit.guideline.vocabulary import CATEGORIES, KINDS, SEVERITIES


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
    # The guideline keys the rule reads ("tone.max_emoji"; "platforms.*.max_chars" for every
    # platform): the docs print each with its description and default from the schema.
    settings: tuple[str, ...] = ()
    # Ids the rule had before it was renamed: a city's guideline, --select/--ignore and disable
    # comments that still use one keep working.
    aliases: tuple[str, ...] = ()
    # Whether a fix elsewhere can set the rule off in the words around it, so that the fix check
    # (humaskit/lint/fixcheck.py) runs it: False for a language rule that judges numbers, spacing
    # or characters, or what a few words do not show (a sentence's start or length, the caption).
    local: bool = True

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
ALIASES: dict[str, str] = {}  # an old rule id → the id it has now


def rule(rule_id: str, *, category: str, severity: str, summary: str, wrong: str, right: str,
         fixable: bool = False, kinds: Iterable[str] = KINDS, example_files: str | None = None,
         scope: str = "draft", settings: Iterable[str] = (), aliases: Iterable[str] = (), local: bool = True):
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
                                 example_files=example_files, settings=tuple(settings), aliases=tuple(aliases),
                                 local=local)
        for old in aliases:
            assert old not in REGISTRY and ALIASES.get(old, rule_id) == rule_id, f"alias {old} taken"
            ALIASES[old] = rule_id
        return check

    return register


_LOADED = False


def load_rules() -> dict[str, Rule]:
    global _LOADED
    if not _LOADED:
        # one module of rules per category, named by it (a package where the rules are many, as
        # rules/grammar/); docs and the engine order rules by category and id, not by import
        for name in CATEGORIES:
            importlib.import_module(f"humaskit.lint.rules.{name}")
        _LOADED = True
    return REGISTRY


def in_order(rules: Iterable[Rule]) -> list[Rule]:
    """Rules in the one order everything lists and runs them: by category, then by id. Fixed
    whatever order the rule modules were imported in, so that per-file notes, equal-position
    findings, the docs and the handbook always come out the same."""
    return sorted(rules, key=lambda r: (CATEGORIES.index(r.category), r.id))


def matches(rule: Rule, patterns: Iterable[str]) -> bool:
    """Whether ``rule`` is named by one of ``patterns`` as --select, --ignore and disable
    comments name rules: its id, its category, a dotted prefix of its id, or ``*``."""
    rule_id, category = rule.id, rule.category
    return any(p == "*" or p == rule_id or p == category or rule_id.startswith(p + ".") or p in rule.aliases
               for p in patterns)


def names_a_rule(pattern: str, rules: Iterable[Rule]) -> bool:
    """Whether ``pattern`` names one of ``rules`` (or a category) as :func:`matches` reads it."""
    return pattern in CATEGORIES or any(matches(rule, (pattern,)) for rule in rules)
