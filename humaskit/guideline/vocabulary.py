"""The words the guideline and the linter share, each defined here once: rule categories,
severities (with the Indonesian word a report prints for each), and draft kinds. The guideline
schema validates against them and the lint registry declares rules with them, so the two can
never disagree."""

from __future__ import annotations

CATEGORIES = ("tone", "terminology", "spelling", "grammar", "hashtag", "platform", "visual",
              "accessibility", "reply", "crisis", "privacy", "voice")
# what each category is called where people read it (the handbook's chapters)
CATEGORY_TITLES = {
    "tone": "Nada dan sopan santun", "terminology": "Istilah dan nama resmi", "spelling": "Ejaan dan karakter",
    "grammar": "Tata bahasa dan EYD", "hashtag": "Tagar", "platform": "Batas platform", "visual": "Identitas visual",
    "accessibility": "Aksesibilitas", "reply": "Jawaban pengaduan", "crisis": "Unggahan krisis",
    "privacy": "Data pribadi", "voice": "Satu suara antarperangkat daerah",
}
# from the most serious down; --fail-on and the exit code read this order
SEVERITIES = ("error", "warning", "suggestion")
SEVERITY_LABELS = {"error": "galat", "warning": "peringatan", "suggestion": "saran"}
KINDS = ("post", "reply", "crisis")
# The generic rule types a guideline's custom_rules use, each with the keys of which it needs
# one (humaskit/lint/custom.py holds the class of each).
RULE_TYPES = {"existence": ("tokens", "pattern"), "substitution": ("swap",), "required": ("tokens", "pattern"),
              "limit": ("tokens", "pattern"), "capitalization": ("tokens",)}
