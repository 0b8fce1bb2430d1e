"""Benchmark `humaskit aduan`: 100,000 complaints (a province's year) read, validated and written
in one transaction (target: at least 20,000 rows/s), then one month's report built from them
(figures, HTML and CSV; target: under 1 s).

Run by hand (never in the test suite):  python benchmarks/bench_aduan.py [ROWS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from humaskit.aduan import report  # noqa: E402
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
        path = Path(folder) / "aduan.sqlite"
        start, cpu = time.perf_counter(), time.process_time()
        good, bad = read_rows(text, "bench.csv", rules)
        result = import_rows(Store(path, create=True), rules, good)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert not bad and result.imported == ROWS
        print(f"impor: {ROWS:,} pengaduan dalam {seconds:.2f} s = {ROWS / seconds:,.0f} baris/s (CPU {cpu:.2f} s; "
              "target >= 20,000 baris/s)")
        for public in (False, True):
            start, cpu = time.perf_counter(), time.process_time()
            month = report.build(Store(path), rules, "2025-06", public=public)
            report.html_bytes(rules, month, public=public)
            report.csv_bytes(rules, month, public=public)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"laporan{' --publik' if public else ''} 2025-06: {len(month.tickets):,} pengaduan dalam "
                  f"{seconds:.2f} s (CPU {cpu:.2f} s; target < 1 s)")


if __name__ == "__main__":
    main()
