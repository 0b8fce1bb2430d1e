"""No input shape makes lint quadratic: for each pathological shape, linting 4n characters
takes at most a generous multiple of linting n (a no-hang check, not a speed target), and a
1 MB hostile draft finishes in well under 10 s."""

from __future__ import annotations

import time

import pytest

SHAPES = {
    "hashtags": lambda n: " ".join(f"#Tag{i}" for i in range(n // 7)),
    "mentions": lambda n: " ".join(f"@user{i}" for i in range(n // 7)),
    "one long word": lambda n: "a" * n,
    "long word and an @": lambda n: "a" * n + "@",
    "unclosed comments": lambda n: "<!-- " * (n // 5),
    "unclosed suppressions": lambda n: "<!-- humaskit-disable " * (n // 22),
    "urls": lambda n: " ".join(f"https://tasikmalayakota.go.id/{i}" for i in range(n // 34)),
    "bare addresses": lambda n: " ".join(f"kota{i}.go.id" for i in range(n // 14)),
    "dotted labels": lambda n: "x.id" + ".a" * (n // 2),
    "e-mail addresses": lambda n: " ".join(f"a{i}@b.go.id" for i in range(n // 12)),
    "one long line of findings": lambda n: "gak banget kamu yang yang di kantor jam 7 " * (n // 42),
    "sentences": lambda n: "Ini kalimat. " * (n // 13),
    "many lines": lambda n: "gak\n" * (n // 4),
    "emoji": lambda n: "🎉" * n,
    "flags": lambda n: "🇮🇩" * (n // 2),
    "zero-width spaces": lambda n: "g\u200bak " * (n // 5),
    "decomposed accents": lambda n: "Cafe\u0301 " * (n // 6),
    "one decomposed word": lambda n: "e\u0301" * (n // 2),
    "look-alike letters": lambda n: "g\u0430k " * (n // 4),
    "joiners after a letter": lambda n: "a" + "\u0301\u200d" * (n // 2),
    "exclamations": lambda n: "!" * n,
}


def _seconds(linter, text: str) -> float:
    start = time.perf_counter()
    linter.lint_text(text, "besar.md")
    return time.perf_counter() - start


@pytest.mark.parametrize("shape", SHAPES, ids=str)
def test_four_times_the_input_costs_no_more_than_a_bounded_multiple(linter, shape):
    make = SHAPES[shape]
    _seconds(linter, make(2_000))  # warm: lexicons and the dictionary are loaded once
    small = min(_seconds(linter, make(20_000)) for _ in range(2))
    large = _seconds(linter, make(80_000))
    assert large < 12 * small + 0.5, f"{shape}: {small:.3f} s for n, {large:.3f} s for 4n"


def test_a_megabyte_of_hostile_caption_finishes_well_under_ten_seconds(linter):
    part = 1_000_000 // len(SHAPES)
    text = "\n".join(make(part) for make in SHAPES.values())
    assert len(text) >= 990_000
    assert _seconds(linter, text) < 10


def test_a_megabyte_word_finishes_quickly(linter):
    assert _seconds(linter, "a" * 1_000_000) < 10
