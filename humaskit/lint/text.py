"""Tokenising a caption once, for every rule: words, hashtags, mentions, URLs, emoji.

All spans are absolute offsets into the draft's text. URLs, e-mail addresses, mentions,
hashtags and HTML comments are masked (replaced by spaces) before words are taken, so
no word rule ever looks inside them.
"""

from __future__ import annotations

import re

URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:go\.id|co\.id|ac\.id|or\.id|id|com|net|org|info|ly|me|gl)\b(?:/[^\s<>\"'()]*)?",
    re.I,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MENTION = re.compile(r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
HASHTAG = re.compile(r"(?<![\w&#])#(\w+)")
COMMENT = re.compile(r"<!--.*?-->", re.S)
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
TRAILING = ".,;:!?)]}'\""

# Emoji: pictographs, symbols and flags; a sequence joined by ZWJ or with modifiers is one emoji.
_EMOJI_CORE = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF\u3030\u303D\u3297\u3299]"
EMOJI = re.compile(
    r"(?:[\U0001F1E6-\U0001F1FF]{2})"
    rf"|{_EMOJI_CORE}[\uFE0F\U0001F3FB-\U0001F3FF]*(?:\u200D{_EMOJI_CORE}[\uFE0F\U0001F3FB-\U0001F3FF]*)*"
)


def trim_url(start: int, end: int, text: str) -> int:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


class Tokens:
    """Every token kind of one caption, computed once."""

    __slots__ = ("urls", "emails", "mentions", "hashtags", "comments", "words", "masked", "emoji", "base")

    def __init__(self, text: str, base: int) -> None:
        caption = text[base:]
        self.base = base
        chars = list(caption)

        def mask(spans):
            for s, e in spans:
                chars[s:e] = " " * (e - s)

        self.comments = [(m.start() + base, m.end() + base) for m in COMMENT.finditer(caption)]
        mask((s - base, e - base) for s, e in self.comments)
        masked = "".join(chars)
        self.emails = [(m.start() + base, m.end() + base) for m in EMAIL.finditer(masked)]
        mask((s - base, e - base) for s, e in self.emails)
        masked = "".join(chars)
        urls = []
        for m in URL.finditer(masked):
            end = trim_url(m.start(), m.end(), masked)
            urls.append((m.start() + base, end + base, masked[m.start():end]))
        self.urls = urls
        mask((s - base, e - base) for s, e, _ in urls)
        masked = "".join(chars)
        self.mentions = [(m.start() + base, m.end() + base, m.group()) for m in MENTION.finditer(masked)]
        self.hashtags = [(m.start() + base, m.end() + base, m.group()) for m in HASHTAG.finditer(masked)]
        mask((s - base, e - base) for s, e, _ in self.mentions)
        mask((s - base, e - base) for s, e, _ in self.hashtags)
        self.masked = "".join(chars)
        self.words = [(m.start() + base, m.end() + base, m.group()) for m in WORD.finditer(self.masked)]
        self.emoji = [(m.start() + base, m.end() + base) for m in EMOJI.finditer(self.masked)]
