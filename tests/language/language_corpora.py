"""Real Indonesian text nobody on this project wrote, for the false-alarm and recall tests.

The licensed corpora ship in ``tests/corpora/`` (each with its licence and source beside it).
The news article in ``seed/`` may not be redistributed: it is read from a ``shared/`` folder
beside the clone where one exists (CI's ``.ci/run`` fails when it does not), and its tests are
skipped in a user's clone. Each loader returns a list of captions (one draft each) and says
what was cleaned and why.
"""

from __future__ import annotations

import re
from pathlib import Path

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"


def seed_available() -> bool:
    return SEED.is_dir() and any(SEED.glob("*.txt"))


def eyd_v() -> list[str]:
    """EYD V rule text and examples, one paragraph or example per caption.

    Left out: ``pemenggalan-kata.md`` (its wrong examples are words cut at line ends) and the
    ``penulisan-unsur-serapan`` files (their examples are Arabic, Dutch and English source
    forms, not Indonesian). Markdown emphasis and list/quote markers are removed.
    """
    out = []
    for path in sorted((CORPORA / "eyd-v" / "docs").rglob("*.md")):
        if path.name == "pemenggalan-kata.md" or path.parent.name == "penulisan-unsur-serapan":
            continue
        text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text("utf-8"), flags=re.S)
        for line in text.splitlines():
            line = re.sub(r"^\s*(?:>\s*)?(?:-\s+)?", "", line)
            line = line.replace("\\", "").replace("**", "").replace("*", "").replace("_", "").strip()
            if line:
                out.append(line)
    return out


# Neutral stand-ins: a digit would make "xxxnumberxxx g" look like "5 g", and a lower-case word
# would turn "xxxnumberxxx xxxnumberxxx" into a reduplication.
_PLACEHOLDERS = {"xxxuserxxx": "@pengguna", "xxxnumberxxx": "N", "xxxdatexxx": "kemarin"}
_NAMES = re.compile(r"\b(senin|selasa|rabu|kamis|jumat|sabtu|januari|februari|maret|april|mei|juni|juli|agustus|"
                    r"september|oktober|november|desember)\b")


def detokenize(line: str) -> str:
    """STIF lines are tokenised ("terima kasih ." / "bisa - bisa"), lower-cased and use
    placeholders; undo what can be undone so the rules see text as it is typed: punctuation and
    quotation marks attached, day and month names capitalised again, placeholders replaced by words."""
    for token, value in _PLACEHOLDERS.items():
        line = line.replace(token, value)
    line = _NAMES.sub(lambda m: m.group().capitalize(), line)
    line = re.sub(r"\s+([.,!?;:)])", r"\1", line)
    line = re.sub(r"\(\s+", "(", line)
    line = re.sub(r"(\w) - (\w)", r"\1-\2", line)
    # quotation marks were tokens too: pair them on the line and attach each to its quotation
    line = re.sub(r'"\s*([^"]*?)\s*"', r'"\1"', line)
    return line.strip()


def stif(side: str, split: str = "train") -> list[str]:
    """One side of the STIF pairs: ``for`` (formal rewrites) or ``inf`` (informal originals)."""
    path = CORPORA / "stif-indonesia" / "labelled" / f"{split}.{side}"
    return [detokenize(line) for line in path.read_text("utf-8").splitlines()]


def seed() -> list[str]:
    """The Tasikmalaya news article in seed/, one paragraph per caption (only where seed/ exists)."""
    return [line.strip() for path in sorted(SEED.glob("*.txt"))
            for line in path.read_text("utf-8").splitlines() if line.strip()]


WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def word_count(captions: list[str]) -> int:
    return sum(len(WORD.findall(c)) for c in captions)
