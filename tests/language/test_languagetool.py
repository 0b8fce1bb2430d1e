"""The optional LanguageTool backend, against a local STAND-IN server (see lt_standin.py)."""

from __future__ import annotations

import socket

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter

from lt_standin import languagetool_standin

DRAFT = "---\nagency: disparbud\nlang: en-US\n---\nVisit Dadaha 🌳. This are the best parks in town.\n"


@pytest.fixture
def linter_with_env(monkeypatch):
    def make(url):
        if url is None:
            monkeypatch.delenv("HUMASKIT_LANGUAGETOOL_URL", raising=False)
        else:
            monkeypatch.setenv("HUMASKIT_LANGUAGETOOL_URL", url)
        return Linter(load_guideline(), select=("grammar.languagetool",))
    return make


def test_matches_become_grammar_findings_at_the_right_place(linter_with_env):
    with languagetool_standin() as (url, requests):
        linter = linter_with_env(url)
        result = linter.lint_text(DRAFT, "en.md")
    [finding] = result.findings
    # The emoji before the error is two UTF-16 units: the offset must still land on "This are".
    assert DRAFT[finding.start:finding.end] == "This are"
    assert (finding.category, finding.rule, finding.fix) == ("grammar", "grammar.languagetool", "These are")
    assert finding.line == 5 and "THIS_NNS_VB" in finding.message
    assert requests and requests[0]["language"] == ["en-US"]
    assert not linter.notices


def test_indonesian_drafts_are_never_sent(linter_with_env):
    with languagetool_standin() as (url, requests):
        result = linter_with_env(url).lint_text("---\nagency: dinkes\n---\nThis are Indonesian rules.\n", "id.md")
    assert not result.findings and not requests


def test_no_server_configured_says_so_once(linter_with_env):
    linter = linter_with_env(None)
    for _ in range(3):
        assert not linter.lint_text(DRAFT, "en.md").findings
    assert len(linter.notices) == 1 and "HUMASKIT_LANGUAGETOOL_URL" in linter.notices[0]


def test_server_that_does_not_answer_is_skipped_once(linter_with_env):
    with socket.socket() as probe:  # a port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    linter = linter_with_env(f"http://127.0.0.1:{port}/")
    for _ in range(3):
        assert not linter.lint_text(DRAFT, "en.md").findings
    assert len(linter.notices) == 1 and "tidak menjawab" in linter.notices[0]
