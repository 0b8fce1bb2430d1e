"""Fuzzing the one YAML path with documents built from YAML's own pieces (anchors, aliases,
merge keys, tags, flow and block collections, repeated keys): whatever comes in, the loaders
and the front-matter parser give values or a HumaskitError naming the file, in bounded time."""

from __future__ import annotations

import time

from hypothesis import given, settings, strategies as st

from humaskit.errors import HumaskitError
from humaskit.draft import parse_draft
from humaskit.yaml_located import load_located, load_plain

NAMES = st.sampled_from(["a", "b", "judul", "<<", "2026-02-30", "1", "yes", "~", "x y"])
SCALARS = st.one_of(
    st.sampled_from(["lol", "'kutip'", '"dua"', "12", "1e999", "0x1F", "2026-12-03", "2026-13-45", "null",
                     "*a", "*b", "*c", "&a v", "&b w", "!!str 1", "!!bool maybe", "!!timestamp x", "!x y",
                     "!!python/name:os.system", "|\n  blok", ">-\n  lipat", "'", "\"\\q\"", "\t", "\x00", "\u202e"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
)


def _documents():
    def extend(children):
        mapping = st.lists(st.tuples(NAMES, children), min_size=1, max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}")
        sequence = st.lists(children, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")
        anchored = st.tuples(st.sampled_from(["&a ", "&b ", "&c ", "!!map ", "!!set ", ""]),
                             st.one_of(mapping, sequence)).map("".join)
        return st.one_of(mapping, sequence, anchored)

    values = st.recursive(SCALARS, extend, max_leaves=30)
    block = st.lists(st.tuples(NAMES, values), min_size=1, max_size=6).map(
        lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs))
    return st.one_of(values, block)


def _bounded(call) -> None:
    started = time.monotonic()
    try:
        call()
    except HumaskitError as exc:
        assert exc.problems and all(p.path in ("f.yaml", "d.md") for p in exc.problems), exc.problems
        assert all(p.message for p in exc.problems)
    assert time.monotonic() - started < 5, "no hang"


@settings(max_examples=400, deadline=None)
@given(_documents())
def test_loaders_give_values_or_our_error(text):
    _bounded(lambda: load_located(text, "f.yaml"))
    _bounded(lambda: load_plain(text, "f.yaml"))


@settings(max_examples=300, deadline=None)
@given(_documents())
def test_front_matter_gives_a_draft_or_our_error(text):
    _bounded(lambda: parse_draft("---\n" + text + "\n---\nHalo warga.\n", "d.md"))
