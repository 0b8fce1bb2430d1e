"""The PyYAML-free front-matter reader must agree with PyYAML on everything it accepts."""

import yaml
from hypothesis import given, settings, strategies as st

from humaskit.frontmatter import read_simple

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    Loader = yaml.SafeLoader

KEYS = ["agency", "platforms", "publish", "title", "alt", "a-b", "_x", "on", "yes", "No", "null", "x1",
        "Agency", "é", "1a"]
SEPARATORS = [": ", ":  ", ":", ":\t", " : ", ": \t", "=", ":\u3000"]
VALUES = [
    "dinkes", "Dinas Kesehatan", "2026-12-01T09:00", "2026-12-01", "2026-12-01 09:00:00", "2026-12-01T09:00:00",
    '"Hari Jadi"', "'it''s'", "'a'b'", '"a\\"b"', '"a #b"', "[facebook, x]", "[a,]", "[]", "[ ]", "[a, [b]]",
    '["a", \'b\']', '["a, b"]', "a #b", "a: b", "a:b", "|", ">", "-", "- a", "12", "0x1F", ".inf", "Null", "~",
    "yes", "ON", "x!", "&a b", "*a", "!tag x", "? x", "%x", "@x", "`x", "Hari [Jadi]", "a, b", "{a: b}",
    "Wali\u00a0Kota", "a\u2028b", "a\x85b", "naïve café", "x\t", "1:30", "+1", "é", "",
]
LINE_ENDS = ["\n", "\r\n"]


@st.composite
def front_matter(draw):
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            lines.append(draw(st.sampled_from(["", "   ", "\t", "# komentar", "  # x", "  nested: 1", "- item"])))
            continue
        value = draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=12)))
        trail = draw(st.sampled_from(["", " ", "  ", "\t", " # c"]))
        lines.append(draw(st.sampled_from(KEYS)) + draw(st.sampled_from(SEPARATORS)) + value + trail)
    end = draw(st.sampled_from(LINE_ENDS))
    return end.join(lines) + draw(st.sampled_from(["", end]))


@settings(max_examples=3000, deadline=None)
@given(front_matter())
def test_agrees_with_pyyaml_whenever_it_answers(text):
    fast = read_simple(text)
    if fast is None:
        return
    assert (yaml.load(text, Loader=Loader) or {}) == fast


def test_reads_the_common_shapes():
    text = ("agency: dinkes\nplatforms: [instagram, facebook, x]\npublish: 2026-12-03T09:00\n"
            "title: \"Imunisasi: jadwal\"\nalt: 'Poster imunisasi, latar biru'\ncampaign: bulan-imunisasi\n")
    assert read_simple(text) == yaml.load(text, Loader=Loader)
    assert read_simple(text.replace("\n", "\r\n")) == yaml.load(text, Loader=Loader)


def test_leaves_everything_else_to_pyyaml():
    for text in ("fields:\n  judul: x\n", "platforms:\n  - x\n", "publish: 2026-12-03\n", "on: x\n",
                 "agency: dinkes\nagency: dishub\n", "title: |\n  x\n", "tags: [a, b\n"):
        assert read_simple(text) is None, text
