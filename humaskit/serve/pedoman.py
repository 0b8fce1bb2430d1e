"""Pedoman: every rule of the guideline in force, with what it checks, why, and a wrong and a right
example (the text of `humaskit rules`), searchable in the page. Findings link here by rule id."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from humaskit.serve.app import allowed, guideline, per_thread, state

pages = Blueprint("pedoman", __name__)


def _rules() -> list:
    from humaskit.lint.custom import custom_rules
    from humaskit.lint.registry import CATEGORIES, load_rules

    rules = list(load_rules().values()) + list(custom_rules(guideline()))
    return sorted(rules, key=lambda r: (CATEGORIES.index(r.category), r.id))


@pages.route("/pedoman")
@allowed("pedoman")
def page():
    from humaskit.lint.docs import example_text

    rules = per_thread("rules", _rules)
    return render_template("pedoman.html", rules=rules, example=example_text)


@pages.route("/pedoman/buku")
@allowed("pedoman")
def book():
    """The handbook of `humaskit guideline render`, built once per desk from the guideline in force."""
    shared = state()
    if "handbook" not in shared:
        from humaskit.guideline.handbook import build_handbook

        shared["handbook"] = build_handbook(guideline())
    response = Response(shared["handbook"], mimetype="text/html")
    # the book is one stand-alone page with its own <style> and embedded images, and no script
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response
