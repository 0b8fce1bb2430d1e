"""The lint engine: drafts in, findings out."""

from humaskit.draft import Draft, load_draft, parse_draft
from humaskit.lint.context import LintContext
from humaskit.lint.engine import Linter, lint_paths
from humaskit.lint.fixing import apply_fixes, fix_text
from humaskit.lint.finding import FileResult, Finding, Hit, Report
from humaskit.lint.registry import rule

__all__ = ["Draft", "FileResult", "Finding", "Hit", "LintContext", "Linter", "Report", "apply_fixes",
           "fix_text", "lint_paths", "load_draft", "parse_draft", "rule"]
