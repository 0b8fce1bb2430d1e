"""Loaded guidelines: once per process, and across processes through the disk cache."""

from __future__ import annotations

import os
from pathlib import Path

from humaskit import diskcache

_MEMO: dict = {}


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
    name = f"guideline:{resolved}"
    guideline = diskcache.load(name)
    if guideline is None:  # the chain of files is known only after loading, so no cached() here
        guideline = load(path)
        diskcache.store(name, guideline.chain, guideline)
    _MEMO[resolved] = (_stamps(guideline.chain), guideline)
    return guideline
