"""The guideline's dictionary: the speller (hunspell-id with Indonesian morphology and the
guideline's accepted words), built once per guideline and shared by the spelling, grammar and
tone rules and by the regional-passage test, with the per-word typo verdicts the spelling rule
reports."""

from __future__ import annotations

from humaskit.lint.matching import WordVerdicts

# Longer than any Indonesian word (dipertanggungjawabkannya has 24 letters): not a typo of one,
# and the typo model's candidates grow with the square of a word's length.
_LONGEST = 40


def _skip_words(guideline) -> frozenset[str]:
    """Lower-case words never reported: the guideline's vocabulary, and words other rules own."""
    from humaskit.lint import lexicon

    words = set(lexicon.official_words(guideline))
    words.update(w.lower() for phrase in guideline["spelling"]["accept"] for w in phrase.replace("-", " ").split())
    words.update(k for k in lexicon.kata_baku(guideline) if " " not in k)
    words.update(lexicon.informal(guideline))
    words.update(lexicon.foreign_terms(guideline))
    words.update(lexicon.SECOND_PERSON)
    words.update(lexicon.SECOND_PERSON_PLURAL)
    return frozenset(words)


def speller_for(ctx):
    """The guideline's speller, built once per guideline."""
    return ctx.memo("spelling.speller", _speller)[0]


def typo_verdicts(ctx) -> WordVerdicts:
    """The typos of each word form, judged once per form and guideline."""
    return ctx.memo("spelling.speller", _speller)[1]


def _speller(guideline):
    from humaskit.language.speller import Speller, shipped_dictionary

    accept = frozenset(w.lower() for w in guideline["spelling"]["accept"])
    speller, skip, shortest = Speller(shipped_dictionary(), accept), _skip_words(guideline), \
        guideline["spelling"]["min_length"]
    return speller, WordVerdicts(lambda word: _verdict(word, speller, skip, shortest))


def _verdict(word: str, speller, skip, shortest: int) -> tuple:
    """The typos in one word form as (offset, part, fixes); computed once per form and guideline."""
    if not shortest <= len(word) <= _LONGEST or not word.isascii() or not word.islower() or word in skip \
            or ("-" in word and speller.known(word)):
        return ()
    found, offset = [], 0
    for part in word.split("-"):
        if len(part) >= shortest and part.isalpha() and part not in skip:
            fixes = speller.typo(part)
            if fixes:
                found.append((offset, part, fixes))
        offset += len(part) + 1
    return tuple(found)
