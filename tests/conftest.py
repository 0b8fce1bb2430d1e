"""Shared fixtures: the shipped guideline, a linter over it, and paths to the repository's data."""

from __future__ import annotations

import os

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Keep the guideline cache of the test run out of the user's own cache folder."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def guideline():
    return load_guideline()


@pytest.fixture(scope="session")
def linter(guideline):
    return Linter(guideline)


@pytest.fixture
def lint(linter):
    """Lint a draft text and return its findings."""

    def run(text: str, path: str = "draft.md", **options):
        return linter.lint_text(text, path, **options).findings

    return run
