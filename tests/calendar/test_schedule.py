"""The scheduler on in-memory entries: priorities, shared slots, spacing, quiet hours, quotas,
blackout dates, nearest free slot, determinism."""

from __future__ import annotations

import random
from datetime import date

from humaskit.calendar.plans import Entry
from humaskit.calendar.schedule import OWN, schedule
from humaskit.guideline import load_guideline

from calhelp import write_guideline

DEC = date(2026, 12, 1)


def entry(id, agency="dinkes", day=1, until=None, window=(360, 1259), accounts=("pemkot-instagram",),
          platforms=(), priority="routine"):
    return Entry(agency=agency, id=id, title=id, priority=priority, accounts=tuple(accounts),
                 platforms=tuple(platforms), first_day=date(2026, 12, day), last_day=date(2026, 12, until or day),
                 window=window, origin=id)


def at(result):
    return {(p.entry.id, p.channel): (p.day.day, p.minute) for p in result.placements}


def test_higher_priority_takes_the_contested_slot_whatever_the_input_order(guideline):
    routine = entry("rutin", agency="dinsos", window=(540, 540))
    urgent = entry("darurat", agency="bpbd", window=(540, 540), priority="urgent")
    for order in ([routine, urgent], [urgent, routine]):
        result = schedule(order, guideline, DEC, 31)
        assert at(result) == {("darurat", "pemkot-instagram"): (1, 540)}
        [lost] = result.unplaced
        assert lost.entry.id == "rutin"
        assert "sudah dipakai bpbd" in lost.reason
        # Instagram slots are 07:00 09:00 12:00 15:30 19:00: 07:00 is nearer to 09:00 than 12:00.
        assert lost.nearest == (date(2026, 12, 1), 420)


def test_window_entry_moves_to_next_free_slot_and_says_why(guideline):
    first = entry("pertama", agency="dishub", window=(540, 540), priority="announcement")
    second = entry("kedua", agency="dinsos", window=(480, 720))
    result = schedule([second, first], guideline, DEC, 31)
    assert at(result)[("kedua", "pemkot-instagram")] == (1, 720)
    moved = [p for p in result.conflicts if p.entry.id == "kedua"]
    assert moved and "dishub" in moved[0].note


def test_minimum_spacing_between_posts_of_one_agency(guideline):
    # Facebook slots 08:00 11:00 14:00: with 120 minutes minimum, the same agency cannot
    # post at 08:00 and 09:00; the second post goes to 11:00.
    a = entry("a", accounts=(), platforms=("facebook",), window=(480, 480))
    b = entry("b", accounts=(), platforms=("facebook",), window=(540, 720))
    result = schedule([a, b], guideline, DEC, 31)
    times = at(result)
    assert times[("a", OWN)] == (1, 480)
    assert times[("b", OWN)][1] - 480 >= guideline["calendar"]["min_spacing_minutes"]
    # Another agency is not held back by dinkes's spacing.
    c = entry("c", agency="dinsos", accounts=(), platforms=("facebook",), window=(540, 540))
    assert at(schedule([a, c], guideline, DEC, 31))[("c", OWN)] == (1, 540)


def test_quiet_hours_are_never_used(guideline):
    late = [entry(f"e{i}", agency=a, accounts=(), platforms=("instagram",), window=(1200, 1439))
            for i, a in enumerate(["dinkes", "dinsos", "disdik"])]
    result = schedule(late, guideline, DEC, 31)
    assert result.placements  # 20:00-20:59 is outside the 21:00-06:00 quiet hours
    assert all(1200 <= p.minute < 1260 for p in result.placements)


def test_more_entries_than_slots_reports_each_leftover(guideline):
    # pemkot-x has 5 slots a day; 7 agencies want it on one day with any time.
    agencies = ["setda", "diskominfo", "dinkes", "dishub", "bpbd"]
    wanted = [entry(f"x{i}", agency=agencies[i % 5], accounts=("pemkot-x",)) for i in range(7)]
    result = schedule(wanted, guideline, DEC, 31)
    assert len(result.placements) == 5
    assert len(result.unplaced) == 2
    for item in result.unplaced:
        assert "sudah dipakai" in item.reason
        assert item.nearest is not None and item.nearest[0] == date(2026, 12, 2)


def test_quota_and_blackout(tmp_path):
    g = load_guideline(write_guideline(tmp_path, "  quotas: {dinsos: 2}\n"
                                       "  blackout: [{date: 2026-12-09, reason: masa tenang}]\n"))
    posts = [entry(f"p{i}", agency="dinsos", day=i + 1, accounts=(), platforms=("instagram",)) for i in range(3)]
    result = schedule(posts, g, DEC, 31)
    assert len(result.placements) == 2
    assert "kuota" in result.unplaced[0].reason
    urgent = entry("u", agency="dinsos", day=4, accounts=(), platforms=("instagram",), priority="urgent")
    assert len(schedule(posts + [urgent], g, DEC, 31).placements) == 3  # urgent ignores the quota

    quiet_day = entry("q", agency="dinkes", day=9, accounts=(), platforms=("instagram",))
    result = schedule([quiet_day], g, DEC, 31)
    assert "masa tenang" in result.unplaced[0].reason
    assert result.unplaced[0].nearest[0] in (date(2026, 12, 8), date(2026, 12, 10))
    spread = entry("r", agency="dinkes", day=9, until=10, accounts=(), platforms=("instagram",))
    assert at(schedule([spread], g, DEC, 31))[("r", OWN)][0] == 10


def test_same_input_in_any_order_gives_the_same_schedule(guideline):
    agencies = list(guideline.agencies)
    rng = random.Random(7)
    items = [entry(f"e{i}", agency=rng.choice(agencies), day=rng.randint(1, 28), until=None,
                   accounts=rng.choice([("pemkot-instagram",), ("pemkot-facebook",), ()]),
                   platforms=rng.choice([(), ("instagram",)]) or ("facebook",),
                   priority=rng.choice(["urgent", "announcement", "momentum", "routine"]))
             for i in range(300)]
    baseline = schedule(items, guideline, DEC, 31)
    rng.shuffle(items)
    again = schedule(items, guideline, DEC, 31)
    assert baseline.placements == again.placements
    assert baseline.unplaced == again.unplaced
    # Every shared slot holds at most one post.
    shared = [(p.channel, p.day, p.minute) for p in baseline.placements if p.channel != OWN]
    assert len(shared) == len(set(shared))
