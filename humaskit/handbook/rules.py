"""The rules chapter: every rule of the registry (and the guideline's custom rules) with its
rationale and its wrong/right examples, each example linted with this guideline while the
book is made, so the book shows what `humaskit lint` says about it, for this city.
"""

from __future__ import annotations

import base64

from humaskit.errors import HumaskitError
from humaskit.guideline.vocabulary import CATEGORY_TITLES, SEVERITY_LABELS
from humaskit.lint.docs import example_text
from humaskit.lint.registry import CATEGORIES

# Rules whose verdict comes from a server: the book is made offline and must not call one.
SERVER_RULES = ("grammar.languagetool",)
EXAMPLE_PATH = "contoh.md"


def _shown(rule, label: str, text: str) -> dict:
    return {"label": label, "text": example_text(text), "draft": base64.b64encode(text.encode()).decode("ascii"),
            "findings": [], "note": None, "files": rule.example_files}


def _own_findings(linter, rule, text: str) -> list:
    return [f for f in linter.lint_text(text, EXAMPLE_PATH).findings if f.rule == rule.id]


def _adapted(linter, rule, text: str) -> str | None:
    """A right example this guideline flags, fixed by the rule's own fix (the city's required
    hashtags added, say) when that settles it; None when it does not."""
    from humaskit.draft import parse_draft
    from humaskit.lint.engine import Linter
    from humaskit.lint.fixing import fix_text

    if not rule.fixable:
        return None
    fixer = Linter(linter.guideline, select=(rule.id,))
    fixed = fix_text(fixer, parse_draft(text, EXAMPLE_PATH, guideline=linter.guideline))
    return fixed if fixed != text and not _own_findings(linter, rule, fixed) else None


def _verdict(linter, rule, label: str, text: str) -> dict:
    """One example as the book shows it. ``verdict`` is what lint says for this guideline:
    ``salah`` (the rule flags it), ``benar`` (it does not), or ``none`` when that differs from
    the label the rule gives it (a word this city allows, an agency it does not have)."""
    shown = _shown(rule, label, text)
    if rule.example_files:
        return {**shown, "verdict": label, "note": "Contoh ini memakai berkas lain di sampingnya (gambar, atau "
                                                   "draf lain yang dibandingkan); hasilnya diuji bersama humaskit."}
    if rule.id in SERVER_RULES:
        return {**shown, "verdict": "none", "note": "Contoh ini diperiksa oleh server LanguageTool bila dipasang."}
    try:
        found = _own_findings(linter, rule, text)
    except HumaskitError as error:
        return {**shown, "verdict": "none", "note": "Dengan pedoman ini, contoh ini tidak dapat diperiksa: "
                                                    + "; ".join(p.message for p in error.problems)}
    findings = [{"line": f.line, "message": f.message, "fix": f.fix} for f in found]
    if label == "salah" and not found:
        return {**shown, "verdict": "none", "note": "Dengan pedoman ini, contoh ini tidak ditandai aturan ini."}
    if label == "benar" and found:
        adapted = _adapted(linter, rule, text)
        if adapted is not None:
            return {**_shown(rule, label, adapted), "verdict": "benar",
                    "note": "Disesuaikan dengan pedoman ini oleh perbaikan otomatis aturan ini."}
        return {**shown, "verdict": "none", "findings": findings,
                "note": "Dengan pedoman ini, contoh ini pun ditandai aturan ini:"}
    return {**shown, "verdict": label, "findings": findings}


def rules(g) -> dict:
    from humaskit.lint.custom import custom_rules
    from humaskit.lint.engine import Linter
    from humaskit.lint.registry import in_order, load_rules

    linter = Linter(g, ignore=SERVER_RULES)
    every = in_order(list(load_rules().values()) + custom_rules(g))
    groups: dict[str, list] = {}
    off = []
    for rule in every:
        severity = g.severity(rule.id, rule.severity)
        if severity == "off":
            off.append(rule)
            continue
        examples = [_verdict(linter, rule, label, text)
                    for label, text in (("salah", rule.wrong), ("benar", rule.right)) if text]
        groups.setdefault(rule.category, []).append({
            "id": rule.id, "summary": rule.summary, "what": rule.what, "why": rule.why, "fixable": rule.fixable,
            "severity": SEVERITY_LABELS[severity], "changed": severity != rule.severity,
            "kinds": rule.kinds, "examples": examples,
        })
    return {
        "groups": [(category, CATEGORY_TITLES.get(category, category), groups[category]) for category in CATEGORIES
                   if category in groups],
        "off": [(r.id, r.summary) for r in off],
        "count": sum(len(v) for v in groups.values()),
    }
