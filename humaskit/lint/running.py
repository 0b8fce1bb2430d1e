"""Which words of a caption are running Indonesian text, the text word lists apply to.

A human editor does not "correct" a name (Kebumen, Sumbar), an official abbreviation (BPKAD,
Kel.), a greeting in Sundanese or Javanese, or characters a phone lost on the way (``?``,
``�``). The word-list and spelling rules ask this module before reporting a word, so each of
those is decided once, here, the same way for every rule:

- :func:`passages`: sentences in a regional language, found from its function words;
- :func:`damaged`: runs of characters lost in copying;
- :func:`is_name`: a capitalised word inside a sentence, or a word in capitals;
- :func:`squeezed`: the word with stretched letters (pentinggg, yukkk) undone, for lookups.
"""

from __future__ import annotations

import re

from humaskit.language.sentences import sentences
from humaskit.lint.lexicon import regional_words
from humaskit.lint.matching import lazy_pattern, WORD, WordVerdicts
from humaskit.lint.text import sentence_start

# Characters lost in copying: U+FFFD, a "?" standing after a space or at a line start (Indonesian
# never puts one there), or a "?" between two letters.
_DAMAGED = lazy_pattern(r"\ufffd+(?:[\s?]*\ufffd)*|(?:(?<=\s)|^)\?+(?:[ \t]*\?+)*(?=\s|$|[^\w\s])|(?<=[^\W\d_])\?+(?=[^\W\d_])",
                      re.M)
_STRETCH = lazy_pattern(r"([^\W\d_])\1{2,}")
# A word ending in a doubled letter (dongg, yukk) is stretched: standard Indonesian ends none so.
_DOUBLE_END = lazy_pattern(r"([^\W\d_])\1$")
LANGUAGES = {"sunda": "Sunda", "jawa": "Jawa"}


def passages(ctx) -> list[tuple[int, int, str]]:
    """(start, end, language) of each regional-language passage, neighbouring sentences of one
    language joined. A sentence is regional when at least half of its words (or three words and
    a third) are regional function words; or when regional words and words no Indonesian
    dictionary knows (dicandak, ngamumule) make up half of it, with two regional words or beside
    a regional sentence. Names (capitalised inside a sentence, or in capitals) are not counted."""
    return ctx.per_draft("running.passages", _passages)


def _passages(ctx) -> list[tuple[int, int, str]]:
    words = regional_words()
    if words.keys().isdisjoint(ctx.tokens.lower_words):
        return []
    from humaskit.lint.dictionary import speller_for

    speller = speller_for(ctx)
    masked = ctx.tokens.masked
    scored = []  # (start, end, language, verdict): verdict 2 regional, 1 regional beside one, 0 not
    for first, last in sentences(masked):
        tokens = [t for i, t in enumerate(WORD.findall(masked, first, last)) if t.replace("-", "").isalpha()
                  and (i == 0 or not t[:1].isupper())]
        # a reduplicated word counts by its first half (sami-sami)
        keys = [t.casefold() if t.casefold() in words else t.casefold().split("-")[0] for t in tokens]
        langs = [words[k] for k in keys if k in words]
        if not langs:
            scored.append((first, last, "", 0))
            continue
        share = len(langs) / len(tokens)
        unknown = sum(1 for t, k in zip(tokens, keys) if k not in words and not speller.known(t.lower()))
        loose = (len(langs) + unknown) / len(tokens) >= 0.5
        verdict = 2 if share >= 0.5 or (len(langs) >= 3 and share >= 1 / 3) or (loose and len(langs) >= 2) \
            else int(loose)
        scored.append((first, last, max(sorted(set(langs)), key=langs.count), verdict))
    found: list[list] = []
    for i, (first, last, language, verdict) in enumerate(scored):
        beside = [s for s in scored[max(0, i - 1):i + 2] if s[3] == 2 and s[2] == language]
        if verdict == 2 or (verdict == 1 and beside):
            between = masked[found[-1][1]:first] if found else None
            if found and found[-1][2] == language and between is not None and not between.strip():
                found[-1][1] = last
            else:
                found.append([first, last, language])
    return [tuple(p) for p in found]


def in_passage(ctx, offset: int) -> bool:
    return any(start <= offset < end for start, end, _ in passages(ctx))


def damaged(ctx) -> list[tuple[int, int]]:
    """Spans of characters lost in copying (emoji or letters turned into ? or U+FFFD)."""
    return ctx.per_draft("running.damaged", _damaged)


