"""Meta-test: every rule's wrong example raises it and its right example does not.

Runs over the built-in registry and over the custom rules of the shipped guideline, so a
new rule is tested the moment it is declared.
"""

from __future__ import annotations

import shutil

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint.custom import custom_rules
from humaskit.lint.engine import Linter
from humaskit.lint.registry import load_rules

from support import REPO

RULES = sorted(list(load_rules().values()) + custom_rules(load_guideline()), key=lambda r: r.id)


@pytest.fixture(scope="module")
def linter():
    """A linter whose optional grammar backend talks to a local STAND-IN LanguageTool server
    (LanguageTool cannot be installed here), so that rule's examples run like the others."""
    import os

    from lt_standin import languagetool_standin

    with languagetool_standin() as (url, _):
        old = os.environ.get("HUMASKIT_LANGUAGETOOL_URL")
        os.environ["HUMASKIT_LANGUAGETOOL_URL"] = url
        try:
            yield Linter(load_guideline())
        finally:
            if old is None:
                os.environ.pop("HUMASKIT_LANGUAGETOOL_URL", None)
            else:
                os.environ["HUMASKIT_LANGUAGETOOL_URL"] = old


def _lint_example(rule, text, tmp_path, linter):
    if rule.example_files:
        shutil.copytree(REPO / "tests" / "rule_examples" / rule.example_files, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "contoh.md"
    path.write_text(text, encoding="utf-8")
    if rule.scope == "folder":  # compared with the drafts beside it: only the example's own findings count
        from humaskit.lint.engine import lint_paths

        report = lint_paths([str(tmp_path)], linter.guideline, linter=linter)
        return [f for f in report.findings if f.path == str(path)]
    return linter.lint_text(text, str(path)).findings


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_wrong_example_raises_the_rule(rule, tmp_path, linter):
    assert rule.wrong, f"{rule.id} has no wrong example"
    found = [f for f in _lint_example(rule, rule.wrong, tmp_path, linter) if f.rule == rule.id]
    assert found, f"{rule.id}: wrong example not flagged"
    for f in found:
        assert f.message and f.category == rule.category


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_right_example_is_clean_for_the_rule(rule, tmp_path, linter):
    assert rule.right, f"{rule.id} has no right example"
    found = [f for f in _lint_example(rule, rule.right, tmp_path, linter) if f.rule == rule.id]
    assert not found, f"{rule.id}: right example flagged: {[f.message for f in found]}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented(rule):
    assert rule.what and rule.why, f"{rule.id}: docstring needs 'Apa yang diperiksa:' and 'Mengapa:'"
    assert rule.summary


def test_a_rule_id_names_its_file():
    """``grammar.time`` lives in rules/grammar.py or in a module of the package rules/grammar/."""
    for rule in load_rules().values():
        module = rule.check.__module__
        assert module.split(".")[3] == rule.category and module.startswith("humaskit.lint.rules."), \
            f"{rule.id} is declared in {module}, not in the module of its category"


@pytest.mark.parametrize("rule", [r for r in RULES if r.fixable], ids=lambda r: r.id)
def test_fixing_the_wrong_example_removes_the_finding(rule, tmp_path, linter):
    """A fixable rule's fix, applied, leaves nothing for that rule to report."""
    from humaskit.lint.fixing import fix_text
    from humaskit.draft import parse_draft

    if rule.example_files:
        shutil.copytree(REPO / "tests" / "rule_examples" / rule.example_files, tmp_path, dirs_exist_ok=True)
    path = str(tmp_path / "contoh.md")
    fixed = fix_text(linter, parse_draft(rule.wrong, path, guideline=linter.guideline))
    assert fixed != rule.wrong
    left = [f for f in linter.lint_text(fixed, path).findings if f.rule == rule.id and f.fix is not None]
    assert not left, f"{rule.id}: fix did not settle: {[f.message for f in left]}"


def test_every_rule_runs_on_a_guideline_that_leaves_its_lists_empty(tmp_path):
    """A city may list no banned tags and no clickbait or provocative words: the
    built-in rules made from those lists then find nothing instead of failing."""
    path = tmp_path / "pedoman.yaml"
    path.write_text("extends: nasional\nhashtags:\n  banned: []\ntone:\n  clickbait: []\n"
                    "  provocative: []\n", encoding="utf-8")
    empty = Linter(load_guideline(path))
    found = {f.rule for f in empty.lint_text("Heboh! Kamu tidak akan percaya, wajib tahu. #PemkotGagal\n").findings}
    assert not found & {"hashtag.banned", "tone.clickbait", "tone.provocative"}
    full = {f.rule for f in Linter(load_guideline()).lint_text("Heboh! Kamu tidak akan percaya. #PemkotGagal\n").findings}
    assert {"hashtag.banned", "tone.clickbait"} <= full


def test_every_rule_type_a_guideline_accepts_has_its_class():
    from humaskit.guideline.vocabulary import RULE_TYPES
    from humaskit.lint.custom import TYPES

    assert set(TYPES) == set(RULE_TYPES)
