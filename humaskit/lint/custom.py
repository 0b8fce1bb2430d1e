"""The generic rule types (Vale-style): one class each, which checks its settings and runs.

A city adds a rule without Python: each ``custom_rules`` entry of its guideline names its
``type`` and gives its data. The built-in word-list rules (umpan klik, provokatif, tagar
terlarang, frasa defensif) are instances of the same classes, built from their guideline
sections.

  existence       phrases/pattern that must not appear (an entry may carry its suggestion)
  substitution    swap: wrong → right (fixable)
  required        phrases/pattern of which at least one must appear
  limit           phrases/pattern that may appear at most ``max`` times
  capitalization  phrases whose exact casing is the canonical one (fixable)

Which settings each type needs is written once (``vocabulary.RULE_TYPES``); the guideline's
cross-check reports a city's entry that lacks them, with its file and line. A built-in rule
whose guideline list is empty (no banned tags) finds nothing.
"""

from __future__ import annotations

import re

from humaskit.language.morphology import match_case
from humaskit.lint.finding import Hit
from humaskit.lint.matching import PhraseIndex
from humaskit.lint.registry import Rule

_DOC = "Apa yang diperiksa:\n{what}\nMengapa:\n{why}"


class _RegexFinder:
    """The same interface as PhraseIndex, for rules written as a regular expression."""

    def __init__(self, pattern: str, ignorecase: bool) -> None:
        self.pattern = re.compile(pattern, (re.I if ignorecase else 0) | re.M)

    def finditer(self, tokens):
        # a city's pattern sees the caption alone, so \A still means the caption's first character
        base = tokens.base
        for m in self.pattern.finditer(tokens.masked[base:] if base else tokens.masked):
            yield m.start() + base, m.end() + base, m.group(), m.group()


class _HashtagFinder:
    """The same interface, for entries that are hashtags: a caption's tags, compared without case."""

    def __init__(self, tags) -> None:
        self.tags = {tag.casefold(): tag for tag in tags}

    def finditer(self, tokens):
        for start, end, tag in tokens.hashtags:
            known = self.tags.get(tag.casefold())
            if known is not None:
                yield start, end, tag, known


def _entries(items) -> dict[str, dict]:
    """Phrases as ``{phrase: {"phrase", "suggestion", "message"}}``; an item is a phrase or such a mapping."""
    out = {}
    for item in items:
        entry = {"phrase": item, "suggestion": None, "message": None} if isinstance(item, str) else \
            {"suggestion": None, "message": None, **item}
        out[entry["phrase"]] = entry
    return out


class GenericRule:
    """A generic rule type. ``settings`` are a ``custom_rules`` entry's keys (``tokens``,
    ``pattern``, ``swap``, ``max``, ``ignorecase``, ``kinds``, ``agencies``) or a built-in rule's;
    ``message`` may name ``{match}`` and ``{suggestion}``."""

    type = ""
    fixable = False

    def __init__(self, *, message: str, tokens=(), pattern: str | None = None, swap: dict | None = None,
                 max: int = 0, ignorecase: bool = True, kinds=(), agencies=(), hashtags: bool = False) -> None:
        self.message, self.max = message, max
        self.entries = _entries(tokens)
        self.swap = swap or {}
        self.kinds, self.agencies = tuple(kinds), tuple(agencies)
        if pattern:
            self.finder = _RegexFinder(pattern, ignorecase)
        elif hashtags:  # entries are tags, found among the caption's hashtags
            self.finder = _HashtagFinder(self.entries)
        else:
            self.finder = PhraseIndex(self.swap or self.entries, ignorecase=ignorecase)

    def applies(self, draft) -> bool:
        return (not self.kinds or draft.kind in self.kinds) and (not self.agencies or draft.agency in self.agencies)

    def check(self, ctx):
        if self.applies(ctx.draft):
            yield from self.hits(ctx, self.finder.finditer(ctx.tokens))

    def hits(self, ctx, found):  # pragma: no cover - each type has its own
        raise NotImplementedError

    def say(self, match: str, suggestion: str = "", template: str | None = None) -> str:
        return (template or self.message).replace("{match}", match).replace("{suggestion}", suggestion)


class Existence(GenericRule):
    """Each phrase (or match of the pattern) is a finding. An entry that gives a ``suggestion``
    gets it in the message (``with_suggestion``) and as the fix, unless ``fix`` is false (advice
    for rewriting a sentence, not a word to paste in); an entry's own ``message`` is added
    where the template says ``{note}``."""

    type = "existence"

    def __init__(self, *, with_suggestion: str | None = None, fix: bool = True, **settings) -> None:
        super().__init__(**settings)
        self.with_suggestion, self.fix = with_suggestion, fix
        self.fixable = fix and with_suggestion is not None

    def hits(self, ctx, found):
        for start, end, written, phrase in found:
            entry = self.entries.get(phrase) or {}
            note = f" {entry['message']}" if entry.get("message") else ""
            better = entry.get("suggestion")
            if better and self.with_suggestion:
                fix = match_case(written, better) if self.fix else None
                text = self.say(written, better, self.with_suggestion)
                yield Hit(start, end, text.replace("{note}", note), fix)
            else:
                yield Hit(start, end, self.say(written).replace("{note}", note))


class Substitution(GenericRule):
    """Each phrase of ``swap`` is replaced by its right form (the fix keeps the writer's case)."""

    type = "substitution"
    fixable = True

    def hits(self, ctx, found):
        for start, end, written, phrase in found:
            fix = match_case(written, self.swap[phrase])
            yield Hit(start, end, self.say(written, fix), fix)


class Capitalization(GenericRule):
    """Each phrase is written with exactly the casing given; another casing is fixed to it."""

    type = "capitalization"
    fixable = True

    def __init__(self, **settings) -> None:
        super().__init__(**{**settings, "ignorecase": True})

    def hits(self, ctx, found):
        for start, end, written, phrase in found:
            if written != phrase:
                yield Hit(start, end, self.say(written, phrase), phrase)


class Required(GenericRule):
    """At least one of the phrases (or a match of the pattern) must be in the caption."""

    type = "required"

    def hits(self, ctx, found):
        if next(iter(found), None) is None:
            yield Hit(ctx.base, ctx.base, self.say(""))


class Limit(GenericRule):
    """The phrases (or matches) may appear at most ``max`` times; the finding spans the rest."""

    type = "limit"

    def hits(self, ctx, found):
        matches = list(found)
        if len(matches) > self.max:
            first = matches[self.max]
            yield Hit(first[0], matches[-1][1], self.say(first[2]))


TYPES = {cls.type: cls for cls in (Existence, Substitution, Required, Limit, Capitalization)}


def generic(spec: dict) -> GenericRule:
    """The rule a guideline's ``custom_rules`` entry declares."""
    settings = {k: spec[k] for k in ("message", "tokens", "pattern", "swap", "max", "ignorecase", "kinds", "agencies")
                if spec.get(k) is not None}
    return TYPES[spec["type"]](**settings)


def custom_rules(guideline) -> list[Rule]:
    rules = []
    for spec in guideline["custom_rules"]:
        doc = _DOC.format(what=f"Aturan khusus pedoman jenis `{spec['type']}`: {spec['message']}",
                          why=spec.get("rationale") or "Ditetapkan oleh pedoman kota.")
        check = generic(spec)
        rules.append(Rule(
            id=spec["id"], category=spec["category"], severity=spec["severity"], summary=spec["message"],
            doc=doc, wrong=spec.get("wrong") or "", right=spec.get("right") or "", check=check.check,
            fixable=check.fixable,
        ))
    return rules