def _damaged(ctx) -> list[tuple[int, int]]:
    masked = ctx.tokens.masked
    if "?" not in masked and "\ufffd" not in masked:
        return []
    text = ctx.text
    # a "?" after a masked mention or link ("@admin?") follows a word, not a space
    found = []
    for m in _DAMAGED.finditer(masked, ctx.base):
        start, end = m.span()
        before = text[start - 1] if start > ctx.base else " "
        after = text[end] if end < len(text) else " "
        if m.group()[0] != "?" or before.isspace() or (before.isalpha() and after.isalpha()):
            found.append((start, end))
    return found


def is_damaged(ctx, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in damaged(ctx))


def is_name(ctx, start: int, word: str) -> bool:
    """A word a word list must leave alone as written: in capitals (an acronym such as BPKAD;
    ``tone.shouting`` decides about common words in capitals), or capitalised where no sentence
    starts (a name such as Sumbar or Kebumen, an abbreviation such as Kel.)."""
    if not word[:1].isupper():
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        # among words in capitals (INFO PENTING, GAK ADA) it is shouting text, not an acronym
        return not _in_capitals(ctx.text, start, start + len(word))
    return not sentence_start(ctx.text, start, ctx.base) or _abbreviation(ctx.text, start + len(word))


_CAPITAL_WORD = lazy_pattern(r"[^\W\d_a-z]{2,}")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the word before or after [start, end) on the line is in capitals too."""
    before = text[max(0, start - 30):start].rstrip(" \t,:;!?").rsplit(None, 1)
    after = text[end:end + 30].lstrip(" \t,:;!?.").split(None, 1)
    return any(w and _CAPITAL_WORD.fullmatch(w.strip(".,:;!?\"'()")) for w in (before[-1:] + after[:1]))


def _abbreviation(text: str, end: int) -> bool:
    """A capitalised word followed by a full stop and a capitalised word: "Kel. Cikalang"."""
    return text.startswith(". ", end) and text[end + 2:end + 3].isupper()


def running(ctx, start: int, word: str) -> bool:
    """Whether a word list may report ``word`` at ``start``: not a name, not in capitals, not
    in a regional-language passage."""
    return not is_name(ctx, start, word) and not in_passage(ctx, start)


def has_stretch(word: str) -> bool:
    """Three or more of one letter in a row: stretched for sure (a doubled last letter may be a
    name or an English word, so it counts only where a word list knows the shorter form)."""
    return _STRETCH.search(word) is not None


def squeezed(word: str) -> tuple[str, ...]:
    """The forms a stretched word may stand for, most likely first: "pentinggg" → penting,
    "yukkk" → yuk, "dongg" → dong, "maaaaf" → maf, maaf. Empty for a word that is not stretched."""
    low = word.lower()
    forms = []
    if _STRETCH.search(low):
        forms += [_STRETCH.sub(r"\1", low), _STRETCH.sub(r"\1\1", low)]
    for form in [low, *forms]:
        if _DOUBLE_END.search(form) and len(form) > 3:
            forms.append(form[:-1])
    return tuple(dict.fromkeys(f for f in forms if f != low))


def lexicon_words(ctx, keys: frozenset, claimed: frozenset = frozenset()):
    """(start, end, word, key) for the words of running text whose lower case, or the word its
    stretched letters stand for, is one of ``keys``; a word another rule reports as written
    (``claimed``) is left to it."""
    tokens = ctx.tokens
    hits = []
    if not keys.isdisjoint(tokens.lower_words):
        hits = [(s, e, w, w.lower()) for s, e, w in tokens.find_words(keys)]
    for low, forms in stretched_words(ctx):
        key = None if low in keys or low in claimed else next((f for f in forms if f in keys), None)
        if key is not None:
            hits += [(s, e, w, key) for s, e, w in tokens.find_words((low,))]
    hits.sort()
    return [h for h in hits if running(ctx, h[0], h[2])]


def stretched_words(ctx) -> list[tuple[str, tuple[str, ...]]]:
    """(lower-case word, the forms it may stand for) for each stretched word of the caption."""
    return ctx.per_draft("running.stretched", _stretched_words)


def _stretched_words(ctx) -> list[tuple[str, tuple[str, ...]]]:
    # each word form is looked at once per run: a caption's words are mostly ones seen before
    return ctx.memo("running.squeezed", lambda guideline: WordVerdicts(squeezed))(ctx.tokens.lower_words)
