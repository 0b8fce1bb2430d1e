"""Grammar rules (category ``grammar``), EYD V's mechanics: one module per topic.

- ``words``: di/ke, doubled and repeated words, -nya and pun, conjunctions opening a sentence;
- ``numbers``: time, money, decimals, ordinals with ke-, sentences opening with a digit;
- ``dates``: how a date is written, and a weekday that does not match its date;
- ``capitals``: titles before a name, se- before a capital, -Nya for God;
- ``punctuation``: spaces doubled, inside brackets and quotes or before a mark, abbreviations;
- ``languagetool``: an optional LanguageTool server for drafts in other languages;
- ``scan``: what several of these rules find in a draft once, and how they look for it.
"""

# imported for their rules, which register themselves
from humaskit.lint.rules.grammar import capitals, dates, languagetool, numbers, punctuation, words  # noqa: F401
