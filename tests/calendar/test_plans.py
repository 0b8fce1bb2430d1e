"""Plan loading: many files are parsed on every core with exactly the sequential result."""

from __future__ import annotations

import humaskit.calendar.plans as plans_module
from humaskit.calendar.plans import load_entries

from calhelp import write_plan


def test_parallel_loading_matches_sequential(tmp_path, guideline, monkeypatch):
    agencies = sorted(guideline.agencies)
    files = 3 * plans_module.PARALLEL_FROM
    for i in range(files):
        agency = agencies[i % len(agencies)]
        write_plan(tmp_path, f"{i:03d}-{agency}.yaml", f"agency: {agency}\nentries:\n"
                   f"  - {{id: e{i}, title: Info {i}, platforms: [instagram], date: 2026-12-{i % 28 + 1:02d}}}\n"
                   f"  - {{id: f{i}, title: Lain {i}, platforms: [facebook], date: 2026-11-30}}\n")
    parallel = load_entries(guideline, 2026, 12, tmp_path)
    monkeypatch.setattr(plans_module, "PARALLEL_FROM", 10**9)
    sequential = load_entries(guideline, 2026, 12, tmp_path)
    assert parallel == sequential
    entries, drafts, outside, crises = parallel
    assert crises == []
    assert len(entries) == outside == files and drafts == []
