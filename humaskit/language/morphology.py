"""Indonesian word forms: prepositions and prefixes (di, ke), clitics, the particle pun, and the
capital of a replaced word.

The verdicts read a speller (``humaskit.language.speller``): its dictionary's stems and their
hunspell-id affix flags, and how common a word is. ``baku`` is the set of words other rules own
(the kata-baku and informal lexicons), which these verdicts leave alone.
"""

from __future__ import annotations


# EYD V, Kata Depan: place and direction words that "di"/"ke" stand apart from (di atas, di dalam).
PLACE_WORDS = frozenset(("atas", "bawah", "dalam", "luar", "depan", "belakang", "samping", "antara", "tengah",
                         "sekitar", "balik", "muka", "sebelah", "seberang", "sini", "sana", "situ", "mana",
                         "dekat", "sisi", "pinggir", "ujung", "tepi"))


def request_passive(rest: str, speller, baku) -> bool:
    """After a request word, "di" + a verb stem in use with di- (di isi, di bahas), not a place."""
    flags = speller.dic.stems.get(rest)
    return (flags is not None and not _VERB_ONLY.isdisjoint(flags) and ("di" + rest) in speller.common
            and ("di" + rest) not in baku and rest not in _PLACES)


# Places "di" stands before as a preposition even after "sudah" or "yang" (sudah di kota);
# the direction words of PLACE_WORDS are checked before these.
_PLACES = frozenset(("lantai", "kota", "rumah", "kantor", "lokasi", "daerah", "wilayah", "tempat", "desa",
                     "kelurahan", "kecamatan", "jalan", "sekolah", "pasar", "kampung", "gedung", "ruang",
                     "balai", "aula", "lapangan", "taman", "masjid", "puskesmas"))


def split_is_passive(rest: str, speller, baku) -> bool:
    """"di" + ``rest`` written apart is a passive verb (di unduh, di umumkan), not a preposition."""
    joined = "di" + rest
    if rest in PLACE_WORDS or joined in baku or not speller.known(joined):
        return False
    dic, common = speller.dic, speller.common
    if rest not in dic.stems and rest.endswith(("kan", "i", "kannya", "inya")):
        return True
    # A bare stem is a passive when "di"+stem is in real use and the stem either only makes
    # verbs (unduh) or is rarer alone than with di- (tolak); "di lantai", "di danau" stay apart.
    rank = common.get(joined)
    flags = dic.stems.get(rest)
    return rank is not None and ((flags is not None and flags <= _VERB_ONLY) or rank < common.get(rest, 10**9))


# hunspell-id flags of a bare verb (meN-, menge-, di-): "ke" + such a stem is the colloquial
# passive (keblokir), not the preposition.
_BARE_VERB = frozenset(("M0", "MG", "D0"))
_VERB_ONLY = frozenset(("M0", "Mi", "Mk"))


def joined_verdict(low: str, speller, baku) -> tuple:
    """``()`` when "di…"/"ke…" is fine, else ``(True, severity)``: a preposition written attached."""
    dic = speller.dic
    if low in baku or "-" in low or not low.isalpha() or speller.known(low):
        return ()  # known, or owned by another rule
    stem = dictionary_stem(dic, low[2:])
    # The typo model (the costliest check) last: a typo of a known word (kepadah → kepada).
    if stem is None or stem in PLACE_WORDS or speller.typo(low):
        return ()
    flags = dic.stems[stem]
    if low.startswith("ke") and ("K0" in flags or not flags.isdisjoint(_BARE_VERB)):
        return ()  # a ke- noun, or the colloquial passive of a verb (keblokir): not a preposition
    if low.startswith("di") and any(f[0] in "MDTO" for f in flags):
        return ()  # a verb stem: "di" + stem is a passive the dictionary lacks (dimanja)
    # Without flags the dictionary cannot tell a noun (kasir) from a verb (vaksin → divaksin).
    return (True, "suggestion" if low.startswith("di") and not flags else None)


def dictionary_stem(dic, rest: str) -> str | None:
    """``rest`` as a dictionary stem, or a stem with a clitic (bawahnya → bawah)."""
    if rest in dic.stems:
        return rest
    for clitic in ("nya", "ku", "mu"):
        if rest.endswith(clitic) and rest[:-len(clitic)] in dic.stems:
            return rest[:-len(clitic)]
    return None


# EYD V (Partikel): pun is written attached only in these conjunctions.
_PUN_JOINED = frozenset(("adapun", "andaipun", "ataupun", "bagaimanapun", "biarpun", "jikapun", "kalaupun",
                         "kendatipun", "maupun", "meskipun", "sekalipun", "sementangpun", "sungguhpun", "walaupun"))


def pun_attached(low: str, speller, baku) -> bool:
    """``low`` is a known word with the particle pun written onto it (kamipun)."""
    if not low.endswith("pun") or len(low) < 6 or low in _PUN_JOINED or low in baku:
        return False
    return speller.known(low[:-3]) and not speller.dic.lookup(low)


def match_case(original: str, replacement: str) -> str:
    """Keep the capital of the word being replaced (Praktek → Praktik)."""
    if replacement and original[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
