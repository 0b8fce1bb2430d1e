"""Caches for loaded guidelines.

Within a process, a guideline is loaded once (calendar and render load it many times).
Across processes, the validated guideline is pickled in the user's cache folder so that
linting one draft stays instant: parsing and validating the YAML chain costs more than the
lint itself. An entry is used only when every file of the ``extends`` chain still has the
same content hash and the humaskit version matches; any problem with the cache (missing,
unwritable, corrupt) silently falls back to a normal load. Set HUMASKIT_NO_CACHE=1 to
disable it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from humaskit import __version__

_MEMO: dict = {}


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "humaskit"


def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def _entry_path(path: Path) -> Path:
    key = hashlib.blake2b(f"{__version__}:{path}".encode(), digest_size=12).hexdigest()
    return _cache_dir() / f"guideline-{key}.pickle"


def _read_cached(path: Path):
    try:
        with open(_entry_path(path), "rb") as handle:
            version, chain, guideline = pickle.load(handle)
        if version == __version__ and all(_digest(Path(p)) == h for p, h in chain):
            return guideline
    except Exception:  # a stale or unreadable cache is never an error for the user
        return None
    return None


def _write_cached(path: Path, guideline) -> None:
    try:
        from humaskit.fsutil import atomic_write

        chain = [(str(p), _digest(Path(p))) for p in guideline.chain]
        atomic_write(_entry_path(path), pickle.dumps((__version__, chain, guideline), protocol=5))
    except Exception:
        pass


def _stamps(files) -> tuple | None:
    try:
        return tuple((str(p), os.stat(p).st_mtime_ns, os.stat(p).st_size) for p in files)
    except OSError:
        return None


def cached_load(path: Path, load):
    try:
        resolved = path.resolve(strict=True)
    except OSError:
        return load(path)  # let the loader report the missing file properly
    hit = _MEMO.get(resolved)
    if hit and _stamps(hit[1].chain) == hit[0]:
        return hit[1]
    use_disk = os.environ.get("HUMASKIT_NO_CACHE") != "1"
    guideline = _read_cached(resolved) if use_disk else None
    if guideline is None:
        guideline = load(path)
        if use_disk:
            _write_cached(resolved, guideline)
    _MEMO[resolved] = (_stamps(guideline.chain), guideline)
    return guideline
