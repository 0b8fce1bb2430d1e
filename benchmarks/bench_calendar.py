"""Benchmark `humaskit calendar`: a generated month, scheduled and written.

Run by hand (never in the test suite):  python benchmarks/bench_calendar.py

1. The issue's case: 500 agencies x 40 entries (20,000) as real plan files on disk, through
   the whole pipeline (load and validate plans, schedule, render .ics/HTML/CSV, write
   atomically). Target: under 5 s on a 2-core machine.
2. Scaling of the scheduler and of schedule+render at 2,000, 20,000 and 200,000 entries
   (40 per agency), printed with time / (n log2 n) so growth worse than n log n shows.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from humaskit.calendar.api import build_calendar, render_outputs, write_outputs  # noqa: E402
from humaskit.calendar.plans import Entry  # noqa: E402
from humaskit.calendar.schedule import schedule  # noqa: E402
from humaskit.guideline import load_guideline  # noqa: E402

PER_AGENCY = 40
ACCOUNTS = ("pemkot-instagram", "pemkot-facebook")
PLATFORMS = ("instagram", "facebook", "x", "threads")
PRIORITIES = ("urgent", "announcement", "momentum", "routine", "routine", "routine")
NOW = datetime(2026, 11, 28, tzinfo=timezone.utc)


def guideline_for(agencies: int, folder: Path):
    """The shipped pedoman extended with generated agencies, loaded through the real loader. They have
    no colour: no palette holds 500 colours a reader tells apart (the guideline check asks ΔE ≥ 20)."""
    lines = ["extends: tasikmalaya", "agencies:"]
    for i in range(agencies):
        lines += [f"  pd{i:05d}:", f"    name: Perangkat Daerah {i}", f"    short: PD{i}",
                  "    handles: {instagram: \"@pd\", facebook: \"@pd\"}"]
    path = folder / f"pedoman-{agencies}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_guideline(path)


def entry_specs(agencies: int, seed: int = 2026):
    """Deterministic plan entries: one in ten on a shared account, the rest on own accounts."""
    rng = random.Random(seed)
    for a in range(agencies):
        for k in range(PER_AGENCY):
            day = rng.randint(1, 31)
            start = rng.choice((6, 7, 8, 9, 10, 12, 14, 16, 18)) * 60
            shared = rng.random() < 0.1
            yield {
                "agency": f"pd{a:05d}", "id": f"e{k:03d}", "title": f"Informasi layanan {k}",
                "accounts": (rng.choice(ACCOUNTS),) if shared else (),
                "platforms": () if shared else tuple(sorted(rng.sample(PLATFORMS, rng.randint(1, 2)))),
                "day": day, "until": min(31, day + rng.randint(0, 2)), "window": (start, start + 180),
                "priority": rng.choice(PRIORITIES),
            }


def entries(agencies: int) -> list[Entry]:
    return [Entry(agency=s["agency"], id=s["id"], title=s["title"], priority=s["priority"], accounts=s["accounts"],
                  platforms=s["platforms"], first_day=date(2026, 12, s["day"]), last_day=date(2026, 12, s["until"]),
                  window=s["window"], origin=s["agency"]) for s in entry_specs(agencies)]


def write_plans(agencies: int, folder: Path) -> None:
    by_agency: dict[str, list[str]] = {}
    for s in entry_specs(agencies):
        target = f"accounts: [{s['accounts'][0]}]" if s["accounts"] else f"platforms: [{', '.join(s['platforms'])}]"
        w0, w1 = s["window"]
        by_agency.setdefault(s["agency"], []).append(
            f"  - {{id: {s['id']}, title: {s['title']}, {target}, date: 2026-12-{s['day']:02d}, "
            f"until: 2026-12-{s['until']:02d}, time: \"{w0 // 60:02d}:{w0 % 60:02d}-{w1 // 60:02d}:{w1 % 60:02d}\", "
            f"priority: {s['priority']}}}")
    folder.mkdir()
    for agency, items in by_agency.items():
        (folder / f"{agency}.yaml").write_text(f"agency: {agency}\nentries:\n" + "\n".join(items) + "\n", "utf-8")


def best_of(runs: int, fn):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    return min(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions; the best time is reported")
    parser.add_argument("--sizes", default="2000,20000,200000", help="entry counts for the scaling table")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        g = guideline_for(500, tmp)
        write_plans(500, tmp / "plans")
        out = tmp / "out"
        t_load, result = best_of(args.runs, lambda: build_calendar(g, "2026-12", tmp / "plans", lint=False))
        t_write, written = best_of(args.runs, lambda: write_outputs(result, out, NOW))
        print(f"500 agencies x {PER_AGENCY} entries = {len(result.entries):,} entries "
              f"({len(result.schedule.placements):,} placed, {len(result.schedule.unplaced):,} unplaced)")
        print(f"  load+validate plans and schedule: {t_load:6.2f} s")
        print(f"  render and write {len(written)} files:  {t_write:6.2f} s")
        print(f"  total:                             {t_load + t_write:6.2f} s  (target < 5 s)")
        # The library's own floor: every distinct event serialised once by icalendar, nothing else.
        from humaskit.calendar.api import all_events
        from humaskit.calendar.ics import Stamp, event_block

        events = all_events(result)
        t_floor, _ = best_of(args.runs, lambda: [event_block(e, Stamp(0, NOW), g["timezone"]) for e in events])
        print(f"  icalendar floor, {len(events):,} events once: {t_floor:6.2f} s; whole build / floor = "
              f"{(t_load + t_write) / t_floor:.2f}x, render+write / floor = {t_write / t_floor:.2f}x")

        print("\nscaling (in-memory entries, best of runs)")
        print(f"{'entries':>9} {'schedule s':>11} {'+render s':>10} {'us/(n log2 n)':>14}")
        for n in (int(x) for x in args.sizes.split(",")):
            agencies = n // PER_AGENCY
            g = guideline_for(agencies, tmp)
            items = entries(agencies)
            first = date(2026, 12, 1)
            t_sched, _ = best_of(args.runs, lambda: schedule(items, g, first, 31))
            t_full, _ = best_of(args.runs, lambda: render_outputs(
                build_calendar(g, "2026-12", None, entries=items, lint=False), {}, NOW))
            print(f"{n:>9,} {t_sched:>11.3f} {t_full:>10.3f} {t_full * 1e6 / (n * math.log2(n)):>14.3f}")


if __name__ == "__main__":
    main()
