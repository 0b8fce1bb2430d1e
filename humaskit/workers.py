"""Worker processes that a single Ctrl-C stops cleanly: every process pool of the package is
made here (worker_pool, and fork_map over it).

Ctrl-C in a terminal sends SIGINT to every process of the foreground group: the parent and
each worker. The workers must ignore it (the parent, interrupted, terminates them), but a
worker that receives it while still starting up, before any initializer ran, would print a
traceback. So SIGINT is *blocked* while the pool forks: the children are born with it
blocked, set it to ignored, and only then unblock it. The parent unblocks it as soon as the
pool exists, and an interrupt that arrived meanwhile is delivered to it then.
"""

from __future__ import annotations

import contextlib
import signal
from typing import Callable, Iterator


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT back while the worker processes are being forked."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def worker_start(init: Callable[..., None] | None = None, *args) -> None:
    """Pool initializer: ignore SIGINT, unblock it, then run ``init(*args)``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if init is not None:
        init(*args)


def worker_count(items: int, jobs: int = 0, *, min_per_worker: int = 1, fork: bool = True) -> int:
    """How many processes share ``items`` items: ``jobs`` of them (0: one per core this process
    may run on), no more than one per ``min_per_worker`` items; one where a pool that must fork
    (``fork``) cannot."""
    if jobs == 1 or items < 2 * min_per_worker:
        return 1  # decided before importing multiprocessing
    import multiprocessing
    import os

    if fork and "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(jobs or cores, items // min_per_worker))


@contextlib.contextmanager
def worker_pool(workers: int, init: Callable[..., None] | None = None, initargs: tuple = (), *,
                fork: bool = True) -> Iterator:
    """A multiprocessing pool of ``workers`` processes, each running ``init(*initargs)`` first,
    that one Ctrl-C stops: it is terminated when the block is left, however it is left. Forked
    (``fork``), the workers share large ``initargs`` with this process instead of receiving them
    pickled; otherwise they start the platform's default way and ``init`` builds what they need."""
    import multiprocessing

    context = multiprocessing.get_context("fork" if fork else None)
    pool = None
    try:
        with interrupts_held():  # an interrupt held back is raised on leaving this block
            pool = context.Pool(workers, initializer=worker_start, initargs=(init, *initargs))
        yield pool
    finally:
        if pool is not None:
            pool.terminate()


def fork_map(fn: Callable, items: list, *, init: Callable[..., None] | None = None, initargs: tuple = (),
             min_per_worker: int = 1) -> list:
    """``[fn(item) for item in items]``, in order, on every core when there are ``min_per_worker``
    items for each of at least two workers. Workers are forked, so ``init(*initargs)`` (run in each
    worker, or here when there are none) shares large inputs without pickling them."""
    workers = worker_count(len(items), min_per_worker=min_per_worker)
    if workers < 2:
        if init is not None:
            init(*initargs)
        return [fn(item) for item in items]
    with worker_pool(workers, init, initargs) as pool:
        return pool.map(fn, items)
