"""Per-process memo of loaded guidelines (calendar and render load the same file many times)."""

from __future__ import annotations

from pathlib import Path

_MEMO: dict = {}


def cached_load(path: Path, load):
    try:
        stamp = path.resolve(), path.stat().st_mtime_ns
    except OSError:
        return load(path)  # let the loader report the missing file properly
    if stamp not in _MEMO:
        _MEMO[stamp] = load(path)
    return _MEMO[stamp]
