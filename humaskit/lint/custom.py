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
from humaskit.lint.rules._util import match_case, phrase_regex

_DOC = "Apa yang diperiksa:\n{what}\nMengapa:\n{why}"


def _pattern(spec: dict) -> re.Pattern | None:
    flags = re.I if spec["ignorecase"] else 0
    if spec.get("pattern"):
        return re.compile(spec["pattern"], flags | re.M)
    return phrase_regex(spec["tokens"], ignorecase=spec["ignorecase"])


def _applies(spec: dict, draft) -> bool:
    return (not spec["kinds"] or draft.kind in spec["kinds"]) and \
           (not spec["agencies"] or draft.agency in spec["agencies"])


def _message(spec: dict, match: str, suggestion: str = "") -> str:
    return spec["message"].replace("{match}", match).replace("{suggestion}", suggestion)


def _make_check(spec: dict):
    kind = spec["type"]
    pattern = _pattern(spec) if kind in ("existence", "required", "limit") else None
    if kind == "substitution":
        swap = {k.casefold() if spec["ignorecase"] else k: v for k, v in spec["swap"].items()}
        pattern = phrase_regex(spec["swap"], ignorecase=spec["ignorecase"])
    if kind == "capitalization":
        canon = {t.casefold(): t for t in spec["tokens"]}
        pattern = phrase_regex(spec["tokens"], ignorecase=True)

    def check(ctx):
        if not _applies(spec, ctx.draft):
            return
        masked, base = ctx.tokens.masked, ctx.base
        if kind == "existence":
            for m in pattern.finditer(masked):
                yield Hit(m.start() + base, m.end() + base, _message(spec, m.group()))
        elif kind == "substitution":
            for m in pattern.finditer(masked):
                key = " ".join(m.group().split())
                right = swap.get(key.casefold() if spec["ignorecase"] else key)
                if right is not None:
                    fix = match_case(m.group(), right)
                    yield Hit(m.start() + base, m.end() + base, _message(spec, m.group(), fix), fix)
        elif kind == "capitalization":
            for m in pattern.finditer(masked):
                good = canon.get(" ".join(m.group().split()).casefold())
                if good and m.group() != good:
                    yield Hit(m.start() + base, m.end() + base, _message(spec, m.group(), good), good)
        elif kind == "required":
            if not pattern.search(masked):
                yield Hit(base, base, _message(spec, ""))
        elif kind == "limit":
            found = list(pattern.finditer(masked))
            if len(found) > spec["max"]:
                extra = found[spec["max"]]
                yield Hit(extra.start() + base, found[-1].end() + base, _message(spec, extra.group()))

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
