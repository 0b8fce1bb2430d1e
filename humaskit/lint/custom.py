"""Generic rule types instantiated from the guideline's ``custom_rules`` (Vale-style)."""

from __future__ import annotations


def custom_rules(guideline) -> list:
    return []
