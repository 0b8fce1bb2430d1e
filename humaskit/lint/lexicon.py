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


@dataclass(frozen=True)
class Foreign:
    standard: str
    context: str                # "": running text; "name": left alone when capitalised; "ambiguous": no fix


@lru_cache(maxsize=None)
def _foreign_rows() -> tuple[tuple[str, Foreign], ...]:
    rows = {a: Foreign(b, "") for a, b, note in _rows("kata_baku.tsv") if note.startswith("padanan istilah asing")}
    for term, standard, context, *_ in _rows("foreign_terms.tsv"):
        rows[term] = Foreign(standard, context)
    return tuple(rows.items())


@lru_cache(maxsize=None)
def _informal_rows() -> tuple[tuple[str, str, str], ...]:
    core = [(row[0], row[1], row[2]) for name in ("informal.tsv", "informal_extra.tsv") for row in _rows(name)]
    # a word another list gives as the standard form (hoaks, the padanan of hoax) is not informal
    standard = {pair.standard.casefold() for _, pair in _kata_baku_rows()}
    standard.update(term.standard.casefold() for _, term in _foreign_rows())
    known = {w for w, _, _ in core}
    extra = [(w, f, "kamus") for w, f in _rows("indocollex.tsv") if w not in known and w not in standard]
    return tuple(core + extra)


def official_words(guideline) -> frozenset[str]:
    """Lower-case words of the guideline's official names and terms (agency names and short
    names such as Dishub, `terminology.terms`, `tone.acronyms`): never "corrected" by a word list."""
    return guideline.derived("lexicon.official", _official_words)


def _official_words(guideline) -> frozenset[str]:
    phrases = [*guideline["terminology"]["terms"], *guideline["tone"]["acronyms"]]
    for agency in guideline.agencies.values():
        phrases += [agency.get("name") or "", agency.get("short") or ""]
    return frozenset(w.casefold() for phrase in phrases for w in phrase.replace("-", " ").split())


@lru_cache(maxsize=None)
def informal_notes() -> dict[str, str]:
    """Lower-case informal word → its note in the shipped lists ("sapaan", "tidak sebelum angka")."""
    return {row[0]: row[3] for name in ("informal.tsv", "informal_extra.tsv") for row in _rows(name)
            if len(row) > 3 and row[3]}


def kata_baku(guideline) -> dict[str, Pair]:
    """Lower-case non-standard form (one word or a phrase) → its standard form."""
    return guideline.derived("lexicon.kata_baku", _kata_baku)


def _kata_baku(guideline) -> dict[str, Pair]:
    terms = guideline["terminology"]
    allow = {w.casefold() for w in terms["allow"]} | official_words(guideline)
    pairs = {k.casefold(): v for k, v in _kata_baku_rows()} if terms["kata_baku"] else {}
    for wrong, right in terms["replace"].items():
        pairs[wrong.casefold()] = Pair(right, None, False, "pedoman")
    return {k: v for k, v in pairs.items() if k not in allow}


def foreign_terms(guideline) -> dict[str, Foreign]:
    """Lower-case foreign term (one word or a phrase) → its Indonesian padanan and context."""
    return guideline.derived("lexicon.foreign_terms", _foreign_terms)


def _foreign_terms(guideline) -> dict[str, Foreign]:
    terms = guideline["terminology"]
    if not terms["foreign_terms"]:
        return {}
    allow = {w.casefold() for w in terms["allow"]} | official_words(guideline)
    return {k: v for k, v in _foreign_rows() if k not in allow}


def informal(guideline) -> dict[str, tuple[str, str]]:
    """Lower-case informal word → (formal suggestion or "", level), as the register allows."""
    return guideline.derived("lexicon.informal", _informal)


def _informal(guideline) -> dict[str, tuple[str, str]]:
    tone = guideline["tone"]
    allow = {w.casefold() for w in tone["allow"]} | official_words(guideline)
    friendly = tone["register"] == "friendly"
    words: dict[str, tuple[str, str]] = {}
    if tone["informal_lexicon"]:
        for word, formal, level in _informal_rows():
            if friendly and level == "akrab":
                continue
            words[word] = (formal, level)
    for word, formal in tone["informal_words"].items():
        words[word.casefold()] = (formal or "", "pedoman")
    return {w: v for w, v in words.items() if w not in allow}


@lru_cache(maxsize=None)
def regional_words() -> dict[str, str]:
    """Lower-case Sundanese or Javanese word → language key ("sunda", "jawa"): function words
    and greetings that are not also common Indonesian words."""
    return {word.casefold(): language.strip() for word, language, *_ in _rows("regional.tsv")}


@lru_cache(maxsize=None)
def profanity_words() -> frozenset[str]:
    text = data_file("profanity.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def profanity(guideline) -> frozenset[str]:
    """The rude words tone.profanity reports, as the guideline allows."""
    if not guideline["tone"]["profanity_lexicon"]:
        return frozenset()
    allow = {w.casefold() for w in guideline["tone"]["allow"]}
    return frozenset(w for w in profanity_words() if w not in allow)


# The word-list rules and the words each reports, in the order that settles a word two lists
# share: the first *active* rule of this order reports it and the later ones leave it alone (a
# rude word is reported as rude, not as informal). Switch the first off and the next reports it.
OWNERS: tuple[tuple[str, object], ...] = (
    ("tone.profanity", profanity),
    ("tone.pronoun", lambda guideline: frozenset(SECOND_PERSON) | SECOND_PERSON_PLURAL),
    ("terminology.kata-baku", lambda guideline: frozenset(kata_baku(guideline))),
    ("tone.informal-word", lambda guideline: frozenset(informal(guideline))),
    ("terminology.foreign-term", lambda guideline: frozenset(foreign_terms(guideline))),
)
_OWNER_IDS = tuple(rule_id for rule_id, _ in OWNERS)


def active(ctx, rule_id: str) -> bool:
    return ctx.active is None or rule_id in ctx.active


def owned_words(ctx, rule_id: str) -> frozenset[str]:
    """The words of ``rule_id``'s list that no earlier active rule of :data:`OWNERS` reports."""
    return ctx.memo(f"lexicon.owned.{rule_id}", lambda guideline: owned(guideline, rule_id, ctx.active))


def claimed_words(ctx, rule_id: str) -> frozenset[str]:
    """The words earlier active rules of :data:`OWNERS` report: ``rule_id`` leaves them alone
    even where its list knows them only in another form (a stretched "anjirrr")."""
    return ctx.memo(f"lexicon.claimed.{rule_id}", lambda guideline: claimed(guideline, rule_id, ctx.active))


def claimed(guideline, rule_id: str, active: frozenset[str] | None) -> frozenset[str]:
    earlier = OWNERS[:_OWNER_IDS.index(rule_id)]
    return frozenset().union(*(listed(guideline) for other, listed in earlier if active is None or other in active))


def owned(guideline, rule_id: str, active: frozenset[str] | None) -> frozenset[str]:
    return dict(OWNERS)[rule_id](guideline) - claimed(guideline, rule_id, active)
