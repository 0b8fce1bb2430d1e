"""Rule documentation, generated from the rule declarations (for `humaskit rules` and docs/rules.md)."""

from __future__ import annotations

from humaskit.lint.registry import CATEGORIES, Rule, load_rules
from humaskit.lint.view import printable

SEVERITY_WORDS = {"error": "galat", "warning": "peringatan", "suggestion": "saran"}


def example_text(text: str) -> str:
    """An example draft with its invisible and control characters written as escapes (\\u200b),
    so the reader sees what the rule is about and no terminal obeys them."""
    return "\n".join(printable(line, invisible=True) for line in text.split("\n"))


def rule_text(rule: Rule) -> str:
    lines = [f"{rule.id}  ({rule.category}, {SEVERITY_WORDS[rule.severity]}{', dapat diperbaiki otomatis' if rule.fixable else ''})",
             f"  {rule.summary}", "", f"  Apa yang diperiksa: {rule.what}", f"  Mengapa: {rule.why}", "",
             "  Salah:"]
    lines += [f"    {line}" for line in example_text(rule.wrong).splitlines()]
    lines += ["  Benar:"] + [f"    {line}" for line in example_text(rule.right).splitlines()]
    return "\n".join(lines) + "\n"


def rules_markdown(rules: list[Rule]) -> str:
    out = ["# Aturan humaskit", "",
           "Dokumen ini dibuat dari deklarasi aturan di kode (`humaskit rules --format markdown`);",
           "jangan diedit langsung. Setiap aturan bisa diatur tingkatnya atau dimatikan di pedoman:",
           "`rules: {tone.emoji-count: off}`.", ""]
    out += ["| id | kategori | tingkat | ringkasan |", "| --- | --- | --- | --- |"]
    ordered = sorted(rules, key=lambda r: (CATEGORIES.index(r.category), r.id))
    for rule in ordered:
        out.append(f"| [`{rule.id}`](#{rule.id.replace('.', '')}) | {rule.category} | "
                   f"{SEVERITY_WORDS[rule.severity]} | {rule.summary} |")
    for rule in ordered:
        out += ["", f"## {rule.id}", "",
                f"**{rule.summary}**. Kategori `{rule.category}`, tingkat bawaan `{rule.severity}`"
                + ("; punya perbaikan otomatis (`--fix`)." if rule.fixable else "."), "",
                f"**Apa yang diperiksa.** {rule.what}", "", f"**Mengapa.** {rule.why}", "",
                "Salah:", "", "```markdown", example_text(rule.wrong), "```", "", "Benar:", "", "```markdown",
                example_text(rule.right), "```"]
    return "\n".join(out) + "\n"


def rule_ids_file() -> str:
    """The text of humaskit/data/rule_ids.txt. The guideline checks the ids in its ``rules:``
    section against that file: the guideline is the layer below lint and does not import it."""
    return ("# The id of every built-in lint rule, one a line: generated, do not edit.\n"
            "# python -m humaskit.lint.docs > humaskit/data/rule_ids.txt\n"
            + "".join(f"{rule_id}\n" for rule_id in sorted(load_rules())))


if __name__ == "__main__":
    print(rule_ids_file(), end="")
