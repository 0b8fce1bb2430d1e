"""Focused checks of rule behaviour that the wrong/right examples do not pin down."""

from __future__ import annotations

import textwrap

from humaskit.guideline import load_guideline
from humaskit.draft import parse_draft
from humaskit.lint.context import LintContext
from humaskit.lint.engine import Linter
from humaskit.lint.rules.platform import allowed, measure


def _ctx(guideline, text):
    return LintContext(parse_draft(text, "a.md", guideline=guideline), guideline, {})


def test_x_counts_urls_as_23_and_wide_characters_as_2(guideline):
    url = "https://dinsos.tasikmalayakota.go.id/" + "a" * 60
    text = f"Cek {url} 🙏 中文"
    total, over = measure(_ctx(guideline, text), guideline.platforms["x"])
    assert total == len("Cek ") + 23 + 1 + 2 + 1 + 4
    assert over is None


def test_length_marks_where_the_limit_is_passed(guideline):
    text = "a" * 290
    total, over = measure(_ctx(guideline, text), guideline.platforms["x"])
    assert (total, over) == (290, 280)
    total, over = measure(_ctx(guideline, "🙏" * 141), guideline.platforms["x"])
    assert total == 282 and over == 140


def test_comments_do_not_count_towards_length(guideline):
    text = "a" * 270 + "<!-- humaskit-disable tone.pronoun -->" + "b" * 5
    assert measure(_ctx(guideline, text), guideline.platforms["x"])[0] == 275


def test_allowed_domains_include_subdomains_and_paths():
    domains = ["tasikmalayakota.go.id", "instagram.com/diskominfotsm"]
    assert allowed("https://dinkes.tasikmalayakota.go.id/a", domains)
    assert allowed("www.tasikmalayakota.go.id", domains)
    assert allowed("https://instagram.com/diskominfotsm/p/1", domains)
    assert not allowed("https://instagram.com/akunlain", domains)
    assert not allowed("https://tasikmalayakota.go.id.penipu.com/", domains)
    assert not allowed("https://bit.ly/x", domains)


def test_friendly_register_allows_casual_words_but_not_slang(tmp_path):
    path = tmp_path / "akrab.yaml"
    path.write_text(textwrap.dedent("""\
        extends: tasikmalaya
        tone:
          register: friendly
          allow: [Sahabat]
        """), encoding="utf-8")
    linter = Linter(load_guideline(path))
    found = linter.lint_text("Yuk, Sahabat, datang lho! Tiketnya gratis banget. #KotaTasikmalaya", "a.txt").findings
    flagged = {f.message.split("'")[1] for f in found if f.rule == "tone.informal-word"}
    assert flagged == {"banget"}


def test_required_hashtags_follow_agency_and_campaign(lint):
    text = "---\nagency: dinkes\nplatforms: [facebook]\ncampaign: hari-aids-sedunia\n---\nTes HIV gratis.\n"
    [f] = [f for f in lint(text) if f.rule == "hashtag.required"]
    assert f.fix == "\n#KotaTasikmalaya #DinkesTasikmalaya #HariAIDSSedunia"


def test_replies_do_not_need_hashtags(lint):
    text = "---\nkind: reply\nplatforms: [facebook]\n---\nSelamat pagi, terima kasih atas laporan Anda.\n"
    assert not [f for f in lint(text) if f.rule == "hashtag.required"]


def test_proper_names_are_not_flagged_by_lowercase_only_pairs(lint):
    found = lint("Selamat kepada Putera Sampoerna dan Rizki. Dia putera daerah. #KotaTasikmalaya")
    baku = [f for f in found if f.rule == "terminology.kata-baku"]
    assert [f.message.split("'")[1] for f in baku] == ["putera"]


def test_acronyms_agency_names_and_terms_are_not_shouting(lint):
    found = lint("BPBD dan DPMPTSP membuka posko COVID-19 bagi ASN. #KotaTasikmalaya")
    assert not [f for f in found if f.rule == "tone.shouting"]


def _naive_measure(ctx, platform):
    """Reference: walk every character, fixed spans counted once."""
    from humaskit.lint.rules.platform import _fixed_costs, _posted_spans

    def _weight(ch):  # twitter-text v3 ranges, written out here independently of the code under test
        cp = ord(ch)
        return 1 if cp <= 4351 or 8192 <= cp <= 8205 or 8208 <= cp <= 8223 or 8242 <= cp <= 8247 else 2

    weighted = platform["counting"] == "weighted"
    fixed = {s: (e, c) for s, e, c in _fixed_costs(ctx, platform)}
    total, over, text = 0, None, ctx.text
    for start, end in _posted_spans(ctx):
        i = start
        while i < end:
            if i in fixed:
                stop, cost = fixed[i]
            else:
                stop = i + 1
                cost = 0 if text[i] == "\r" and text.startswith("\n", i + 1) else (
                    _weight(text[i]) if weighted else 1)
            if over is None and total + cost > platform["max_length"]:
                over = i
            total += cost
            i = stop
    return total, over


from hypothesis import given, settings, strategies as st  # noqa: E402

PIECES = st.sampled_from(["a", "kata ", "🙏", "中", "\r\n", "\n", " https://tasikmalayakota.go.id/x ", "é",
                          "<!-- c -->", "👨‍👩‍👧", "#KotaTasikmalaya "])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=400).map("".join), st.sampled_from(["x", "threads", "instagram"]))
def test_fast_length_matches_a_character_walk(text, name):
    guideline = load_guideline()
    ctx = _ctx(guideline, text)
    assert measure(ctx, guideline.platforms[name]) == _naive_measure(ctx, guideline.platforms[name])


def test_a_word_in_capitals_after_an_emoji_at_a_line_start_keeps_its_capital(lint):
    found = [f for f in lint("---\nagency: bpbd\n---\n⚠️ PERINGATAN dini banjir di Kelurahan Sukamanah.\n")
             if f.rule == "tone.shouting"]
    assert [f.fix for f in found] == ["Peringatan"]
