"""Grammar rules (category ``grammar``), EYD V's mechanics: one module per topic.

- ``words``: di/ke, doubled and repeated words, -nya and pun, conjunctions opening a sentence;
- ``numbers``: time, money, dates and weekdays, ordinals with ke-, sentences opening with a digit;
- ``capitals``: titles before a name, se- before a capital, -Nya for God;
- ``punctuation``: spaces doubled, inside brackets and quotes or before a mark, abbreviations;
- ``languagetool``: an optional LanguageTool server for drafts in other languages;
- ``scan``: what several of these rules find in a draft once, and how they look for it.
"""

# imported for their rules, which register themselves
from humaskit.lint.rules.grammar import capitals, languagetool, numbers, punctuation, words  # noqa: F401
