"""Fixtures for the calendar tests: the example month, a scratch copy of it, and the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from humaskit.cli import app

from calhelp import EXAMPLE_PLANS


@pytest.fixture
def plans(tmp_path) -> Path:
    """A writable copy of the example month (plans, drafts and posters)."""
    target = tmp_path / "plans"
    shutil.copytree(EXAMPLE_PLANS, target)
    return target


@pytest.fixture
def cli():
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["calendar", *map(str, args)])

    return run
