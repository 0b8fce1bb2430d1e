"""Each shared concept is defined once in the package (issue 10, item 2): a list of categories,
severities, severity labels, month or weekday names or time zones written out a second time is
a second definition that can drift from the first."""

from __future__ import annotations

import ast

import pytest

from support import REPO

# (what, the words that give a definition away, how many of them a literal must hold, its home).
# A subset (the language categories) or a mapping from each severity to a printer's own level is
# not a second definition; every category or every severity listed again is.
CONCEPTS = [
    ("rule categories", {"tone", "terminology", "spelling", "grammar", "hashtag", "platform", "visual",
                         "accessibility", "reply", "crisis", "privacy", "voice"}, 12, "guideline/vocabulary.py"),
    ("severities", {"error", "warning", "suggestion"}, 3, "guideline/vocabulary.py"),
    ("severity labels", {"galat", "peringatan", "saran"}, 3, "guideline/vocabulary.py"),
    ("month names", {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus"}, 3,
     "language/dates.py"),
    ("weekday names", {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}, 3, "language/dates.py"),
    ("time zones", {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "WIB", "WITA", "WIT"}, 3,
     "language/dates.py"),
]


def _literals(tree: ast.AST, keys: bool = True):
    """The strings of every tuple, list, set and dict written out in the code (a dict's keys
    only if ``keys``)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [*(node.keys if keys else ()), *node.values]
        else:
            continue
        words = set()
        for item in items:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                words.add(item.value)
            elif isinstance(item, ast.Tuple):  # a dict's (name, offset) value
                words |= {e.value for e in item.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
        yield node.lineno, words


def _definitions() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {what: [] for what, *_ in CONCEPTS}
    for path in sorted((REPO / "humaskit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = path.relative_to(REPO / "humaskit").as_posix()
        for what, marks, least, _ in CONCEPTS:
            for line, words in _literals(tree, keys=what != "severities"):
                if len(words & marks) >= least:
                    found[what].append(f"{name}:{line}")
    return found


@pytest.mark.parametrize("what, home", [(what, home) for what, _, _, home in CONCEPTS])
def test_each_shared_concept_has_one_definition(what, home):
    places = _definitions()[what]
    assert places and all(place.startswith(home + ":") for place in places), \
        f"{what}: defined in {places}; define it once in humaskit/{home} and import it"


def test_the_probe_finds_a_second_definition():
    tree = ast.parse('LABELS = {"error": "galat", "warning": "peringatan", "suggestion": "saran"}')
    [(_, words)] = list(_literals(tree))
    assert words >= {"galat", "peringatan", "saran", "error", "warning", "suggestion"}


def test_an_unknown_name_is_worded_once(guideline):
    """Drafts, plans, crisis windows and graphics ask ``Guideline.unknown`` whether an agency,
    platform, campaign or shared account exists, so each says it in the same words."""
    agency, platform = sorted(guideline.agencies)[0], sorted(guideline.platforms)[0]
    assert guideline.unknown("agency", agency) is None and guideline.unknown("agency", None) is None
    message, hint = guideline.unknown("agency", agency + "x")
    assert message == f"perangkat daerah '{agency}x' tidak ada di pedoman." and hint and agency in hint
    assert guideline.unknown("platform", platform) is None
    assert guideline.unknown("platform", "fesbuk")[0] == "platform 'fesbuk' tidak ada di pedoman."
    assert guideline.unknown("campaign", "tidak-ada")[0].startswith("kampanye 'tidak-ada'")
    assert guideline.unknown("shared_account", "tidak-ada")[0].startswith("akun bersama 'tidak-ada'")


def test_no_module_but_the_guideline_suggests_a_known_name():
    """A second ``did_you_mean(name, guideline.agencies)`` (or platforms, campaigns, shared
    accounts) would be a second wording of the same check."""
    names = ("agencies", "platforms", "campaigns", "shared_accounts")
    places = []
    for path in sorted((REPO / "humaskit").rglob("*.py")):
        if path.name == "loader.py" and path.parent.name == "guideline":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "did_you_mean" and \
                    any(name in ast.unparse(arg) for arg in node.args[1:] for name in names):
                places.append(f"{path.relative_to(REPO).as_posix()}:{node.lineno}")
    assert places == [], f"use Guideline.unknown instead: {places}"
