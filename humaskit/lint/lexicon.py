"""Word lists shipped with humaskit, combined with the guideline's own choices.

The shipped files are read once per process; the per-guideline views (what the
register allows, the city's extra pairs) are built once per guideline through
``LintContext.memo`` by the rules that use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from humaskit.resources import data_file

# Second-person pronouns the pronoun rule owns (so the informal-word rule skips them).
SECOND_PERSON = {"kamu": "Anda", "kau": "Anda", "engkau": "Anda", "dikau": "Anda", "lo": "Anda", "lu": "Anda",
                 "elo": "Anda", "elu": "Anda", "loe": "Anda", "lau": "Anda"}
# The plural, answered with the guideline's pronoun and "sekalian" (Anda sekalian).
SECOND_PERSON_PLURAL = frozenset({"kalian"})


def _rows(name: str):
    for line in data_file(name).read_text("utf-8").splitlines()[1:]:
        if line and not line.startswith("#"):
            yield line.split("\t")


@dataclass(frozen=True)
class Pair:
    standard: str
    severity: str | None        # None: the rule's default severity
    lowercase_only: bool        # proper-name risk: flag only when written in lower case
    note: str


@lru_cache(maxsize=None)
def _kata_baku_rows() -> tuple[tuple[str, Pair], ...]:
    rows = []
    for nonstandard, standard, note in _rows("kata_baku.tsv"):
        category = note.split(";")[0].strip()
        if category.startswith("padanan istilah asing"):
            continue
        suggest_only = "suggest only" in note or "false-positive risk: medium" in note
        rows.append((nonstandard, Pair(standard, "suggestion" if suggest_only else None,
                                       "check lowercase only" in note, category)))
    return tuple(rows)


@lru_cache(maxsize=None)
def _foreign_rows() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b, note in _rows("kata_baku.tsv") if note.startswith("padanan istilah asing"))


@lru_cache(maxsize=None)
def _informal_rows() -> tuple[tuple[str, str, str], ...]:
    core = [(row[0], row[1], row[2]) for row in _rows("informal.tsv")]
    known = {w for w, _, _ in core}
    extra = [(w, f, "kamus") for w, f in _rows("indocollex.tsv") if w not in known]
    return tuple(core + extra)


def kata_baku(guideline) -> dict[str, Pair]:
    """Lower-case non-standard form (one word or a phrase) → its standard form."""
    return guideline.derived("lexicon.kata_baku", _kata_baku)


def _kata_baku(guideline) -> dict[str, Pair]:
    terms = guideline["terminology"]
    allow = {w.casefold() for w in terms["allow"]}
    pairs = {k.casefold(): v for k, v in _kata_baku_rows()} if terms["kata_baku"] else {}
    for wrong, right in terms["replace"].items():
        pairs[wrong.casefold()] = Pair(right, None, False, "pedoman")
    return {k: v for k, v in pairs.items() if k not in allow}


def foreign_terms(guideline) -> dict[str, str]:
    return guideline.derived("lexicon.foreign_terms", _foreign_terms)


def _foreign_terms(guideline) -> dict[str, str]:
    terms = guideline["terminology"]
    if not terms["foreign_terms"]:
        return {}
    allow = {w.casefold() for w in terms["allow"]}
    return {k: v for k, v in _foreign_rows() if k not in allow}


def informal(guideline) -> dict[str, tuple[str, str]]:
    """Lower-case informal word → (formal suggestion or "", level), as the register allows."""
    return guideline.derived("lexicon.informal", _informal)


def _informal(guideline) -> dict[str, tuple[str, str]]:
    tone = guideline["tone"]
    allow = {w.casefold() for w in tone["allow"]}
    friendly = tone["register"] == "friendly"
    words: dict[str, tuple[str, str]] = {}
    if tone["informal_lexicon"]:
        for word, formal, level in _informal_rows():
            if friendly and level == "akrab":
                continue
            words[word] = (formal, level)
    for word, formal in tone["informal_words"].items():
        words[word.casefold()] = (formal or "", "pedoman")
    baku = kata_baku(guideline)
    rude = profanity_words()  # tone.profanity owns these, with its stronger message
    return {w: v for w, v in words.items()
            if w not in allow and w not in baku and w not in SECOND_PERSON and w not in SECOND_PERSON_PLURAL and w not in rude}


@lru_cache(maxsize=None)
def regional_words() -> dict[str, str]:
    """Lower-case Sundanese or Javanese word → language key ("sunda", "jawa"): function words
    and greetings that are not also common Indonesian words."""
    return {word.casefold(): language.strip() for word, language, *_ in _rows("regional.tsv")}


@lru_cache(maxsize=None)
def profanity_words() -> frozenset[str]:
    text = data_file("profanity.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))
