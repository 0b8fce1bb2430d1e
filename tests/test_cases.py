"""Golden cases: each `tests/cases/NAME.md|txt` has `NAME.expected.json` with its findings.

A new case needs no new test code: add the draft, run with HUMASKIT_REGEN=1, read the
expected file carefully, commit both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import REGEN

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.suffix in (".md", ".txt"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case(case, linter):
    from humaskit.draft import load_draft

    draft = load_draft(case, guideline=linter.guideline)
    found = [f.to_dict() | {"path": case.name} for f in linter.lint_draft(draft).findings]
    expected_path = case.with_name(case.stem + ".expected.json")
    if REGEN or not expected_path.exists():
        expected_path.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert found == json.loads(expected_path.read_text(encoding="utf-8"))
