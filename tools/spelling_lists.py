"""Regenerate humaskit/data/spelling/{id,en}-common.txt from the wordfreq package (run by hand).

    pip install wordfreq==3.1.1 && python tools/spelling_lists.py

Indonesian: every plain lower-case word of wordfreq's Indonesian list, most frequent first
(the typo model suggests only these "common" words, and a word this common is not a typo).
English: the most frequent plain words, so loanwords in a post are not called typos.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import wordfreq

OUT = Path(__file__).resolve().parents[1] / "humaskit" / "data" / "spelling"
PLAIN = re.compile(r"[a-z]+(?:-[a-z]+)*")
ENGLISH_WORDS = 25_000


def plain_words(lang: str, wordlist: str) -> list[str]:
    freq = wordfreq.get_frequency_dict(lang, wordlist=wordlist)
    ranked = sorted(freq.items(), key=lambda item: (-item[1], item[0]))
    return [w for w, _ in ranked if PLAIN.fullmatch(w) and len(w) > 1]


def write(name: str, header: str, words: list[str]) -> None:
    (OUT / name).write_text(header + "".join(w + "\n" for w in words), "utf-8")


def main() -> None:
    source = f"# wordfreq {version('wordfreq')}"
    write("id-common.txt", f"{source} (Robyn Speer), daftar 'small' bahasa Indonesia, urut frekuensi. "
          "CC BY-SA 4.0.\n", plain_words("id", "small"))
    write("en-common.txt", f"{source} (Robyn Speer), {ENGLISH_WORDS} kata bahasa Inggris tersering. "
          "CC BY-SA 4.0.\n", plain_words("en", "large")[:ENGLISH_WORDS])


if __name__ == "__main__":
    main()
