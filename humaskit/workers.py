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
