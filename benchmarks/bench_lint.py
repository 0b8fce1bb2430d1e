"""Lint throughput and start-up, side by side with a plain baseline in the same run.

    python benchmarks/bench_lint.py [--drafts 10000] [--files 2000] [--runs 15]

Prints a Markdown table for the README. The baseline is the practical floor for Python:
tokenise with one regex and look every word up in a set built from the same lexicons.
Nothing here is a test; numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMAL = ("pemerintah kota tasikmalaya melalui dinas kesehatan mengajak seluruh warga untuk mengikuti program "
          "imunisasi lanjutan yang dilaksanakan di setiap puskesmas mulai senin hingga jumat pukul 08.00 WIB "
          "layanan ini gratis dan terbuka bagi anak usia sekolah dasar orang tua diminta membawa kartu keluarga "
          "serta buku kesehatan ibu dan anak informasi lebih lanjut dapat diperoleh melalui laman resmi atau "
          "kantor kelurahan terdekat kami mengimbau masyarakat menjaga kebersihan lingkungan dan membuang sampah "
          "pada tempatnya demi kenyamanan bersama").split()
NOISE = ("gak banget aja kamu yg udah menghimbau praktek resiko HEBOH walikota online silahkan covid-19 "
         "dikantor jam 7 Rp. bit.ly/x 🎉").split()
AGENCIES = ("dinkes", "dishub", "disdik", "dlh", "bpbd", "disdukcapil")


def make_corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    drafts = []
    for i in range(n):
        words = [rng.choice(NOISE) if rng.random() < 0.04 else rng.choice(FORMAL) for _ in range(rng.randint(100, 200))]
        for j in range(12, len(words), rng.randint(12, 20)):
            words[j] += "."
        agency = AGENCIES[i % len(AGENCIES)]
        front = f"---\nagency: {agency}\nplatforms: [facebook, x]\npublish: 2026-12-{1 + i % 28:02d}T09:00\n---\n"
        drafts.append(front + " ".join(words).capitalize() + "\n#KotaTasikmalaya\n")
    return drafts


WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def baseline_words() -> set[str]:
    from humaskit.guideline import load_guideline
    from humaskit.lint import lexicon

    g = load_guideline()
    words = set(lexicon.informal(g)) | set(lexicon.kata_baku(g)) | set(lexicon.foreign_terms(g))
    return words


def baseline(drafts, words) -> int:
    hits = 0
    for text in drafts:
        for w in WORD.findall(text):
            if w.lower() in words:
                hits += 1
    return hits


def timed(fn, *args, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t)
    return best


def in_process(n: int):
    from humaskit.guideline import load_guideline
    from humaskit.draft import parse_draft
    from humaskit.lint.engine import Linter

    drafts = make_corpus(n)
    megabytes = sum(len(d.encode()) for d in drafts) / 1e6
    g = load_guideline()
    linter = Linter(g)
    words = baseline_words()

    def lint_all():
        for i, text in enumerate(drafts):
            linter.lint_draft(parse_draft(text, f"d{i}.md", guideline=g))

    linter.lint_draft(parse_draft(drafts[0], "warm.md", guideline=g))
    ours = timed(lint_all)
    base = timed(baseline, drafts, words)
    return n, megabytes, ours, base, floors(drafts, g)


def floors(drafts, guideline) -> tuple[float, float, int]:
    """Seconds per draft for (the engine running every rule slot with a rule that does
    nothing, the shared tokenisation every rule reads), and the number of rules: what any
    set of rules costs before the rules do their work."""
    from humaskit.draft import parse_draft
    from humaskit.lint.engine import Linter
    from humaskit.lint.text import Tokens

    parsed = [parse_draft(text, f"d{i}.md", guideline=guideline) for i, text in enumerate(drafts)]

    def nothing(ctx):
        return ()

    idle = Linter(guideline)
    idle._checks = {kind: [(active, nothing) for active, _ in checks] for kind, checks in idle._checks.items()}
    engine = timed(lambda: [idle.lint_draft(d) for d in parsed]) / len(parsed)
    tokens = timed(lambda: [Tokens(d.text, d.body_start).lower_words for d in parsed]) / len(parsed)
    return engine, tokens, len(idle._checks["post"])


BASELINE_SCRIPT = """
import re, sys, pathlib
words = set(pathlib.Path(sys.argv[1]).read_text().split())
WORD = re.compile(r"[^\\W_]+(?:[-'’][^\\W_]+)*")
hits = 0
for p in sorted(pathlib.Path(sys.argv[2]).glob("*.md")):
    for w in WORD.findall(p.read_text("utf-8")):
        hits += w.lower() in words
print(hits)
"""


def cli_files(n: int, humaskit: str):
    folder = Path(tempfile.mkdtemp(prefix="humaskit-bench-"))
    try:
        for i, text in enumerate(make_corpus(n, seed=11)):
            (folder / f"d{i:05d}.md").write_text(text, encoding="utf-8")
        wordfile = folder / "words.txt"
        wordfile.write_text("\n".join(w for w in baseline_words() if " " not in w), encoding="utf-8")
        script = folder / "baseline.py"
        script.write_text(BASELINE_SCRIPT, encoding="utf-8")

        def run(cmd):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
            return time.perf_counter() - t

        ours = min(run([humaskit, "lint", "--format", "json", str(folder)]) for _ in range(3))
        base = min(run([sys.executable, str(script), str(wordfile), str(folder)]) for _ in range(3))
        return ours, base
    finally:
        shutil.rmtree(folder)


def startup(humaskit: str, runs: int):
    draft = Path(__file__).resolve().parents[1] / "examples" / "drafts" / "disdukcapil-layanan-sabtu.md"
    subprocess.run([humaskit, "lint", str(draft)], stdout=subprocess.DEVNULL)  # warm the cache

    def once(cmd):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t

    ours = statistics.median(once([humaskit, "lint", str(draft)]) for _ in range(runs))
    bare = statistics.median(once([sys.executable, "-c", "pass"]) for _ in range(runs))
    return ours, bare


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    humaskit = shutil.which("humaskit") or sys.exit("humaskit is not on PATH: install the package first")

    n, mb, ours, base, (engine, tokens, rules) = in_process(args.drafts)
    print("| measurement | humaskit | baseline | ratio |")
    print("| --- | --- | --- | --- |")
    print(f"| in-process, {n:,} drafts of 100–200 words ({mb:.1f} MB) | {n / ours:,.0f} drafts/s, "
          f"{mb / ours:.2f} MB/s | {n / base:,.0f} drafts/s, {mb / base:.2f} MB/s | {ours / base:.1f}× |")
    print(f"| per draft: all of it / engine with {rules} do-nothing rules / shared tokenisation | "
          f"{ours / n * 1e6:.0f} / {engine * 1e6:.0f} / {tokens * 1e6:.0f} µs | {base / n * 1e6:.0f} µs | |")
    cli, cli_base = cli_files(args.files, humaskit)
    print(f"| whole CLI, {args.files:,} draft files | {cli:.2f} s ({args.files / cli:,.0f} files/s) | "
          f"{cli_base:.2f} s | {cli / cli_base:.1f}× |")
    up, bare = startup(humaskit, args.runs)
    print(f"| start-up, `humaskit lint` on one draft (median of {args.runs}) | {up * 1000:.0f} ms | "
          f"{bare * 1000:.0f} ms (`python -c pass`) | |")


if __name__ == "__main__":
    main()
