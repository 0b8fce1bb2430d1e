"""The matchers of humaskit.lint.matching against their plain regular-expression definitions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from humaskit.lint.matching import WORD, PhrasePresence, WordVerdicts, continues_word, whole_word_offsets

NEEDLES = ["rp", "di", "anda", "bukan urusan", "salah sendiri", "x-ray", "it's"]
TEXT = st.lists(st.one_of(st.sampled_from(NEEDLES + ["di-", "-di", "_di", "di_", "ndi", "'di", "di'a", "é"]),
                          st.text(alphabet="adinr -_'’\n\tÉé0", max_size=6)), max_size=15).map(" ".join)


@settings(max_examples=1500, deadline=None)
@given(TEXT, st.sampled_from(NEEDLES))
def test_whole_word_offsets_are_where_the_needle_is_a_whole_token_run(text, needle):
    # A whole-word occurrence: the tokeniser does not continue the word on either side.
    expected = [m.start() for m in re.finditer(f"(?={re.escape(needle)})", text)
                if not continues_word(text, m.start() - 1, -1) and not continues_word(text, m.start() + len(needle), 1)]
    assert whole_word_offsets(text, needle) == expected


@settings(max_examples=1500, deadline=None)
@given(TEXT)
def test_continues_word_agrees_with_the_tokeniser(text):
    # Every token edge is a place where the word does not go on outwards.
    for m in WORD.finditer(text):
        assert not continues_word(text, m.start() - 1, -1)
        assert not continues_word(text, m.end(), 1)


@settings(max_examples=1500, deadline=None)
@given(st.sets(st.sampled_from(NEEDLES), min_size=1), TEXT)
def test_phrase_presence_is_a_whole_word_case_insensitive_search(phrases, text):
    lower = " ".join(text.casefold().split())
    expected = any(re.search(rf"(?<![^\W_]){re.escape(p)}(?![^\W_])", lower) for p in phrases)
    assert PhrasePresence(phrases).search(lower) == expected


def test_word_verdicts_judge_each_word_once_and_sort_what_they_report():
    judged = []

    def judge(word):
        judged.append(word)
        return word.upper() if word.startswith("g") else None

    verdicts = WordVerdicts(judge)
    assert verdicts({"gak", "baik", "gitu"}) == [("gak", "GAK"), ("gitu", "GITU")]
    assert verdicts({"gak", "baik", "gitu", "bisa"}) == [("gak", "GAK"), ("gitu", "GITU")]
    assert sorted(judged) == ["baik", "bisa", "gak", "gitu"]


def test_rules_add_no_caption_base_to_their_offsets():
    """Issue 10, item 1: the masked text and every token offset are offsets in the file, so a
    rule reports what it matched as it matched it. The one exception is LanguageTool, whose
    server is sent the caption alone."""
    import ast

    from support import REPO

    def is_base(node):
        return (isinstance(node, ast.Name) and node.id == "base") or \
            (isinstance(node, ast.Attribute) and node.attr == "base")

    sums = []
    for path in sorted((REPO / "humaskit" / "lint" / "rules").rglob("*.py")):
        if path.name == "languagetool.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and \
                    (is_base(node.left) or is_base(node.right)):
                sums.append(f"{path.relative_to(REPO).as_posix()}:{node.lineno}")
    assert sums == []


def test_every_lazy_pattern_compiles():
    """A pattern is compiled on first use, behind cheap gates: a mistake in one would show only
    mid-lint, on the draft that reaches it. Compile them all here."""
    import importlib
    import pkgutil

    import humaskit
    from humaskit.lint.matching import LazyPattern
    from humaskit.lint.registry import load_rules

    load_rules()
    names = [m.name for m in pkgutil.walk_packages(humaskit.__path__, "humaskit.")
             if m.name.startswith(("humaskit.lint", "humaskit.language"))]
    found = 0
    for name in names:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                value.compiled()
                found += 1
    assert found > 50
