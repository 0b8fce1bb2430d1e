"""Pedoman: every rule of the guideline in force, with what it checks, why, and a wrong and a right
example (the text of `humaskit rules`), and the handbook of `humaskit guideline render`. One
search box (``?cari=``) finds its words in both, in the server: no script needed. Findings link
here by rule id."""

from __future__ import annotations

from flask import Blueprint, Response, render_template, request

from humaskit.serve.access import allowed, guideline, per_thread, state

pages = Blueprint("pedoman", __name__)
MAX_QUERY = 200  # characters of the search box that count
SNIPPET = 90     # characters shown either side of the first word found in a chapter


def _rules() -> list:
    from humaskit.lint.custom import custom_rules
    from humaskit.lint.docs import rule_text
    from humaskit.lint.registry import in_order, load_rules

    rules = list(load_rules().values()) + list(custom_rules(guideline()))
    return [(rule, rule_text(rule).casefold())
            for rule in in_order(rules)]


def _handbook() -> bytes:
    """The book, built once per desk from the guideline in force."""
    shared = state()
    if "handbook" not in shared:
        from humaskit.handbook import build_handbook, chapter_texts

        book = build_handbook(guideline())
        shared["chapters"] = [(key, title, text, text.casefold()) for key, title, text in chapter_texts(book)]
        shared["handbook"] = book
    return shared["handbook"]


def _snippet(text: str, folded: str, word: str) -> str:
    at = folded.find(word)
    start, end = max(0, at - SNIPPET), at + len(word) + SNIPPET
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@pages.route("/pedoman")
@allowed("pedoman")
def page():
    from humaskit.lint.docs import example_text

    query = request.args.get("cari", "")[:MAX_QUERY].strip()
    words = query.casefold().split()
    rules = [rule for rule, text in per_thread("rules", _rules) if all(w in text for w in words)]
    chapters = []
    if words:
        _handbook()
        chapters = [(key, title, _snippet(text, folded, words[0])) for key, title, text, folded in state()["chapters"]
                    if all(w in folded for w in words)]
    return render_template("pedoman.html", rules=rules, example=example_text, query=query, chapters=chapters)


@pages.route("/pedoman/buku")
@allowed("pedoman")
def book():
    """The handbook of `humaskit guideline render`."""
    response = Response(_handbook(), mimetype="text/html")
    # the book is one stand-alone page with its own <style> and embedded images, and no script
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response
