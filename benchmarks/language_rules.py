"""Cost of the language rules (mechanics, spelling, reply, readability) per draft, and the one-off
cost of loading the dictionary. Run by hand: python benchmarks/language_rules.py"""

from __future__ import annotations

import subprocess
import sys
import time

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter
from humaskit.draft import parse_draft

DRAFT = """---
agency: dinkes
platforms: [instagram]
publish: 2026-12-01T09:00
---
Dalam rangka memperingati Hari AIDS Sedunia, Dinas Kesehatan Kota Tasikmalaya mengadakan tes HIV gratis
di seluruh puskesmas pada Selasa, 1 Desember 2026 pukul 08.00–14.00 WIB. Warga yang ingin mengetahui status
kesehatannya dapat datang langsung dengan membawa KTP-el. Pemeriksaan dilakukan secara rahasia oleh petugas
terlatih, dan hasilnya disampaikan langsung kepada yang bersangkutan. Selain tes, petugas juga memberikan
konseling dan informasi tentang pencegahan penularan. Bagi warga yang membutuhkan pendampingan, layanan
lanjutan tersedia di RSUD dr. Soekardjo tanpa dipungut biaya. Mari bersama menghapus stigma dan
diskriminasi terhadap orang dengan HIV. Informasi lengkap dapat diunduh di laman resmi Dinas Kesehatan
atau ditanyakan melalui pesan langsung. Jadwal pemeriksaan keliling di kelurahan akan diumumkan pekan depan.
Terima kasih atas dukungan seluruh warga. #KotaTasikmalaya #HariAIDSSedunia #DinkesTasikmalaya
"""
MINE = ("grammar", "spelling", "reply", "tone.long-sentence")


def per_draft(linter, draft, n=5000, rounds=3) -> float:
    """CPU time per draft, best of a few rounds (the machine may be shared)."""
    linter.lint_draft(draft)  # warm the memo and the word caches
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(n):
            linter.lint_draft(draft)
        best = min(best, (time.process_time() - start) / n * 1e6)
    return best


def main() -> None:
    guideline = load_guideline()
    draft = parse_draft(DRAFT, "bench.md", guideline=guideline)
    words = len(draft.caption.split())
    start = time.perf_counter()
    from humaskit.language.speller import Speller, shipped_dictionary
    Speller(shipped_dictionary())
    load_ms = (time.perf_counter() - start) * 1000
    mine = per_draft(Linter(guideline, select=MINE), draft)
    # Tokenising is shared by every rule; a linter whose only rule is the cheapest shows that floor.
    floor = per_draft(Linter(guideline, select=("grammar.languagetool",)), draft)
    everything = per_draft(Linter(guideline), draft)
    without = per_draft(Linter(guideline, ignore=MINE), draft)
    cold = [sys.executable, "-m", "humaskit", "lint", "-"]
    start = time.perf_counter()
    subprocess.run(cold, input=DRAFT.encode(), capture_output=True, check=False)
    one_draft_ms = (time.perf_counter() - start) * 1000
    print(f"draft: {words} words")
    print(f"dictionary + word lists load (once per process): {load_ms:.0f} ms")
    print(f"engine floor (tokens, one trivial rule): {floor:.1f} µs/draft")
    print(f"language rules only: {mine:.1f} µs/draft, {mine - floor:.1f} µs above the floor")
    print(f"all rules: {everything:.1f} µs/draft ({1e6 / everything:,.0f} drafts/s); "
          f"without the language rules: {without:.1f} µs/draft")
    print(f"humaskit lint of one draft from stdin, process start included: {one_draft_ms:.0f} ms")


if __name__ == "__main__":
    main()
