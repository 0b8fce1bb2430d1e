"""Build humaskit/data/indocollex.tsv: the IndoCollex informal→formal list, filtered for tone checks.

IndoCollex (MIT) is a word-formation testbed, not a slang list: it holds English words,
numbers with units and entries that are standard Indonesian. We keep an entry only when
  - the informal side is letters only, at least 3 long, and differs from the formal side;
  - it is not a standard word: neither it nor its root (after stripping common affixes)
    is in the hunspell-id dictionary, which is used here only as a filter and not shipped
    by this script;
  - it is not an English word (the Debian `wamerican` word list, /usr/share/dict/words,
    read at build time only): an English word is foreign, not slang;
  - it does not appear in the formal rewrites of the STIF *train* split (a form that
    formal writers use is not informal). The dev split stays unseen for measuring.
Usage: python tools/build_indocollex.py SHARED_DATA_DIR
"""

import re
import sys
from pathlib import Path

# Syllabic abbreviations that government writing uses as standard terms (rakor, ormas...),
# and place names that IndoCollex splits.
KEEP_OUT = {"pemprov", "pemkot", "pemkab", "rakor", "ruko", "ormas", "satpol", "wagub", "wabup", "warkop",
            "bukittinggi", "medsos", "bio", "balita", "lansia", "nakes", "faskes", "bansos", "sembako", "damkar",
            # standard EYD abbreviations, owned by grammar.abbreviation
            "yth", "dsb", "dll", "dst", "dkk", "tsb"}

PREFIXES = ("meng", "meny", "mem", "men", "me", "di", "ber", "ter", "ke", "se", "peng", "pem", "pen", "pe", "per")
SUFFIXES = ("nya", "kan", "lah", "kah", "an", "i")


def roots(word):
    yield word
    for p in ("",) + PREFIXES:
        if not word.startswith(p):
            continue
        stem = word[len(p):]
        yield stem
        for s in SUFFIXES:
            if stem.endswith(s) and len(stem) - len(s) >= 3:
                yield stem[: -len(s)]


def main(shared: Path) -> None:
    dic = {line.split("/")[0].lower() for line in
           (shared / "hunspell-id/id_ID.dic").read_text("latin-1").splitlines()[1:]}
    english = {w.strip().lower() for w in open("/usr/share/dict/words", encoding="utf-8", errors="ignore")}
    english |= {w + "s" for w in english}
    formal_words = set()
    for line in (shared / "stif-indonesia/labelled/train.for").read_text("utf-8").splitlines():
        formal_words.update(line.split())
    kept = []
    rows = (shared / "indocollex/inforformal-formal-Indonesian-dictionary.tsv").read_text("utf-8").splitlines()[1:]
    for row in rows:
        informal, formal = row.split("\t")[:2]
        informal, formal = informal.strip().lower(), formal.strip()
        if not re.fullmatch(r"[a-z]{3,}", informal) or informal == formal.lower():
            continue
        if any(r in dic for r in roots(informal)) or informal in formal_words or informal in english or informal in KEEP_OUT:
            continue
        kept.append(f"{informal}\t{formal}")
    out = Path(__file__).resolve().parents[1] / "humaskit/data/indocollex.tsv"
    header = ("informal\tformal\n# Filtered from IndoCollex (Wibowo et al. 2021), MIT licence, "
              "see humaskit/data/LICENSES.md; built by tools/build_indocollex.py\n")
    out.write_text(header + "\n".join(sorted(kept)) + "\n", "utf-8")
    print(f"kept {len(kept)} of {len(rows)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
