"""What a rule sees of the draft it checks: :class:`LintContext`."""

from __future__ import annotations

from functools import cached_property
from typing import Callable

from humaskit.draft import Draft
from humaskit.lint.text import Tokens
from humaskit.lint.view import matching_view


class LintContext:
    """What a rule sees: the draft, the guideline, shared tokens and a per-guideline memo."""

    def __init__(self, draft: Draft, guideline, memo: dict, notices: list[str] | None = None,
                 active: frozenset[str] | None = None) -> None:
        self.draft = draft
        # the ids of the rules that run (None: all); word lists leave a word to the rule that owns it
        self.active = active
        self.guideline = guideline
        # Rules match on the caption as a reader sees it; their spans are mapped back to the file.
        self.view = matching_view(draft.text, draft.body_start)
        self.text = self.view.text
        self.base = self.view.base
        self._memo = memo
        self.notices = notices if notices is not None else []
        self.file_notes: list[str] = []
        self._draft_memo: dict = {}

    @cached_property
    def tokens(self) -> Tokens:
        return Tokens(self.text, self.base)

    @property
    def caption(self) -> str:
        return self.text[self.base:]

    @cached_property
    def platforms(self) -> list[dict]:
        """The guideline's entries for the draft's platforms (validated when the draft was read)."""
        known = self.guideline.platforms
        return [known[name] for name in self.draft.platforms if name in known]

    @property
    def agency(self) -> dict | None:
        return self.guideline.agencies.get(self.draft.agency) if self.draft.agency else None

    def memo(self, key: str, factory: Callable):
        """Build something once per guideline (compiled lexicons, regexes) and reuse it."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory(self.guideline)
            return value

    def per_draft(self, key: str, factory: Callable):
        """Something several rules derive from this draft, computed once for it."""
        try:
            return self._draft_memo[key]
        except KeyError:
            value = self._draft_memo[key] = factory(self)
            return value

    def note(self, message) -> None:
        """A figure about this file shown by the text report (e.g. its readability): a string,
        or a function returning it, called only if the report shows it."""
        self.file_notes.append(message)

    def notice(self, message: str) -> None:
        """Something said once per run, not per file (e.g. an optional backend was skipped)."""
        if message not in self.notices:
            self.notices.append(message)
