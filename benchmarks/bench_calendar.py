"""Benchmark `humaskit calendar`: a generated month, scheduled and written.

Run by hand (never in the test suite):  python benchmarks/bench_calendar.py

1. The issue's case: 500 agencies x 40 entries (20,000) as real plan files on disk, through
   the whole pipeline (load and validate plans, schedule, render .ics/HTML/CSV, write
   atomically). Target: under 5 s on a 2-core machine; failing that, within 1.3x of
   icalendar's own floor (every distinct event serialised once, nothing else). The build and
   the floor are timed alternately in each run, so load from other jobs on the machine hits
   both alike; wall and CPU time (this process and its workers) are both reported.
2. Scaling of the scheduler and of schedule+render at 2,000, 20,000 and 200,000 entries
   (40 per agency), printed with time / (n log2 n) so growth worse than n log n shows.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import resource
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


def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(fn):
    """(wall s, CPU s, value) of one call."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    value = fn()
    return time.perf_counter() - t0, cpu_seconds() - c0, value


def floor(events, tzid: str) -> None:
    """icalendar's own floor: every distinct event serialised once, nothing else, with the cyclic
    collector paused as the build pauses it."""
    from humaskit.calendar.ics import Stamp, event_block

    gc.disable()
    try:
        for event in events:
            event_block(event, Stamp(0, NOW), tzid)
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="repetitions; the best time is reported")
    parser.add_argument("--sizes", default="2000,20000,200000", help="entry counts for the scaling table")
    args = parser.parse_args()

    from humaskit.calendar.api import all_events

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        g = guideline_for(500, tmp)
        write_plans(500, tmp / "plans")
        best: dict[str, tuple[float, float]] = {}

        def keep(name, wall, cpu):
            old = best.get(name, (math.inf, math.inf))
            best[name] = (min(old[0], wall), min(old[1], cpu))

        for run in range(args.runs):  # build, then floor, in turn
            wall, cpu, result = timed(lambda: build_calendar(g, "2026-12", tmp / "plans", lint=False))
            keep("load", wall, cpu)
            wall_w, cpu_w, written = timed(lambda: write_outputs(result, tmp / f"out{run}", NOW))
            keep("write", wall_w, cpu_w)
            keep("total", wall + wall_w, cpu + cpu_w)
            events = all_events(result)
            keep("floor", *timed(lambda: floor(events, g["timezone"]))[:2])
        print(f"500 agencies x {PER_AGENCY} entries = {len(result.entries):,} entries "
              f"({len(result.schedule.placements):,} placed, {len(result.schedule.unplaced):,} unplaced); "
              f"best of {args.runs}, wall s / CPU s")
        rows = (("load+validate plans and schedule", "load"), (f"render and write {len(written)} files", "write"),
                ("total (target < 5 s)", "total"), (f"icalendar floor, {len(events):,} events once", "floor"))
        for label, key in rows:
            print(f"  {label:<40} {best[key][0]:6.2f} / {best[key][1]:6.2f}")
        (tw, tc), (fw, fc), (ww, wc) = best["total"], best["floor"], best["write"]
        print(f"  whole build / floor: {tw / fw:.2f}x wall, {tc / fc:.2f}x CPU; "
              f"render+write / floor: {ww / fw:.2f}x wall, {wc / fc:.2f}x CPU")

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
