"""What a rule declares besides its check: the guideline settings it reads (shown in its docs
with the schema's description and default) and the old ids it answers to after a rename."""

from __future__ import annotations

import pytest

from humaskit.guideline import crosscheck, load_guideline
from humaskit.guideline.docs import setting
from humaskit.lint import registry
from humaskit.lint.api import describe_rules
from humaskit.lint.docs import rule_ids_file
from humaskit.lint.engine import Linter
from humaskit.lint.finding import Hit


def test_every_declared_setting_is_a_guideline_key():
    for rule in registry.load_rules().values():
        for key in rule.settings:
            assert setting(key) is not None, f"{rule.id}: `{key}` is not a key of the guideline schema"


def test_a_setting_is_found_through_mappings_and_lists():
    assert setting("tone.max_emoji").default == 3
    assert setting("agencies.*.hashtags") is not None
    assert setting("platforms.*.image_sizes.*.width") is not None
    assert setting("tone.no_such_key") is None and setting("platforms.x") is None


@pytest.fixture
def renamed(monkeypatch):
    """A rule renamed from tone.old-example to tone.example, declared as a rule module would
    (in a copy of the registry, so the other tests never see it)."""
    monkeypatch.setattr(registry, "REGISTRY", dict(registry.load_rules()))
    monkeypatch.setattr(registry, "ALIASES", dict(registry.ALIASES))

    @registry.rule("tone.example", category="tone", severity="warning", summary="Kata 'contoh'",
                   wrong="Ini contoh.", right="Ini teladan.", aliases=("tone.old-example",))
    def example(ctx):
        """Apa yang diperiksa:
        Kata 'contoh'.
        Mengapa:
        Untuk uji nama lama aturan.
        """
        i = ctx.text.find("contoh")
        return [Hit(i, i + 6, "Kata 'contoh'.")] if i >= 0 else []

    # the guideline knows rule ids from the file the registry writes: here, as it would be written now
    monkeypatch.setattr(crosscheck, "_rule_file", rule_ids_file)
    return registry.REGISTRY["tone.example"]


def _found(linter, text):
    return [f.rule for f in linter.lint_text(text).findings if f.rule == "tone.example"]


def test_an_old_rule_id_keeps_working_in_the_guideline(renamed, tmp_path):
    assert "tone.old-example -> tone.example" in rule_ids_file().splitlines()
    path = tmp_path / "pedoman.yaml"
    path.write_text("extends: tasikmalaya\nrules:\n  tone.old-example: off\n", encoding="utf-8")
    assert _found(Linter(load_guideline()), "Ini contoh.") == ["tone.example"]
    assert _found(Linter(load_guideline(path)), "Ini contoh.") == []


def test_an_old_rule_id_keeps_working_in_select_ignore_and_comments(renamed, guideline):
    assert [a.rule.id for a in Linter(guideline, select=["tone.old-example"]).active] == ["tone.example"]
    assert _found(Linter(guideline, ignore=["tone.old-example"]), "Ini contoh.") == []
    linter = Linter(guideline)
    assert _found(linter, "Ini contoh.") == ["tone.example"]
    assert _found(linter, "<!-- humaskit-disable-next-line tone.old-example -->\nIni contoh.") == []
    assert registry.names_a_rule("tone.old-example", registry.REGISTRY.values())


def test_the_docs_name_the_old_id_and_the_settings(renamed):
    text = describe_rules("tone.old-example")
    assert text.startswith("tone.example ") and "Nama lama (masih berlaku): `tone.old-example`" in text
    emoji = describe_rules("tone.emoji-count")
    if registry.REGISTRY["tone.emoji-count"].settings:
        assert "`tone.max_emoji` (bawaan `3`)" in emoji


def test_the_new_id_wins_over_the_old_and_every_reader_sees_the_old_one(renamed, tmp_path):
    """The old id is read as the new one when the guideline loads, so the handbook's count of
    active rules and the engine agree; given both, the new id's severity counts."""
    from humaskit.handbook.chapters import about

    path = tmp_path / "pedoman.yaml"
    path.write_text("extends: tasikmalaya\nrules:\n  tone.old-example: off\n", encoding="utf-8")
    old = load_guideline(path)
    assert old.severity("tone.example", "warning") == "off"
    assert about(old)["rules"] == about(load_guideline())["rules"] - 1
    path.write_text("extends: tasikmalaya\nrules:\n  tone.old-example: off\n  tone.example: error\n", encoding="utf-8")
    assert load_guideline(path).severity("tone.example", "warning") == "error"
