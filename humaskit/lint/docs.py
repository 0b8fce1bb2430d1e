"""Rule documentation, generated from the rule declarations (for `humaskit rules` and docs/rules.md)."""

from __future__ import annotations

from humaskit.guideline.vocabulary import SEVERITY_LABELS
from humaskit.lint.registry import Rule, in_order, load_rules
from humaskit.lint.view import printable



def example_text(text: str) -> str:
    """An example draft with its invisible and control characters written as escapes (\\u200b),
    so the reader sees what the rule is about and no terminal obeys them."""
    return "\n".join(printable(line, invisible=True) for line in text.split("\n"))


def rule_text(rule: Rule) -> str:
    lines = [f"{rule.id}  ({rule.category}, {SEVERITY_LABELS[rule.severity]}{', dapat diperbaiki otomatis' if rule.fixable else ''})",
             f"  {rule.summary}", "", f"  Apa yang diperiksa: {rule.what}", f"  Mengapa: {rule.why}", "",
             "  Salah:"]
    lines += [f"    {line}" for line in example_text(rule.wrong).splitlines()]
    lines += ["  Benar:"] + [f"    {line}" for line in example_text(rule.right).splitlines()]
    lines += _declared(rule, "  ")
    return "\n".join(lines) + "\n"


def _declared(rule: Rule, indent: str) -> list[str]:
    """The guideline settings the rule reads and its old ids, as its declaration names them."""
    out = []
    if rule.settings:
        from humaskit.guideline.docs import setting_text

        out += [f"{indent}Pengaturan di pedoman:"] + [f"{indent}- {setting_text(key)}" for key in rule.settings]
    if rule.aliases:
        out.append(f"{indent}Nama lama (masih berlaku): " + ", ".join(f"`{a}`" for a in rule.aliases))
    return out


def rules_markdown(rules: list[Rule]) -> str:
    out = ["# Aturan humaskit", "",
           "Dokumen ini dibuat dari deklarasi aturan di kode (`humaskit rules --format markdown`);",
           "jangan diedit langsung. Setiap aturan bisa diatur tingkatnya atau dimatikan di pedoman:",
           "`rules: {tone.emoji-count: off}`.", ""]
    out += ["| id | kategori | tingkat | ringkasan |", "| --- | --- | --- | --- |"]
    ordered = in_order(rules)
    for rule in ordered:
        out.append(f"| [`{rule.id}`](#{rule.id.replace('.', '')}) | {rule.category} | "
                   f"{SEVERITY_LABELS[rule.severity]} | {rule.summary} |")
    for rule in ordered:
        out += ["", f"## {rule.id}", "",
                f"**{rule.summary}**. Kategori `{rule.category}`, tingkat bawaan `{rule.severity}`"
                + ("; punya perbaikan otomatis (`--fix`)." if rule.fixable else "."), "",
                f"**Apa yang diperiksa.** {rule.what}", "", f"**Mengapa.** {rule.why}", "",
                "Salah:", "", "```markdown", example_text(rule.wrong), "```", "", "Benar:", "", "```markdown",
                example_text(rule.right), "```"]
        declared = _declared(rule, "")
        if declared:
            out += [""] + declared
    return "\n".join(out) + "\n"


def rule_ids_file() -> str:
    """The text of humaskit/data/rule_ids.txt. The guideline checks the ids in its ``rules:``
    section against that file: the guideline is the layer below lint and does not import it."""
    from humaskit.lint.registry import ALIASES

    rules = load_rules()
    return ("# The id of every built-in lint rule, one a line, and the old id of a renamed rule as\n"
            "# `old -> new`: generated, do not edit.\n"
            "# python -m humaskit.lint.docs > humaskit/data/rule_ids.txt\n"
            + "".join(f"{rule_id}\n" for rule_id in sorted(rules))
            + "".join(f"{old} -> {new}\n" for old, new in sorted(ALIASES.items())))


if __name__ == "__main__":
    print(rule_ids_file(), end="")
