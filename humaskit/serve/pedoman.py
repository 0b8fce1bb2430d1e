"""Pedoman: every rule of the guideline in force, with what it checks, why, and a wrong and a right
example (the text of `humaskit rules`), searchable in the page. Findings link here by rule id."""

from __future__ import annotations

from flask import Blueprint, render_template

from humaskit.serve.app import allowed, guideline, per_thread

pages = Blueprint("pedoman", __name__)


def _rules() -> list:
    from humaskit.lint.custom import custom_rules
    from humaskit.lint.registry import CATEGORIES, load_rules

    rules = list(load_rules().values()) + list(custom_rules(guideline()))
    return sorted(rules, key=lambda r: (CATEGORIES.index(r.category), r.id))


@pages.route("/pedoman")
@allowed("pedoman")
def page():
    from humaskit.lint.docs import _example

    rules = per_thread("rules", _rules)
    return render_template("pedoman.html", rules=rules, example=_example)
