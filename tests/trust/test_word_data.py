"""The word lists written for issue #11 (not yet read by the rules): each parses, has no duplicate
key, holds no common standard Indonesian word, and every one-word padanan is itself accepted by
humaskit's spelling dictionary."""

from __future__ import annotations

from collections import Counter

import pytest

from humaskit.language.speller import Speller, common_words, shipped_dictionary
from humaskit.resources import data_file

LEVELS = {"akrab", "gaul", "singkatan"}  # informal.tsv's levels (see its header comment)
# "Common standard Indonesian word": accepted by the dictionary and among the 5,000 most frequent
# words of real Indonesian usage (wordfreq). Rarer dictionary entries are often the slang or
# regional word itself (hunspell-id lists many cakapan forms).
COMMON_RANK = 5000


def _rows(name: str, columns: int) -> list[list[str]]:
    lines = data_file(name).read_text("utf-8").splitlines()
    assert len(lines[0].split("\t")) == columns, f"{name}: header"
    # a row may leave its trailing empty columns out, as informal.tsv does
    rows = [(line.split("\t") + [""] * columns)[:columns] for line in lines[1:] if line and not line.startswith("#")]
    for line in lines[1:]:
        assert line.count("\t") < columns, (name, line)
    for row in rows:
        assert all(cell == cell.strip() for cell in row), (name, row)
        assert row[0] and row[0] == row[0].lower(), (name, row)
    return rows


@pytest.fixture(scope="module")
def speller():
    return Speller(shipped_dictionary())


def _common_standard(speller, word: str) -> bool:
    return speller.known(word) and common_words().get(word, COMMON_RANK) < COMMON_RANK


def _no_duplicates(keys) -> None:
    counts = Counter(keys)
    assert not [k for k, n in counts.items() if n > 1]


def test_foreign_terms(speller):
    rows = _rows("foreign_terms.tsv", 4)
    assert len(rows) >= 300
    assert sum(1 for term, *_ in rows if " " in term) >= 60  # multi-word terms
    _no_duplicates(term for term, *_ in rows)
    for term, padanan, context, _ in rows:
        assert context in ("", "name", "ambiguous"), term
        assert padanan and padanan.lower() != term, term
        if " " not in term:
            assert not speller.known(term), f"{term} is an Indonesian word"
        if " " not in padanan and "-" not in padanan and not padanan.isupper():
            assert speller.known(padanan.lower()), f"padanan {padanan!r} of {term!r} not in the dictionary"


def test_informal_extra(speller):
    rows = _rows("informal_extra.tsv", 4)
    assert len(rows) >= 150
    _no_duplicates(word for word, *_ in rows)
    core = {row[0] for row in _rows("informal.tsv", 4)}
    foreign = {row[0] for row in _rows("foreign_terms.tsv", 4)}
    for word, formal, level, _ in rows:
        assert level in LEVELS, word
        assert word not in core and word not in foreign, f"{word} already owned by another list"
        assert not _common_standard(speller, word), word
        assert formal.lower() != word, word


def test_regional(speller):
    rows = _rows("regional.tsv", 2)
    _no_duplicates(word.casefold() for word, _ in rows)  # the rule maps each word to one language
    languages = Counter(language for _, language in rows)
    assert set(languages) == {"sunda", "jawa"} and min(languages.values()) >= 60
    for word, _ in rows:
        assert not _common_standard(speller, word.casefold()), word
