"""Tone rules (category ``tone``): one module per topic.

- ``words``: informal and slang words, and how the reader is addressed;
- ``style``: shouting in capitals, runs of ! and ?, too many emoji;
- ``phrases``: clickbait, provocation, profanity, regional-language passages;
- ``readability``: sentences too long for a phone screen, and the per-post figure.
"""

# imported for their rules, which register themselves
from humaskit.lint.rules.tone import phrases, readability, style, words  # noqa: F401
