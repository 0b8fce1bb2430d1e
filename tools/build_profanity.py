"""Build humaskit/data/profanity.txt from the two MIT-licensed profanity lists.

Moderation lists are noisy for government text: they hold ordinary words (anjing, babi,
asem, ampas) that appear in posts about rabies vaccination or food. We keep single words
that are NOT in the hunspell-id dictionary (used here only as a filter), so what is left is
profanity and its spelling variants, not the vocabulary of a city's announcements.
Usage: python tools/build_profanity.py SHARED_DATA_DIR
"""

import json
import re
import sys
from pathlib import Path


# Words of those lists with an ordinary meaning in city announcements (drugs campaigns,
# health, weather, social services) or plain slang that the tone rules already cover.
KEEP_OUT = {"narkoba", "oplosan", "mucikari", "pelacur", "autis", "cacad", "anget", "alus", "bujangan", "error",
            "mamam", "curut", "slot", "playboy", "ngantok", "ngompol", "konslet", "gembel", "lemot", "lebay", "alay",
            "gabut", "jurig", "goceng", "petruk", "pushtun", "hesoyam", "rowo", "sot", "siping", "pante", "perem",
            "pilat", "gentak", "gipeng", "bopung", "gaje", "gokil", "katrok", "rempong", "jamet", "nyaho", "asem",
            "ineks", "entut", "nyenyenye", "sithik", "pelakor", "ngawur", "kampungan", "nafsuan", "gatel", "lancau",
            "aseng", "bodo", "dajjal", "gesrek", "koplak", "piktor", "kimcil", "picek", "budeg", "ndas", "sex",
            "bersetubuh", "senggama", "orgy", "kampang", "lebiy", "nyolot", "gimbul", "cepirit", "ngatje", "bapuk"}
# Common profanity that the dictionary also lists (so the filter above would drop it).
ADD = {"goblok", "tolol", "bangsat", "kampret", "brengsek", "keparat", "idiot", "bego", "anjir"}


def main(shared: Path) -> None:
    dic = {line.split("/")[0].lower() for line in
           (shared / "hunspell-id/id_ID.dic").read_text("latin-1").splitlines()[1:]}
    words = set(json.loads((shared / "indonesian-badwords/dict.json").read_text("utf-8")))
    words |= set((shared / "abaron-bad-words/id.profanity.txt").read_text("utf-8").split("\n"))
    kept = sorted(w for w in (x.strip().lower() for x in words)
                  if re.fullmatch(r"[a-z]{3,}", w) and w not in dic and w not in KEEP_OUT) + sorted(ADD)
    kept = sorted(set(kept))
    out = Path(__file__).resolve().parents[1] / "humaskit/data/profanity.txt"
    out.write_text("# Built by tools/build_profanity.py from indonesian-badwords and abaron/bad-words "
                   "(MIT; see humaskit/data/LICENSES.md)\n" + "\n".join(kept) + "\n", "utf-8")
    print(f"kept {len(kept)} of {len(words)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
