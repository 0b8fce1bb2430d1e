"""Shared CLI plumbing: turn user-input errors into an Indonesian message and exit code 2."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from humaskit.errors import HumaskitError


def print_problems(error: HumaskitError) -> None:
    for problem in error.problems:
        print(f"galat: {problem.render()}", file=sys.stderr)


@contextmanager
def user_errors():
    """Wrap a command body: a HumaskitError becomes its message on stderr and exit 2."""
    import typer

    try:
        yield
    except HumaskitError as error:
        print_problems(error)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        raise typer.Exit(130) from None


def resolve_guideline(option: Path | None):
    """The guideline to use: --guideline, else humaskit.yaml in this folder or a parent,
    else the shipped Kota Tasikmalaya pedoman."""
    from humaskit.guideline import find_guideline, load_guideline

    return load_guideline(option or find_guideline())
