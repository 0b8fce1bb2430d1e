"""Generic rule types instantiated from the guideline's ``custom_rules`` (Vale-style).

A city adds a rule without Python: each entry names its ``type`` and gives its data.
  existence       tokens/pattern that must not appear
  substitution    swap: wrong → right (fixable)
  required        tokens/pattern of which at least one must appear
  limit           tokens/pattern that may appear at most ``max`` times
  capitalization  tokens whose exact casing is the canonical one (fixable)
"""

from __future__ import annotations

import re

from humaskit.lint.finding import Hit
from humaskit.lint.registry import Rule
from humaskit.lint.matching import PhraseIndex
from humaskit.lint.rules._util import match_case

_DOC = "Apa yang diperiksa:\n{what}\nMengapa:\n{why}"


class _RegexFinder:
    """The same interface as PhraseIndex, for rules written as a regular expression."""

    def __init__(self, pattern: str, ignorecase: bool) -> None:
        self.pattern = re.compile(pattern, (re.I if ignorecase else 0) | re.M)

    def finditer(self, tokens):
        for m in self.pattern.finditer(tokens.masked):
            yield m.start() + tokens.base, m.end() + tokens.base, m.group(), m.group()


def _finder(spec: dict):
    if spec.get("pattern"):
        return _RegexFinder(spec["pattern"], spec["ignorecase"])
    return PhraseIndex(spec["tokens"], ignorecase=spec["ignorecase"])


def _applies(spec: dict, draft) -> bool:
    return (not spec["kinds"] or draft.kind in spec["kinds"]) and \
           (not spec["agencies"] or draft.agency in spec["agencies"])


def _message(spec: dict, match: str, suggestion: str = "") -> str:
    return spec["message"].replace("{match}", match).replace("{suggestion}", suggestion)


def _make_check(spec: dict):
    kind = spec["type"]
    if kind == "substitution":
        finder = PhraseIndex(spec["swap"], ignorecase=spec["ignorecase"])
    elif kind == "capitalization":
        finder = PhraseIndex(spec["tokens"], ignorecase=True)
    else:
        finder = _finder(spec)

    def check(ctx):
        if not _applies(spec, ctx.draft):
            return
        found = finder.finditer(ctx.tokens)
        if kind == "existence":
            for start, end, written, _ in found:
                yield Hit(start, end, _message(spec, written))
        elif kind == "substitution":
            for start, end, written, phrase in found:
                fix = match_case(written, spec["swap"][phrase])
                yield Hit(start, end, _message(spec, written, fix), fix)
        elif kind == "capitalization":
            for start, end, written, phrase in found:
                if written != phrase:
                    yield Hit(start, end, _message(spec, written, phrase), phrase)
        elif kind == "required":
            if next(iter(found), None) is None:
                yield Hit(ctx.base, ctx.base, _message(spec, ""))
        elif kind == "limit":
            matches = list(found)
            if len(matches) > spec["max"]:
                first = matches[spec["max"]]
                yield Hit(first[0], matches[-1][1], _message(spec, first[2]))

    return check


def _example(spec: dict, which: str) -> str:
    return spec.get(which) or ""


def custom_rules(guideline) -> list[Rule]:
    rules = []
    for spec in guideline["custom_rules"]:
        doc = _DOC.format(what=f"Aturan khusus pedoman jenis `{spec['type']}`: {spec['message']}",
                          why=spec.get("rationale") or "Ditetapkan oleh pedoman kota.")
        rules.append(Rule(
            id=spec["id"], category=spec["category"], severity=spec["severity"], summary=spec["message"],
            doc=doc, wrong=_example(spec, "wrong"), right=_example(spec, "right"), check=_make_check(spec),
            fixable=spec["type"] in ("substitution", "capitalization"),
        ))
    return rules
