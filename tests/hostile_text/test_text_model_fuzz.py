"""Fuzzing the matching view, the text model and the draft parser with hostile Unicode:
no exception, every span maps inside the original text on grapheme boundaries, fixes never
split a character, and text with nothing to normalise is its own view."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from humaskit.errors import HumaskitError
from humaskit.draft import parse_draft
from humaskit.lint.fixing import apply_fixes, fix_text
from humaskit.lint.text import Tokens
from humaskit.lint.view import grapheme_boundary, matching_view

HOSTILE = list("\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\ufe0f\u202e\u202c\u2066\u2069\u200e\u061c"
               "\x00\x1b\x07\x7f\x85\u0301\u0353\u0308\u20e3\uff47\uff41\uff4b\u0430\u0435\u043e\u03bf"
               "\u0421\u043f\ufb01\u2028\r\n\t ") + ["\U0001d420", "\U0001f468", "\U0001f3fd", "\U0001f1ee",
                                                     "\U0001f1e9", "\U000e0067", "\U0001f3f4", "\uac00", "\u1100",
                                                     "\u1161", "\u11a8"]
WORDS = ["gak", "kamu", "aja", "Cafe", "praktek", "#KotaTasikmalaya", "@dinkes", "https://bit.ly/x",
         "<!-- humaskit-disable -->", "<!--", "-->", "Rp.", "jam 7", "walikota", "HEBOH", "!!!", "yang yang"]
PIECES = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(WORDS), st.text(max_size=4))
HOSTILE_TEXT = st.lists(PIECES, max_size=40).map("".join)
FRONT = st.sampled_from(["", "---\nagency: dinkes\nplatforms: [x]\n---\n", "\ufeff", "---\r\nkind: reply\r\n---\r\n"])
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _on_boundaries(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text) and grapheme_boundary(text, start) and grapheme_boundary(text, end)


@SETTINGS
@given(HOSTILE_TEXT, st.data())
def test_every_view_span_maps_onto_whole_characters_of_the_original(text, data):
    view = matching_view(text, 0)
    Tokens(view.text, view.base)  # the tokeniser takes any view
    n = len(view.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    start, end, exact = view.span(a, b)
    assert _on_boundaries(text, start, end)
    if exact and not view.edits:
        assert (start, end) == (a, b)


@SETTINGS
@given(st.text())
def test_text_with_nothing_to_normalise_is_its_own_view(text):
    """NFC text without controls, marks, Greek or Cyrillic letters, compatibility characters or
    fillers (whatever else it holds: emoji, CJK, Arabic, symbols)."""
    text = unicodedata.normalize("NFC", "".join(
        c for c in text if unicodedata.category(c)[0] not in "CM" and not "\u0370" <= c <= "\u052f"
        and unicodedata.normalize("NFKC", c) == c and c not in "\u115f\u1160\u3164\uffa0"))
    view = matching_view(text, 0)
    assert view.text == text
    assert view.span(0, len(text))[:2] == (0, len(text))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(HOSTILE + list("gakCafe"))))
def test_view_keeps_every_visible_character_and_drops_only_invisible_ones(text):
    view = matching_view(text, 0)
    removed = "".join(text[i] for i in view.hidden)
    assert all(unicodedata.category(c) in ("Cc", "Cf", "Mn", "Lo") for c in removed)
    assert len(view.text) <= len(text) + text.count("\ufb01")  # only the ﬁ ligature grows


@SETTINGS
@given(FRONT, HOSTILE_TEXT)
def test_findings_and_fixes_never_split_a_character(linter, front, caption):
    text = front + caption
    try:
        draft = parse_draft(text, "a.md", guideline=linter.guideline)
    except HumaskitError:
        return  # a front matter the fuzzer broke: reported as bad input, which is the point
    findings = linter.lint_draft(draft).findings
    for f in findings:
        assert _on_boundaries(text, f.start, f.end), (f.rule, f.start, f.end)
    fixed = apply_fixes(text, findings)
    assert fixed.startswith(text[:draft.body_start])
    fix_text(linter, draft)


@SETTINGS
@given(st.text(), st.text())
def test_any_front_matter_is_read_or_refused_with_a_message(linter, yaml_text, caption):
    text = f"---\n{yaml_text}\n---\n{caption}"
    try:
        draft = parse_draft(text, "a.md", guideline=linter.guideline)
    except HumaskitError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        return
    assert draft.text == text and 0 <= draft.body_start <= len(text)
    linter.lint_draft(draft)


def test_grapheme_boundaries_of_known_clusters():
    cases = {
        "e\u0301x": [0, 2, 3],                       # e + combining acute is one character
        "\r\na": [0, 2, 3],                          # CR LF
        "\U0001f468\u200d\U0001f469b": [0, 3, 4],    # emoji ZWJ sequence
        "\U0001f1ee\U0001f1e9\U0001f1ee\U0001f1e9": [0, 2, 4],  # two flags
        "1\ufe0f\u20e3.": [0, 3, 4],                 # keycap
        "g\u200bak": [0, 1, 2, 3, 4],                # a zero-width space is a character of its own
        "\U0001f44d\U0001f3fd!": [0, 2, 3],          # skin tone
        "\u1100\u1161\u11a8\uac00": [0, 3, 4],       # Hangul jamo L V T, then a syllable
    }
    for text, boundaries in cases.items():
        assert [i for i in range(len(text) + 1) if grapheme_boundary(text, i)] == boundaries, repr(text)
