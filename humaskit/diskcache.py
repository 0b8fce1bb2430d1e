"""A small on-disk cache for derived data that is slow to rebuild at every start.

Linting one draft must feel instant, yet parsing and validating the guideline chain or
reading the Hunspell dictionary costs more than the lint itself. Each entry records the
content hash of every file it was built from and a stamp of the package code; it is used only when
all still match, so it is never stale. Any problem with the cache (missing, unwritable,
corrupt) silently falls back to building the value. HUMASKIT_NO_CACHE=1 disables it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from humaskit import __version__


def enabled() -> bool:
    return os.environ.get("HUMASKIT_NO_CACHE") != "1"


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "humaskit"


def _digest(path) -> str:
    from humaskit.fsutil import read_user_bytes

    # The files were guidelines when the entry was stored; one swapped for a device since
    # must fail here (an unusable entry), not hang.
    return hashlib.blake2b(read_user_bytes(path, what="Berkas"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """Size and time of every module of the package: a changed install invalidates entries
    even when the version number did not move."""
    package = os.path.dirname(os.path.realpath(__file__))
    found = []
    for folder, _, names in os.walk(package):  # os.walk: several times faster than Path.rglob here
        for name in names:
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                found.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{info.st_size}:{info.st_mtime_ns};")
    stamp = hashlib.blake2b(__version__.encode(), digest_size=16)
    for entry in sorted(found):
        stamp.update(entry.encode())
    return stamp.hexdigest()


def _entry(name: str) -> Path:
    key = hashlib.blake2b(f"{__version__}:{name}".encode(), digest_size=12).hexdigest()
    return _folder() / f"{key}.pickle"


def load(name: str):
    """The cached value for ``name``, or None when absent or built from other file contents."""
    if not enabled():
        return None
    try:
        with open(_entry(name), "rb") as handle:
            version, sources, value = pickle.load(handle)
        if version == _code_stamp() and all(_digest(p) == h for p, h in sources):
            return value
    except Exception:  # a stale or unreadable cache is never an error for the user
        return None
    return None


def store(name: str, sources, value) -> None:
    """Remember ``value`` as built from the files ``sources``."""
    if not enabled():
        return
    try:
        from humaskit.fsutil import atomic_write

        recorded = [(str(p), _digest(p)) for p in sources]
        atomic_write(_entry(name), pickle.dumps((_code_stamp(), recorded, value), protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:
        pass


def cached(name: str, sources, build):
    """``build()`` once per set of source contents; later starts read the pickled result."""
    value = load(name)
    if value is None:
        value = build()
        store(name, sources, value)
    return value
