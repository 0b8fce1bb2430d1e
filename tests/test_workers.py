"""Every process pool of the package comes from humaskit.workers: one Ctrl-C stops it, with no
traceback from the workers and no worker left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from humaskit.workers import fork_map, worker_count

# The first task says "started", so Ctrl-C comes while the workers are working, as it does
# mid-lint. If the pool ever hangs on the way out, faulthandler prints every thread's stack
# and ends the process, so the test fails with where it hung instead of waiting forever.
SCRIPT = textwrap.dedent("""
    import faulthandler, sys, time
    from humaskit.workers import worker_pool

    def slow(x):
        if x == 0:
            print("started", flush=True)
        time.sleep(0.05)
        return x

    try:
        with worker_pool(2, fork={fork}) as pool:
            faulthandler.dump_traceback_later(20, exit=True)
            pool.map(slow, range(2000))
    except KeyboardInterrupt:
        print("stopped", flush=True)
        sys.exit(130)
""")


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="watches worker processes through /proc")
@pytest.mark.parametrize("fork", [True, False], ids=["forked (lint, calendar)", "default start (render)"])
def test_one_ctrl_c_stops_a_pool_and_its_workers(fork):
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT.format(fork=fork)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, text=True)
    assert proc.stdout.readline() == "started\n"
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = _children(proc.pid)
    assert len(workers) >= 2, "the pool never started its workers"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and out == "stopped\n", err
    assert err == ""  # no KeyboardInterrupt traceback from any worker
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_fork_map_keeps_the_order_and_runs_init_where_it_maps():
    seen = []
    assert fork_map(str, list(range(5)), init=seen.append, initargs=("ready",), min_per_worker=10) == ["0", "1", "2", "3", "4"]
    assert seen == ["ready"]  # too few items for workers: mapped here, after init ran here
    items = list(range(3000))
    assert fork_map(abs, [-i for i in items], min_per_worker=100) == items


def test_worker_count():
    assert worker_count(1000, jobs=1) == 1
    assert worker_count(1, jobs=8) == 1
    assert worker_count(19, jobs=8, min_per_worker=10) == 1  # fewer than two workers' worth of items
    assert worker_count(10, jobs=8, min_per_worker=5) == 2
    assert worker_count(1000, jobs=3) == 3
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert worker_count(1000) == cores
