"""Where the shipped guideline and templates live: in a wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """``guidelines``, ``templates`` or ``examples`` (plans only): packaged copy first, then the checkout's top level."""
    installed = _PACKAGE / "_shipped" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def data_file(name: str) -> Path:
    return _PACKAGE / "data" / name


DEFAULT_GUIDELINE = "tasikmalaya"


def shipped_guideline(name: str = DEFAULT_GUIDELINE) -> Path | None:
    path = shipped_dir("guidelines") / f"{name}.yaml"
    return path if path.is_file() else None


def shipped_guideline_names() -> list[str]:
    return sorted(p.stem for p in shipped_dir("guidelines").glob("*.yaml"))
