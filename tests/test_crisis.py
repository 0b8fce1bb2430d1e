"""Crisis posts (kind: crisis): required elements and what is forbidden, configurable in the guideline."""

from __future__ import annotations

import textwrap

import pytest

from humaskit.guideline import load_guideline
from humaskit.lint.engine import Linter

HEAD = "---\nagency: bpbd\nkind: crisis\nplatforms: [x]\n---\n"
GOOD = ("Pembaruan pukul 14.00 WIB: banjir menggenangi Kelurahan Nagarasari, Kecamatan Cipedes. Warga diimbau "
        "segera mengungsi ke Gedung Dakwah. Hubungi 112. Sumber: pemantauan BPBD. #KotaTasikmalaya #BPBDTasikmalaya")


def _crisis(findings):
    return sorted(f.rule for f in findings if f.rule.startswith("crisis."))


def test_a_complete_crisis_post_passes(lint):
    assert _crisis(lint(HEAD + GOOD)) == []


def test_a_bare_alert_misses_every_element(lint):
    found = _crisis(lint(HEAD + "Banjir! Semua aman kok. #KotaTasikmalaya #BPBDTasikmalaya"))
    assert found == ["crisis.action", "crisis.contact", "crisis.place", "crisis.source", "crisis.update-time"]


@pytest.mark.parametrize("update", ["Pembaruan pukul 14.00 WIB:", "Update 06:30 WIB —", "Data per Kamis, 3 Desember "
                                    "2026 pukul 07.15 WIB:", "Diperbarui pukul 9.05 WIB."])
def test_update_time_forms(lint, update):
    text = HEAD + GOOD.replace("Pembaruan pukul 14.00 WIB:", update)
    assert "crisis.update-time" not in _crisis(lint(text))


def test_an_update_word_without_a_clock_is_not_enough(lint):
    text = HEAD + GOOD.replace("Pembaruan pukul 14.00 WIB:", "Pembaruan terbaru:")
    assert "crisis.update-time" in _crisis(lint(text))


@pytest.mark.parametrize("word, rule", [
    ("Katanya", "crisis.speculation"), ("kabarnya", "crisis.speculation"), ("belum pasti", "crisis.speculation"),
    ("wkwkwk", "crisis.humour"), ("hahaha", "crisis.humour"), ("xD", "crisis.humour"), ("🌊", "crisis.emoji"),
])
def test_forbidden_words_are_findings_with_their_span(lint, word, rule):
    text = HEAD + GOOD.replace("Warga diimbau", f"{word} warga diimbau")
    found = [f for f in lint(text) if f.rule == rule]
    assert len(found) == 1
    line = text.splitlines()[found[0].line - 1]
    assert line[found[0].column - 1:found[0].end_column - 1] == word


def test_promotional_and_other_campaign_hashtags(lint):
    text = HEAD + GOOD + " #PromoAkhirTahun #TasikmalayaResik #SiagaBanjir"
    found = [f.message for f in lint(text) if f.rule == "crisis.promo-hashtag"]
    assert len(found) == 2 and "#PromoAkhirTahun" in found[0] and "#TasikmalayaResik" in found[1]


def test_posts_and_replies_are_not_held_to_the_crisis_protocol(lint):
    for kind in ("post", "reply"):
        assert _crisis(lint(HEAD.replace("crisis", kind) + "Banjir wkwk 🌊 kabarnya.")) == []


def test_every_element_is_configurable(tmp_path):
    city = tmp_path / "kota.yaml"
    city.write_text(textwrap.dedent("""\
        extends: tasikmalaya
        crisis:
          update: []
          source: [rujukan]
          contact: [telepon]
          hotlines: ["113"]
          emoji: true
          speculative: [rumornya]
        """), encoding="utf-8")
    linter = Linter(load_guideline(city))
    text = HEAD + GOOD.replace("Pembaruan pukul 14.00 WIB: b", "B").replace("Hubungi 112. ", "") + " 🌊 kabarnya"
    found = _crisis(linter.lint_text(text, "a.md").findings)
    assert found == ["crisis.contact", "crisis.source"]
    text = text.replace("Sumber:", "Rujukan:") + " Darurat: 113. Rumornya"
    assert _crisis(linter.lint_text(text, "a.md").findings) == ["crisis.speculation"]


def test_kind_crisis_from_the_command_line(lint):
    assert "crisis.contact" in _crisis(lint("Banjir di Kelurahan Nagarasari.", kind="crisis"))


def test_a_hostile_crisis_caption_does_not_hang(lint):
    import time

    pieces = ["per ", "pukul ", "Jl. Mawar ", "No. 1 ", "RT 03 ", "wkwk ", "0812 ", "3278011203850001 ", "Gedung A ",
              "1 Desember ", "Rp1.000 ", "#Promo ", "😀", "katanya ", "(" * 20, "x" * 60 + " "]
    caption = "".join(pieces[i * 7 % len(pieces)] for i in range(40_000))[:900_000]
    start = time.perf_counter()
    found = lint(HEAD + caption)
    assert time.perf_counter() - start < 60  # no hang on 900 KB
    assert {"crisis.humour", "crisis.speculation", "privacy.personal-data"} <= {f.rule for f in found}
