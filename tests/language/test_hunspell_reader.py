"""The pure-Python Hunspell reader against GNU Hunspell itself.

``hunspell_verdicts.tsv`` holds GNU Hunspell 1.7's verdict (accepted 1 / rejected 0) on every
distinct lower-case word of the test corpora plus derived forms that exercise the affix rules,
with the shipped hunspell-id files. Regenerate it, where the ``hunspell`` program is installed
(``apt-get install hunspell``), with ``HUMASKIT_REGEN=1 python -m pytest tests/language/test_hunspell_reader.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import language_corpora as corpora
from humaskit.language.speller import Speller, shipped_dictionary
from humaskit.resources import data_file

VERDICTS = Path(__file__).with_name("hunspell_verdicts.tsv")
DERIVED = ["mengumumkannya", "diberdayakan", "keberhasilannya", "pemberdayaan", "memperpanjang", "diperpanjang",
           "berhenti", "kehilangan", "pertanggungjawaban", "ketidakadilan", "mempersiapkan", "sepenuhnya",
           "terselenggara", "diselenggarakan", "penyelenggaraan", "kebersamaan", "pelayanannya", "mengirimkan",
           "dikirimkan", "pengiriman", "kiriman", "terkirim", "diunduh", "diimbau", "mengunduh", "himbau"]


def _regenerate() -> None:
    plain = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")
    assert corpora.seed_available(), "regenerating needs shared/seed/ beside the clone"
    texts = corpora.eyd_v() + corpora.seed() + corpora.stif("for") + corpora.stif("inf")
    words = sorted({w for t in texts for w in plain.findall(t)} | set(DERIVED))
    assert shutil.which("hunspell"), "regenerating needs the hunspell program"
    out = subprocess.run(["hunspell", "-d", str(data_file("hunspell-id") / "id_ID"), "-l", "-i", "ISO-8859-1"],
                         input="\n".join(words).encode("latin-1"), capture_output=True, check=True).stdout
    rejected = set(out.decode("latin-1").split())
    VERDICTS.write_text("word\thunspell\n" + "".join(f"{w}\t{0 if w in rejected else 1}\n" for w in words),
                        encoding="utf-8")


def test_reader_agrees_with_gnu_hunspell_on_every_word():
    if os.environ.get("HUMASKIT_REGEN") == "1":
        _regenerate()
    rows = [line.split("\t") for line in VERDICTS.read_text("utf-8").splitlines()[1:]]
    assert len(rows) > 5000
    dictionary = shipped_dictionary()
    disagree = [(word, verdict) for word, verdict in rows if dictionary.lookup(word) != (verdict == "1")]
    assert not disagree
    # Both outcomes are well represented, so agreement is not trivial.
    assert 1000 < sum(v == "0" for _, v in rows) < len(rows) - 1000


def test_morphology_accepts_what_hunspell_id_lacks():
    speller = Speller(shipped_dictionary())
    for word in ("diunduh", "diimbau", "ketidaknyamanan", "antarinstansi", "hubungi", "perpanjang",
                 "terhubung", "lamannya", "kegiatan-kegiatan", "hilang-hilangan", "sabtu", "laman"):
        assert not shipped_dictionary().lookup(word), word
        assert speller.known(word), word
    for typo, fix in (("masyarkat", "masyarakat"), ("pemerintha", "pemerintah"), ("kesehtan", "kesehatan")):
        assert not speller.known(typo)
        assert speller.typo(typo)[0] == fix
    # Unknown but not close to a common word: a name or a loanword, never called a typo.
    assert speller.typo("cihideung") == () and speller.typo("workshop") == ()
