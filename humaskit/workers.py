"""Worker processes that a single Ctrl-C stops cleanly.

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


def fork_map(fn: Callable, items: list, *, init: Callable[..., None] | None = None, initargs: tuple = (),
             min_per_worker: int = 1) -> list:
    """``[fn(item) for item in items]``, in order, on every core when there are ``min_per_worker``
    items for each of at least two workers. Workers are forked, so ``init(*initargs)`` (run in each
    worker, or here when there are none) shares large inputs without pickling them."""
    import multiprocessing
    import os

    workers = min(os.cpu_count() or 1, len(items) // min_per_worker)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        if init is not None:
            init(*initargs)
        return [fn(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    with interrupts_held():
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                   initializer=worker_start, initargs=(init, *initargs))
        pool.submit(int).result()  # the workers start now, while SIGINT is held
    with pool:
        return list(pool.map(fn, items, chunksize=max(1, len(items) // (workers * 4))))
