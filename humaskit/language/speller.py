"""Indonesian spelling: the hunspell-id dictionary plus the morphology it lacks, and a typo model.

hunspell-id read as-is rejects regular forms that every humas post uses (diunduh, diimbau,
ketidaknyamanan, antarinstansi, clitics on any noun), so :class:`Speller` accepts a word when
the dictionary generates it, or when Indonesian word formation derives it from a form the
dictionary generates:

- clitics -nya, -lah, -kah, -ku, -mu on a known word (``laporannya``);
- the passive di- of a verb whose active meN- form is known (``diunduh`` ← ``mengunduh``);
- ke-tidak-…-an nouns (``ketidaknyamanan``) and EYD V bound forms written attached
  (``antarinstansi``, ``pascabencana``, ``nonformal``);
- reduplication with a hyphen when every part is known (``fitur-fitur``, ``sebaik-baiknya``);
- imperatives and bare forms of known meN- verbs (``hubungi`` ← ``menghubungi``,
  ``perpanjang`` ← ``memperpanjang``) and ter- on a verb stem (``terhubung``);
- a proper noun the dictionary knows, written in lower case (``sabtu``: a casing matter);
- a small list of standard words hunspell-id lacks (``humaskit/data/spelling/tambahan.txt``).

An unknown word is not called wrong (names, brands, new loanwords are unknown but correct).
The typo model reports a word only when it is also rare in real Indonesian usage and in
English (the wordfreq lists) and is one edit away from a *common* known word, which becomes
the suggestion.
"""

from __future__ import annotations

from functools import lru_cache

from humaskit.language.hunspell import Dictionary
from humaskit.resources import data_file

CLITICS = ("nyalah", "nyakah", "nya", "lah", "kah", "ku", "mu")
# EYD V "bentuk terikat": written attached to the word they bind (Penulisan Kata, C.3).
BOUND_FORMS = ("antar", "pasca", "pra", "non", "anti", "swa", "multi", "semi", "sub", "supra", "ultra",
               "tuna", "maha", "purna", "panca", "eka", "dwi", "tri", "catur", "kontra", "pro", "inter",
               "intra", "ekstra", "infra", "mikro", "makro", "neo", "pan", "para", "poli", "serba",
               "lintas", "adi", "awa", "dasa", "paripurna", "pramu", "tata", "sapta")
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=1)
def shipped_dictionary() -> Dictionary:
    """hunspell-id, parsed once and then kept in the disk cache (parsing costs ~0.1 s a start)."""
    from humaskit import diskcache

    folder = data_file("hunspell-id")
    sources = (folder / "id_ID.aff", folder / "id_ID.dic")
    return diskcache.cached("hunspell-id", sources, lambda: Dictionary(*sources))


def _word_lines(name: str) -> list[str]:
    text = data_file(f"spelling/{name}").read_text("utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=1)
def extra_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _word_lines("tambahan.txt"))


@lru_cache(maxsize=1)
def common_words() -> dict[str, int]:
    """Indonesian words in real use → frequency rank (0 = most frequent)."""
    from humaskit import diskcache

    return diskcache.cached("id-common", [data_file("spelling/id-common.txt")],
                            lambda: {w: i for i, w in enumerate(_word_lines("id-common.txt"))})


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    from humaskit import diskcache

    return diskcache.cached("en-common", [data_file("spelling/en-common.txt")],
                            lambda: frozenset(_word_lines("en-common.txt")))


class Speller:
    """Answers ``known(word)`` and ``suggest(word)`` for lower-case words, memoised per process."""

    def __init__(self, dictionary: Dictionary, accept: frozenset[str] = frozenset()) -> None:
        self.dic = dictionary
        self.accept = accept | extra_words()
        self._known: dict[str, bool] = {}
        self._typo: dict[str, tuple[str, ...]] = {}
        self._men = [a for affixes in dictionary.prefixes.values() for a in affixes if a.flag == "M0"]
        self._verbal = frozenset(("M0", "Mi", "Mk", "D0", "Di", "Dk"))

    # The frequency lists are read on first use: a draft with no unknown word never needs them.
    @property
    def common(self) -> dict[str, int]:
        return common_words()

    @property
    def english(self) -> frozenset[str]:
        return english_words()

    def known(self, word: str) -> bool:
        cached = self._known.get(word)
        if cached is None:
            cached = self._known[word] = self._analyse(word)
        return cached

    def _base(self, word: str) -> bool:
        return word in self.accept or self.dic.lookup(word) or word.capitalize() in self.dic.stems

    def _analyse(self, word: str) -> bool:
        if "-" in word:
            parts = word.split("-")
            if len(parts) == 2 and parts[0] and parts[1].startswith(parts[0]):
                return self.known(parts[0])  # reduplication with an affix: hilang-hilangan
            return all(part and self.known(part) for part in parts)
        if self._derived(word):
            return True
        for clitic in CLITICS:
            if word.endswith(clitic) and len(word) - len(clitic) >= 3 and self._derived(word[:-len(clitic)]):
                return True
        return False

    def _derived(self, word: str) -> bool:
        if self._base(word):
            return True
        if word.startswith("di") and len(word) > 4 and self._active(word[2:]):
            return True
        if (word.endswith(("kan", "i")) or word.startswith("per")) and self._active(word):
            return True
        if word.startswith("ter") and not self._verbal.isdisjoint(self.dic.stems.get(word[3:], ())):
            return True
        if word.startswith("ketidak") and word.endswith("an") and len(word) > 11:
            return self._base(word[7:-2])
        for bound in BOUND_FORMS:
            if word.startswith(bound) and len(word) - len(bound) >= 3 and self._base(word[len(bound):]):
                return True
        return False

    def _active(self, rest: str) -> bool:
        """meN- + rest is a known verb (diunduh ← mengunduh, dicek ← mengecek, dipercepat ← mempercepat)."""
        if self.dic.lookup("menge" + rest) or (rest.startswith("per") and self.dic.lookup("mem" + rest)):
            return True
        for affix in self._men:
            if affix.condition is None or affix.condition.match(rest):
                if rest.startswith(affix.strip) and self._base(affix.add + rest[len(affix.strip):]):
                    return True
        return False

    def typo(self, word: str) -> tuple[str, ...]:
        """For a likely typo, the common known words one edit away, best first; else ``()``."""
        cached = self._typo.get(word)
        if cached is None:
            cached = self._typo[word] = self._corrections(word)
        return cached

    def _corrections(self, word: str) -> tuple[str, ...]:
        # Cheapest first: the English list is read from disk only for a word neither common
        # nor known to the dictionary.
        if word in self.common or self.known(word) or word in self.english:
            return ()
        common = self.common
        found: dict[str, tuple[int, int]] = {}
        for rank, candidate in _edits(word):
            if candidate in common and candidate not in found and len(candidate) > 2 and self.known(candidate):
                found[candidate] = (rank, common[candidate])
        return tuple(sorted(found, key=found.__getitem__))


def _edits(word: str):
    n = len(word)
    for i in range(n - 1):                      # transposition: the commonest typing slip
        if word[i] != word[i + 1]:
            yield 0, word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(n):                          # deletion of a doubled or stray letter
        yield 1, word[:i] + word[i + 1:]
    for i in range(n + 1):                      # a dropped letter
        for c in ALPHABET:
            yield 2, word[:i] + c + word[i:]
    for i in range(n):
        for c in ALPHABET:
            if c != word[i]:
                yield 3, word[:i] + c + word[i + 1:]

