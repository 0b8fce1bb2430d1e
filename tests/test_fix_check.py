"""Fixes that never make text worse (issue #11): every fix is tried on its sentence and linted
again before it is offered; --fix says per file what it changed."""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from typer.testing import CliRunner

from humaskit.cli import app
from humaskit.guideline import load_guideline
from humaskit.draft import parse_draft
from humaskit.lint.engine import Linter
from humaskit.lint.fixing import fix_text

CORPUS = Path(__file__).parent / "trust" / "corpus"
_POST = "---\nagency: dinkes\nplatforms: [facebook]\n---\n"
_TAGS = "\n#KotaTasikmalaya #DinkesTasikmalaya\n"


@pytest.fixture(scope="module")
def linter():
    return Linter(load_guideline())


def _on(result, text, span):
    start = text.index(span)
    return [f for f in result.findings if f.start <= start < f.end]


def test_a_fix_that_doubles_a_word_is_not_offered(linter):
    text = _POST + "Buruan segera daftar di puskesmas terdekat.\n"
    result = linter.lint_text(text)
    [finding] = [f for f in _on(result, text, "Buruan") if f.rule == "tone.informal-word"]
    assert finding.fix is None  # "Segera segera daftar" would be a new finding
    assert "segera" in finding.message  # the advice stays
    assert "Buruan segera daftar" in fix_text(linter, parse_draft(text, "a.md", guideline=linter.guideline))


def test_a_fix_that_gains_no_finding_is_offered(linter):
    text = _POST + "Daftar aja di puskesmas terdekat.\n"
    [finding] = _on(linter.lint_text(text), text, "aja")
    assert finding.fix == "saja"


def test_a_sentence_final_particle_is_deleted_not_made_a_demonstrative(linter):
    text = _POST + "Ada informasi penting nih. Buku nih milik siapa?\n"
    draft = parse_draft(text, "a.md", guideline=linter.guideline)
    assert "Ada informasi penting. Buku ini milik siapa?" in fix_text(linter, draft)


def test_a_form_of_address_is_advice_only(linter):
    text = _POST + "Jangan lupa datang ya gaes.\n"
    [finding] = _on(linter.lint_text(text), text, "gaes")
    assert finding.fix is None and "Sahabat" in finding.message


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.md")), ids=lambda p: p.stem)
def test_fixing_a_real_caption_never_adds_a_finding(linter, path):
    """Every fix offered on the trust corpus, applied: no rule reports more afterwards, and each
    change is a word or a short phrase."""
    text = path.read_text("utf-8")
    draft = parse_draft(text, str(path), guideline=linter.guideline)
    before = Counter(f.rule for f in linter.lint_draft(draft).findings)
    changes: list = []
    fixed = fix_text(linter, draft, changes=changes)
    after = Counter(f.rule for f in linter.lint_text(fixed, str(path)).findings)
    assert not [rule for rule, n in after.items() if n > before[rule]], (before, after)
    for _, _, old, new in changes:
        assert _words_changed(old, new) <= 4, (old, new)


def _words_changed(old: str, new: str) -> int:
    """Words replaced, added or removed between two spans (spaces alone are not words)."""
    ops = SequenceMatcher(None, old.split(), new.split(), autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def test_fix_reports_each_change_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(_POST + "Daftar aja di puskesmas, info penting nih.\n" + _TAGS, encoding="utf-8")
    (tmp_path / "b.md").write_text(_POST + "Pendaftaran dibuka di puskesmas terdekat.\n" + _TAGS, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "--fix", "a.md", "b.md"])
    err = result.stderr
    assert "diperbaiki: a.md (3 perubahan)" in err
    assert "5:8  'aja' → 'saja'" in err
    assert "'info' → 'informasi'" in err and "' nih' → (dihapus)" in err
    assert "b.md" not in err  # nothing changed there
    assert "Daftar saja di puskesmas, informasi penting.\n" in (tmp_path / "a.md").read_text("utf-8")


def test_fix_never_rewrites_a_defensive_reply(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    reply = "---\nagency: dishub\nkind: reply\n---\nItu bukan urusan kami, silakan tanya ke dinas lain.\n"
    (tmp_path / "r.md").write_text(reply, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", "--fix", "r.md"])
    assert result.exit_code == 1 and "reply.defensive" in result.stdout
    assert (tmp_path / "r.md").read_text("utf-8") == reply


def test_the_rules_left_out_of_the_check_exist():
    """Each rule says whether a fix can set it off (``local``); the check runs those that can."""
    from humaskit.lint.fixcheck import LANGUAGE
    from humaskit.lint.registry import load_rules

    NOT_LOCAL = {r.id for r in load_rules().values() if not r.local}
    assert NOT_LOCAL <= set(load_rules())
    assert {r.split(".")[0] for r in NOT_LOCAL} <= set(LANGUAGE)
    assert {"grammar.decimal", "grammar.currency", "tone.long-sentence"} <= NOT_LOCAL
    assert "tone.informal-word" not in NOT_LOCAL
