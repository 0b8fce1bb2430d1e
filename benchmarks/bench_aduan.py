"""Benchmark `humaskit aduan impor`: 100,000 complaints (a province's year) read, validated and
written in one transaction. Target: at least 20,000 rows/s.

Run by hand (never in the test suite):  python benchmarks/bench_aduan.py
The monthly report (target < 1 s) is not built yet, so it is not measured here.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from humaskit.aduan.api import Rules, import_rows, read_rows  # noqa: E402
from humaskit.aduan.store import Store  # noqa: E402
from humaskit.guideline import load_guideline  # noqa: E402

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


def csv_text(rules: Rules, rows: int) -> str:
    rng = random.Random(14)
    categories, channels = sorted(rules.section["categories"]), sorted(rules.section["channels"])
    lines = ["kanal,akun,teks,kategori,diterima,diverifikasi,ditindaklanjuti,selesai"]
    for i in range(rows):
        month, day, hour = 1 + i * 12 // rows, rng.randint(1, 20), rng.randint(7, 18)
        lines.append(f"{rng.choice(channels)},@warga{i},Aduan warga nomor {i},{rng.choice(categories)},"
                     f"2025-{month:02d}-{day:02d} {hour:02d}:00,2025-{month:02d}-{day:02d} {hour:02d}:40,"
                     f"2025-{month:02d}-{day + 2:02d} 10:00,2025-{month:02d}-{day + 5:02d} 15:00")
    return "\n".join(lines) + "\n"


def main() -> None:
    rules = Rules(load_guideline())
    text = csv_text(rules, ROWS)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        good, bad = read_rows(text, "bench.csv", rules)
        result = import_rows(Store(Path(folder) / "aduan.sqlite", create=True), rules, good)
        seconds = time.perf_counter() - start
    assert not bad and result.imported == ROWS
    print(f"impor: {ROWS:,} pengaduan dalam {seconds:.2f} s = {ROWS / seconds:,.0f} baris/s (target >= 20,000)")


if __name__ == "__main__":
    main()
