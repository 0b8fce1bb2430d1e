"""Hostile drafts in ``corpus/``: each file holds the real characters its name says (zero-width,
bidirectional, fullwidth, mathematical, decomposed, Cyrillic or Greek look-alikes, terminal
escapes). Words hidden by them are still found, at the columns of the file; the characters are
reported; fixes never split a character; reports never carry a control character raw."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from humaskit.cli import app
from humaskit.draft import load_draft
from humaskit.lint.fixing import fix_text
from humaskit.lint.view import grapheme_boundary

CORPUS = Path(__file__).parent / "corpus"
WATCHED = ("tone.informal-word", "spelling.invisible-character", "spelling.bidi-control", "spelling.mixed-script")

# file → the findings of the watched rules: (rule, the text of the file it spans, fix)
EXPECTED = {
    "zero-width-space.md": {("tone.informal-word", "g\u200bak", "tidak"),
                            ("spelling.invisible-character", "\u200b", "")},
    "zero-width-joiner.md": {("tone.informal-word", "g\u200dak", "tidak"),
                             # the joiner belongs to the g's cluster: the fix rewrites the whole cluster
                             ("spelling.invisible-character", "g\u200d", "g")},
    "word-joiner.md": {("tone.informal-word", "ga\u2060k", "tidak"), ("spelling.invisible-character", "\u2060", "")},
    "soft-hyphen.md": {("tone.informal-word", "ga\u00adk", "tidak"), ("spelling.invisible-character", "\u00ad", "")},
    "bom-inside.md": {("tone.informal-word", "gak", "tidak"), ("spelling.invisible-character", "\ufeff", "")},
    "crlf-hidden.md": {("tone.informal-word", "g\u200bak", "tidak"), ("spelling.invisible-character", "\u200b", "")},
    "fullwidth.md": {("tone.informal-word", "\uff47\uff41\uff4b", "tidak")},
    "math-bold.md": {("tone.informal-word", "\U0001d420\U0001d41a\U0001d424", "tidak")},
    "cyrillic-a.md": {("tone.informal-word", "g\u0430k", "tidak"), ("spelling.mixed-script", "g\u0430k", "gak")},
    "greek-omicron.md": {("tone.informal-word", "Info", "Informasi"), ("tone.informal-word", "\u03bfk", "baik"),
                         ("spelling.mixed-script", "\u03bfk", "ok")},
    "all-cyrillic-twins.md": {("tone.informal-word", "\u0430\u0458\u0430", "saja")},
    "nfd-accent.md": {("tone.informal-word", "gak", "tidak")},
    "nfd-combining-only.md": set(),  # k + U+0301 composes to ḱ: "gaḱ" is another word
    # a mark with no precomposed form stays on the k: the finding takes the whole character, no fix
    "combining-unattached.md": {("tone.informal-word", "gak\u0353", None)},
    "bidi-override.md": {("spelling.bidi-control", "\u202e", None), ("spelling.bidi-control", "\u202c", None)},
    "bidi-isolate.md": {("spelling.bidi-control", "\u2067", None), ("spelling.bidi-control", "\u2069", None)},
    "bidi-mark.md": {("spelling.bidi-control", "\u200f", None)},
    "terminal-escapes.md": {("tone.informal-word", "Info", "Informasi")}
    | {("spelling.invisible-character", c, "") for c in "\x1b\x07\x7f\x85"},
    "hashtag-hidden.md": {("spelling.invisible-character", "\u200b", "")},
    "emoji-sequences.md": set(),
    "russian-word.md": set(),
}
DRAFTS = sorted(CORPUS.glob("*.md"))


def test_every_corpus_file_has_an_expectation():
    assert {p.name for p in DRAFTS} == set(EXPECTED)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_hidden_words_are_found_and_hiding_characters_reported(path, linter):
    draft = load_draft(path, guideline=linter.guideline)
    found = {(f.rule, draft.text[f.start:f.end], f.fix) for f in linter.lint_draft(draft).findings
             if f.rule in WATCHED}
    assert found == EXPECTED[path.name]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_findings_and_fixes_lie_on_whole_characters(path, linter):
    draft = load_draft(path, guideline=linter.guideline)
    for f in linter.lint_draft(draft).findings:
        assert grapheme_boundary(draft.text, f.start) and grapheme_boundary(draft.text, f.end), f
    fixed = fix_text(linter, draft)
    assert fixed.startswith(draft.text[:draft.body_start])  # the front matter is not touched
    assert not re.search("[\u200b\u200d\u2060\u00ad\x1b]", fixed.replace("\U0001f468\u200d\U0001f469\u200d", ""))


def test_hashtag_with_a_hidden_character_counts_as_present(linter):
    draft = load_draft(CORPUS / "hashtag-hidden.md", guideline=linter.guideline)
    assert not [f for f in linter.lint_draft(draft).findings if f.rule == "hashtag.required"]


def test_columns_are_those_of_the_original_file(linter):
    """NFD 'Cafe\u0301' is one character longer in the file than in the view; 'gak' after it is
    still reported at its column in the file, and Café is not rewritten."""
    draft = load_draft(CORPUS / "nfd-accent.md", guideline=linter.guideline)
    [gak] = [f for f in linter.lint_draft(draft).findings if f.rule == "tone.informal-word"]
    line = draft.text.split("\n")[gak.line - 1]
    assert line[gak.column - 1:gak.end_column - 1] == "gak"
    assert "Cafe\u0301 sehat" in fix_text(linter, draft)


def test_emoji_sequences_survive_fixing_untouched(linter):
    draft = load_draft(CORPUS / "emoji-sequences.md", guideline=linter.guideline)
    assert fix_text(linter, draft) == draft.text


RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_reports_never_carry_control_characters_raw(fmt, tmp_path):
    folder = tmp_path / "draf\x1b[2J\u202e"
    shutil.copytree(CORPUS, folder)
    result = CliRunner().invoke(app, ["lint", str(folder), "--format", fmt])
    assert result.exit_code == 1, result.output
    assert "spelling.bidi-control" in result.output
    assert not RAW_CONTROL.search(result.output.replace("\n", "")), \
        repr(RAW_CONTROL.search(result.output.replace("\n", "")))
    if fmt == "text":
        assert "\\x1b]0;DIRETAS\\x07" in result.output and "\\u202e41" in result.output
        assert "draf\\x1b[2J\\u202e" in result.output
